import ArgumentParser
import Foundation

/// What `evm statetest` and `evm blocktest` share: the `--run` regex, the file list, progress on stderr when it
/// is a terminal, per-result printing (JSON Lines or `FAIL` lines) and the closing summary lines (to stderr with
/// `--json`, so stdout stays JSON Lines). The exit status is 1 when anything failed.
final class FixtureRunReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let tty: Bool
    private var done = 0

    /// `progress`: `ProgressOptions.enabled`.
    init(total: Int, progress: Bool) {
        self.total = total
        tty = progress
    }

    /// The compiled `--run` pattern, or a usage error.
    static func filter(_ pattern: String?) throws -> NSRegularExpression? {
        guard let r = pattern else { return nil }
        do { return try NSRegularExpression(pattern: r) } catch { throw ValidationError("bad --run regex: \(r)") }
    }

    /// The `.json` fixtures below `paths`, or a usage error when there are none.
    static func files(_ paths: [String], search: (String) -> [String]) throws -> [String] {
        let files = paths.flatMap(search)
        if files.isEmpty { throw ValidationError("no .json fixtures at \(paths.joined(separator: " "))") }
        return files
    }

    /// Records one finished file: `body` adds its results (under the lock) and returns the running totals.
    func fileDone(_ body: () -> (passed: Int, failed: Int)) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let totals = body()
        if tty {
            FileHandle.standardError.write(Data("\r\(done)/\(total) files, \(totals.passed) passed, \(totals.failed) failed".utf8))
        }
    }

    /// Prints the summary and exits 1 when `failed` > 0.
    func finish(lines: [String], json: Bool, failed: Int) throws {
        if tty { FileHandle.standardError.write(Data("\n".utf8)) }
        let out = json ? FileHandle.standardError : FileHandle.standardOutput
        for l in lines { out.write(Data((l + "\n").utf8)) }
        if failed > 0 { throw ExitCode(1) }
    }
}
