import Foundation
import RISCV
import XCTest

/// Runs every guest example (guest/examples) and assembly test (guest/tests/manifest.txt), built by
/// toolchain/build-guests.sh for RV32 and RV64, under rvx in-process and under qemu-user, and checks
/// stdout, exit status and fault kind against the checked-in expectations and against each other.
final class GuestProgramTests: XCTestCase {
    override func setUpWithError() throws { try GuestBuild.ensureBuilt() }

    func testExamples() throws { try check(try Manifest.examples()) }

    func testAssemblyTests() throws { try check(try Manifest.asmTests()) }

    /// The rvx stop reasons of each manifest fault kind.
    static func matches(_ stop: StopReason, kind: String) -> Bool {
        switch (kind, stop) {
        case ("illegal-instruction", .illegalInstruction), ("load-fault", .loadFault), ("store-fault", .storeFault),
             ("fetch-fault", .fetchFault), ("misaligned-fetch", .misalignedFetch), ("breakpoint", .breakpoint):
            return true
        default:
            return false
        }
    }

    private func check(_ cases: [GuestCase]) throws {
        XCTAssertFalse(cases.isEmpty)
        for c in cases {
            for xlen in c.xlens {
                let path = RepoPaths.elf(c.kind, c.name, xlen: xlen).path
                let label = "\(c) RV\(xlen)"
                guard let elf = FileManager.default.contents(atPath: path) else {
                    XCTFail("\(label): \(path) was not built")
                    continue
                }
                let r = try GuestRunner.run(elf: [UInt8](elf), name: label)
                // rvx against the expectation
                switch c.end {
                case .exit(let code):
                    if case .exited(let got) = r.stop {
                        XCTAssertEqual(got & 0xFF, code, "\(label): exit status; stderr: \(text(r.stderr))")
                    } else {
                        XCTFail("\(label): expected \(c.end), rvx stopped with \(r.stop); stderr: \(text(r.stderr))")
                    }
                case .fault(let kind):
                    XCTAssertTrue(Self.matches(r.stop, kind: kind), "\(label): expected \(kind), rvx stopped with \(r.stop)")
                }
                XCTAssertEqual(text(r.stdout), text(c.stdout), "\(label): rvx stdout")

                // qemu against the expectation (and so against rvx)
                guard c.qemu != .skip, try GuestBuild.qemuAvailable(xlen: xlen) else { continue }
                let q = try QEMU.run(elf: path, xlen: xlen)
                switch c.qemu {
                case .same:
                    if case .exit(let code) = c.end {
                        XCTAssertEqual(q.exitStatus.map(Int64.init), code, "\(label): qemu exit status")
                    }
                    XCTAssertEqual(q.stdout, r.stdout, "\(label): qemu and rvx stdout differ")
                case .signal(let sig):
                    XCTAssertEqual(q.signal, sig, "\(label): qemu signal (status \(String(describing: q.exitStatus)))")
                    XCTAssertEqual(q.stdout, r.stdout, "\(label): qemu and rvx stdout differ")
                case .abort:
                    XCTAssertEqual(q.exitStatus, 1, "\(label): qemu should stop with an unhandled CPU exception")
                    XCTAssertTrue(text(q.stderr).contains("unhandled CPU exception"), "\(label): qemu stderr")
                case .skip:
                    break
                }
            }
        }
    }

    private func text(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }
}
