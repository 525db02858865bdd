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
    @Option(name: .customLong("run"), help: "Only run cases whose name matches this regular expression.") var pattern: String?
    @Flag(help: "Also run the heavy fixtures (loopMul, BLAKE2f max rounds).") var heavy = false
    @Option(help: "Worker threads.") var threads: Int = 2
    @Option(help: "Worker thread stack size in MiB (nested calls recurse up to 1024 deep).") var stackMb: Int = 512

    func run() throws {
        var filter: NSRegularExpression? = nil
        if let r = pattern {
            do { filter = try NSRegularExpression(pattern: r) } catch { throw ValidationError("bad --run regex: \(r)") }
        }
        let forks: Set<String>?
        do { forks = try StateTestRunner.forkFilter(fork) } catch { throw ValidationError(error.description) }
        let runner = StateTestRunner(forks: forks, nameFilter: filter, includeHeavy: heavy)
        let files = paths.flatMap { StateTestRunner.fixtureFiles($0) }
        if files.isEmpty { throw ValidationError("no .json fixtures at \(paths.joined(separator: " "))") }
        let lock = NSLock()
        nonisolated(unsafe) var summary = StateTestSummary()
        nonisolated(unsafe) var done = 0
        let tty = isatty(2) != 0
        let asJSON = json
        ParallelRunner.run(files: files, runner: runner, threads: threads, stackBytes: max(1, stackMb) << 20) { file, results in
            lock.lock()
            defer { lock.unlock() }
            done += 1
            for r in results {
                summary.add(r)
                if asJSON {
                    print(StateTestSummary.json(r))
                } else if case .failed(let why) = r.status {
                    print("FAIL \(r.name) (\((file as NSString).lastPathComponent)): \(why)")
                }
            }
            if tty {
                FileHandle.standardError.write("\r\(done)/\(files.count) files, \(summary.passed) passed, \(summary.failed) failed".data(using: .utf8)!)
            }
        }
        if tty { FileHandle.standardError.write("\n".data(using: .utf8)!) }
        let out = asJSON ? FileHandle.standardError : FileHandle.standardOutput
        for l in summary.forkLines { out.write((l + "\n").data(using: .utf8)!) }
        out.write((summary.line + "\n").data(using: .utf8)!)
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
