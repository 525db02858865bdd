import Foundation
import RISCVTestSupport
import XCTest

/// The progress line of the long-running commands (ProgressOptions): on stderr only when stderr is a terminal
/// (a pseudo-terminal from `script -q`), never with `--quiet`, never into a pipe.
final class ProgressTests: XCTestCase {
    /// `script -q -c CMD /dev/null`: CMD runs on a pseudo-terminal; returns what the terminal received.
    func onTerminal(_ command: String) throws -> String {
        guard let script = DevToolsPaths.which("script") else { throw XCTSkip("script(1) not found (util-linux)") }
        return try DevToolsPaths.run(script, ["-q", "-c", command, "/dev/null"]).stdout
    }

    func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    func testStateTestProgress() throws {
        guard let rvx = RVXBinary.path else { throw XCTSkip("the rvx binary was not found next to the test bundle") }
        // ../shared/fixtures beside the checkout (or further up, as for a worktree).
        var url = DevToolsPaths.root, found: String?
        for _ in 0..<4 where found == nil {
            url = url.deletingLastPathComponent()
            let c = url.appendingPathComponent("shared/fixtures/evm/state/GeneralStateTests/stSStoreTest/sstore_0toX.json").path
            if FileManager.default.fileExists(atPath: c) { found = c }
        }
        guard let fixture = found else { throw XCTSkip("shared/fixtures/evm/state not found above the checkout") }
        let cmd = "\(quoted(rvx)) evm statetest \(quoted(fixture))"
        XCTAssertTrue(try onTerminal(cmd).contains("\r1/1 files, "), "a terminal shows the progress line")
        XCTAssertFalse(try onTerminal(cmd + " --quiet").contains("files, "), "--quiet hides it")
        let piped = try DevToolsPaths.run(rvx, ["evm", "statetest", fixture], stderr: true).stdout
        XCTAssertFalse(piped.contains("files, "), "a pipe never receives it")
    }

    func testExecuteBlockProgress() throws {
        guard let rvx = RVXBinary.path else { throw XCTSkip("the rvx binary was not found next to the test bundle") }
        let elf = try DevToolsPaths.example("hello-execute-swift", xlen: 64)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rvx-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let zero = "0x" + String(repeating: "0", count: 64)
        let container = dir.appendingPathComponent("c.rvxexec").path
        XCTAssertEqual(try DevToolsPaths.run(rvx, ["pack", "--batch", "/dev/null", "--pre", zero, "-o", container]).status, 0)
        try "\(elf) c.rvxexec \(zero)\n\(elf) c.rvxexec \(zero)\n".write(to: dir.appendingPathComponent("manifest.txt"),
                                                                           atomically: true, encoding: .utf8)
        let cmd = "\(quoted(rvx)) execute-block --state guest --jobs 1 \(quoted(dir.path))"
        XCTAssertTrue(try onTerminal(cmd).contains("\rjobs 1: 2/2 calls"), "a terminal shows the progress line")
        XCTAssertFalse(try onTerminal(cmd + " --quiet").contains(" calls\r"), "--quiet hides it")
        XCTAssertFalse(try onTerminal(cmd + " --quiet").contains("/2 calls"), "--quiet hides it")
        let piped = try DevToolsPaths.run(rvx, ["execute-block", "--state", "guest", "--jobs", "1", dir.path], stderr: true).stdout
        XCTAssertFalse(piped.contains("/2 calls"), "a pipe never receives it")
    }

    /// `rvx run` on a terminal goes in slices (RunProgress; 1 000 cycles here, so boundaries fall between the
    /// guest's many write syscalls): the output, the cycles and the stop equal those of the unsliced run into
    /// a pipe, at the end and at a cycle limit inside the run.
    func testRunProgressKeepsTheRun() throws {
        guard let rvx = RVXBinary.path else { throw XCTSkip("the rvx binary was not found next to the test bundle") }
        let elf = try DevToolsPaths.example("primes", xlen: 64)
        let progressLine = try NSRegularExpression(pattern: "\\r(\\u001B\\[K|rvx: [0-9]+ M cycles, [0-9]+ s)")
        func comparable(_ text: String) -> [String] {
            let range = NSRange(text.startIndex..., in: text)
            return progressLine.stringByReplacingMatches(in: text, range: range, withTemplate: "")
                .replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
                .filter { !$0.contains("wall time") && !$0.contains("speed:") }
        }
        for limit in ["", " --cycles 12345", " --cycles 30000001"] {
            let terminal = try onTerminal("RVX_PROGRESS_SLICE=1000 \(quoted(rvx)) run --stats\(limit) \(quoted(elf))")
            XCTAssertTrue(terminal.contains(" M cycles, ") || limit == " --cycles 12345", "a terminal shows the progress line")
            // stdout and stderr into one pipe, as they share the terminal above.
            let piped = try DevToolsPaths.run("/bin/sh", ["-c", "\(quoted(rvx)) run --stats\(limit) \(quoted(elf)) 2>&1 | cat"]).stdout
            XCTAssertFalse(piped.contains(" M cycles, "), "a pipe never receives it")
            XCTAssertEqual(comparable(terminal), comparable(piped), "limit:\(limit)")
            XCTAssertTrue(piped.contains("rvx: cycles:"))
        }
        let quiet = try onTerminal("RVX_PROGRESS_SLICE=1000 \(quoted(rvx)) run --quiet \(quoted(elf))")
        XCTAssertFalse(quiet.contains(" M cycles, "), "--quiet hides it")
    }
}
