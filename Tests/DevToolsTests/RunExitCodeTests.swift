import Foundation
import RISCVTestSupport
import XCTest

/// `rvx run`'s process status (eth-act standard-termination-semantics: a failed run reports its error code):
/// codes 0...255 pass through; any other code prints the full value on stderr and gives status 255, so that a
/// nonzero code never reads as success (Linux would report 256 as 0).
final class RunExitCodeTests: XCTestCase {
    func testExitCodesAreNotMaskedTo8Bits() throws {
        guard let rvx = RVXBinary.path else { throw XCTSkip("the rvx binary was not found next to the test bundle") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rvx-exit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(code: Int64, status: Int32, stderr: String)] = [
            (0, 0, ""), (42, 42, ""), (255, 255, ""),
            (256, 255, "rvx: guest exit code 256\n"), (0x12A, 255, "rvx: guest exit code 298\n"),
            (-1, 255, "rvx: guest exit code -1\n"), (1 << 32, 255, "rvx: guest exit code 4294967296\n"),
        ]
        for xlen in [32, 64] {
            for c in cases where xlen == 64 || c.code < (1 << 31) {
                var p = Program(xlen: xlen)
                p.exit(c.code)
                let elf = dir.appendingPathComponent("exit-\(xlen)-\(c.code)")
                try Data(ELFWriter.executable(xlen: xlen, text: p.bytes)).write(to: elf)
                let (status, stderr) = try DevToolsPaths.run(rvx, ["run", elf.path], stderr: true)
                XCTAssertEqual(status, c.status, "RV\(xlen) exit(\(c.code))")
                XCTAssertEqual(stderr, c.stderr, "RV\(xlen) exit(\(c.code))")
            }
        }
    }

    /// Limits that cannot be meant are refused before the guest is loaded (issue 12 §6).
    func testImpossibleLimitsAreUsageErrors() throws {
        guard let rvx = RVXBinary.path else { throw XCTSkip("the rvx binary was not found next to the test bundle") }
        for (args, message) in [(["run", "--memory", "1000000000000000", "x.elf"], "--memory must be between 64K and 2G"),
                                (["run", "--cycles", "0", "x.elf"], "--cycles must be at least 1"),
                                (["execute-block", "--jobs", "0", "/nonexistent"], "--jobs must be at least 1")] {
            let (status, stderr) = try DevToolsPaths.run(rvx, args, stderr: true)
            XCTAssertNotEqual(status, 0, args.joined(separator: " "))
            XCTAssertTrue(stderr.contains(message), "\(args.joined(separator: " ")): \(stderr)")
        }
    }
}
