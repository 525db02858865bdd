import ArgumentParser
import Foundation
import StateTest

/// `rvx evm statetest FILE|DIR`: runs Ethereum GeneralStateTests and reports per case, per fork and overall.
struct EVMStateTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statetest", abstract: "Run GeneralStateTests fixtures (Berlin … Osaka).")

    @Argument(help: "Fixture files or directories searched recursively for .json files.") var paths: [String]
    @Option(help: "Only run this fork (Berlin, London, Paris, Shanghai, Cancun, Prague, Osaka, BPO1, BPO2). Repeatable.") var fork: [String] = []
    @Flag(help: "Print one JSON object per case (geth `evm statetest` shape).") var json = false
    @OptionGroup var progress: ProgressOptions
    @Option(name: .customLong("run"), help: "Only run cases whose name matches this regular expression.") var pattern: String?
    @Flag(help: "Also run the heavy fixtures (loopMul, BLAKE2f max rounds).") var heavy = false
    @Option(help: "Worker threads.") var threads: Int = 2
    @Option(help: "Worker thread stack size in MiB (nested calls recurse up to 1024 deep).") var stackMb: Int = 512

    func run() throws {
        let filter = try FixtureRunReporter.filter(pattern)
        let forks: Set<String>?
        do { forks = try StateTestRunner.forkFilter(fork) } catch { throw ValidationError(error.description) }
        let runner = StateTestRunner(forks: forks, nameFilter: filter, includeHeavy: heavy)
        let files = try FixtureRunReporter.files(paths, search: StateTestRunner.fixtureFiles)
        let reporter = FixtureRunReporter(total: files.count, progress: progress.enabled)
        nonisolated(unsafe) var summary = StateTestSummary()
        let asJSON = json
        ParallelRunner.run(files: files, runner: runner, threads: threads, stackBytes: max(1, stackMb) << 20) { file, results in
            reporter.fileDone {
                for r in results {
                    summary.add(r)
                    if asJSON {
                        print(StateTestSummary.json(r))
                    } else if case .failed(let why) = r.status {
                        print("FAIL \(r.name) (\((file as NSString).lastPathComponent)): \(why)")
                    }
                }
                return (summary.passed, summary.failed)
            }
        }
        try reporter.finish(lines: summary.forkLines + [summary.line], json: asJSON, failed: summary.failed)
    }
}
