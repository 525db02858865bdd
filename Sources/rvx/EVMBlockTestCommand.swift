import ArgumentParser
import BlockTest
import Foundation
import StateTest

/// `rvx evm blocktest FILE|DIR`: imports blockchain tests block by block (geth `evm blocktest` semantics) and
/// reports per test, per network and overall (docs/EVMBLOCKS.md).
struct EVMBlockTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blocktest", abstract: "Run blockchain-test fixtures (Paris, Shanghai, Cancun and their transitions).")

    @Argument(help: "Fixture files or directories searched recursively for .json files.") var paths: [String]
    @Flag(help: "Print one JSON object per test on stdout (JSON Lines); the summary goes to stderr.") var json = false
    @Option(name: .customLong("run"), help: "Only run tests whose name matches this regular expression.") var pattern: String?
    @Option(help: "Worker threads.") var threads: Int = 2
    @Option(help: "Worker thread stack size in MiB (nested calls recurse up to 1024 deep).") var stackMb: Int = 512

    func run() throws {
        var filter: NSRegularExpression? = nil
        if let r = pattern {
            do { filter = try NSRegularExpression(pattern: r) } catch { throw ValidationError("bad --run regex: \(r)") }
        }
        let files = paths.flatMap { StateTestRunner.fixtureFiles($0) }
        if files.isEmpty { throw ValidationError("no .json fixtures at \(paths.joined(separator: " "))") }
        let lock = NSLock()
        nonisolated(unsafe) var summary = BlockTestSummary()
        nonisolated(unsafe) var done = 0
        let tty = isatty(2) != 0
        let asJSON = json
        BlockTestRunner(nameFilter: filter).run(files: files, threads: threads, stackBytes: max(1, stackMb) << 20) { file, results in
            lock.lock()
            defer { lock.unlock() }
            done += 1
            for r in results {
                summary.add(r)
                if asJSON {
                    print(BlockTestSummary.json(r))
                } else if case .failed(let why) = r.status {
                    print("FAIL \(r.name) (\((file as NSString).lastPathComponent), \(r.network)): \(why)")
                }
            }
            if tty {
                FileHandle.standardError.write("\r\(done)/\(files.count) files, \(summary.passed) passed, \(summary.failed) failed".data(using: .utf8)!)
            }
        }
        if tty { FileHandle.standardError.write("\n".data(using: .utf8)!) }
        let out = asJSON ? FileHandle.standardError : FileHandle.standardOutput
        for l in summary.networkLines { out.write((l + "\n").data(using: .utf8)!) }
        out.write((summary.line + "\n").data(using: .utf8)!)
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
