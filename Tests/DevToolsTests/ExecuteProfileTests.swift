import Foundation
import RISCVTestSupport
import XCTest

/// `rvx profile` in EXECUTE mode (docs/DEVTOOLS.md "rvx profile"), through the CLI on the example token rollup:
/// the folded stacks must account for exactly the cycles of the verdict that `rvx execute --json` reports for the
/// same call, with the host's witness/post-root work and the syscalls' costs as frames of their own.
final class ExecuteProfileTests: XCTestCase {
    func testExecuteProfileAccountsForEveryCycleRV64() throws { try check(xlen: 64) }
    func testExecuteProfileAccountsForEveryCycleRV32() throws { try check(xlen: 32) }

    func check(xlen: Int) throws {
        let stf = try DevToolsPaths.example("token-rollup", xlen: xlen)
        guard let rvx = RVXBinary.path else { throw XCTSkip("the rvx binary was not found next to the test bundle") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rvx-xprof-\(xlen)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let build = try DevToolsPaths.run(rvx, ["rollup", "build", "--out", dir.path, "--transfers", "12",
                                                "--accounts", "8", "--xlen", String(xlen), "--stf", stf])
        XCTAssertEqual(build.status, 0, build.stdout)
        func text(_ name: String) throws -> String {
            try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let call = ["--elf", dir.appendingPathComponent("stf.elf").path, "--pre", try text("pre-root.txt"),
                    "--post", try text("post-root.txt"), "--input", dir.appendingPathComponent("container.bin").path]

        let executed = try DevToolsPaths.run(rvx, ["execute", "--json", "--engine", "fast"] + call)
        XCTAssertEqual(executed.status, 0, executed.stdout)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(executed.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["verdict"] as? Bool, true)
        let cycles = try XCTUnwrap((json["cycles"] as? NSNumber)?.uint64Value)

        let svg = dir.appendingPathComponent("p.svg"), foldedURL = dir.appendingPathComponent("p.folded")
        let profiled = try DevToolsPaths.run(rvx, ["profile"] + call + ["-o", svg.path, "--folded", foldedURL.path])
        XCTAssertEqual(profiled.status, 0)
        var total: UInt64 = 0
        var frames = Set<String>()
        for line in try String(contentsOf: foldedURL, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: " ")
            total += try XCTUnwrap(UInt64(try XCTUnwrap(parts.last)), String(line))
            for f in parts.dropLast().joined(separator: " ").split(separator: ";") { frames.insert(String(f)) }
        }
        XCTAssertEqual(total, cycles, "folded stacks vs the verdict's cycles")
        XCTAssertTrue(frames.contains("[EXECUTE host: witness + post root]"), "\(frames.sorted())")
        XCTAssertTrue(frames.contains("main"))
        XCTAssertTrue(frames.contains("[syscall:SECP256K1_ECRECOVER]") || frames.contains("[syscall:SECP256K1_VERIFY]"),
                      "signature checks go through the accelerator: \(frames.sorted())")
        let drawing = try String(contentsOf: svg, encoding: .utf8)
        XCTAssertTrue(drawing.contains("(\(cycles) cycles, verdict true)"), "SVG title")
    }
}
