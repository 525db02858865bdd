import ArgumentParser
import BlockTest
import Foundation
import StateTest

/// `rvx evm blocktest FILE|DIR`: imports blockchain tests block by block (geth `evm blocktest` semantics) and
/// reports per test, per network and overall (docs/EVMBLOCKS.md).
struct EVMBlockTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blocktest", abstract: "Run blockchain-test fixtures (Berlin through Osaka and the BPO forks, with their transitions).")

    @Argument(help: "Fixture files or directories searched recursively for .json files.") var paths: [String]
    @Flag(help: "Print one JSON object per test on stdout (JSON Lines); the summary goes to stderr.") var json = false
    @OptionGroup var progress: ProgressOptions
    @Option(name: .customLong("run"), help: "Only run tests whose name matches this regular expression.") var pattern: String?
    @Option(help: "Worker threads.") var threads: Int = 2
    @Option(help: "Worker thread stack size in MiB (nested calls recurse up to 1024 deep).") var stackMb: Int = 512

    func run() throws {
        let filter = try FixtureRunReporter.filter(pattern)
        let files = try FixtureRunReporter.files(paths, search: StateTestRunner.fixtureFiles)
        let reporter = FixtureRunReporter(total: files.count, progress: progress.enabled)
        nonisolated(unsafe) var summary = BlockTestSummary()
        let asJSON = json
        BlockTestRunner(nameFilter: filter).run(files: files, threads: threads, stackBytes: max(1, stackMb) << 20) { file, results in
            reporter.fileDone {
                for r in results {
                    summary.add(r)
                    if asJSON {
                        print(BlockTestSummary.json(r))
                    } else if case .failed(let why) = r.status {
                        print("FAIL \(r.name) (\((file as NSString).lastPathComponent), \(r.network)): \(why)")
                    }
                }
                return (summary.passed, summary.failed)
            }
        }
        try reporter.finish(lines: summary.networkLines + [summary.line], json: asJSON, failed: summary.failed)
    }
}
