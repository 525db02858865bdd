import ELFLoader
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

    /// Every assembly test in guest/tests and every example directory is covered by an expectation.
    func testEveryGuestProgramHasAnExpectation() throws {
        let fm = FileManager.default
        let sources = try fm.contentsOfDirectory(atPath: RepoPaths.tests.path)
            .filter { $0.hasSuffix(".S") }.map { String($0.dropLast(2)) }.sorted()
        XCTAssertEqual(try Manifest.asmTests().map(\.name).sorted(), sources, "guest/tests/manifest.txt vs *.S")
        let exampleDirs = try fm.contentsOfDirectory(atPath: RepoPaths.examples.path).sorted()
        XCTAssertEqual(try Manifest.examples().map(\.name), exampleDirs, "examples without expected.txt")
    }

    /// Every SDK-linked guest (examples and benchmarks) has the layout rvx.ld promises: entry 0x10000, one
    /// R+X segment at 0x10000, a page-aligned R segment (read-only data) and a page-aligned R+W segment above
    /// it, nothing else, below 0x4000_0000.
    func testSDKImagesFollowTheMemoryMap() throws {
        var checked = 0
        for kind in ["examples", "bench"] {
            for xlen in [32, 64] {
                let dir = RepoPaths.guestBuild.appendingPathComponent("rv\(xlen)/\(kind)")
                for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where !name.hasSuffix(".o") {
                    let program = try ELFLoader.load(path: dir.appendingPathComponent(name).path)
                    let image = program.image, label = "rv\(xlen)/\(kind)/\(name)"
                    XCTAssertEqual(image.xlen, xlen == 32 ? .rv32 : .rv64, label)
                    XCTAssertEqual(image.entry, 0x10000, label)
                    XCTAssertEqual(image.segments.count, 3, label)
                    guard image.segments.count == 3 else { continue }
                    let (text, rodata, data) = (image.segments[0], image.segments[1], image.segments[2])
                    XCTAssertEqual(text.address, 0x10000, label)
                    XCTAssertEqual(text.permissions, [.read, .execute], label)
                    XCTAssertEqual(rodata.permissions, [.read], label)
                    XCTAssertEqual(data.permissions, [.read, .write], label)
                    XCTAssertEqual(rodata.address % 4096, 0, label)
                    XCTAssertEqual(data.address % 4096, 0, label)
                    XCTAssertGreaterThanOrEqual(rodata.address, text.address + text.memorySize, label)
                    XCTAssertGreaterThanOrEqual(data.address, rodata.address + rodata.memorySize, label)
                    XCTAssertLessThanOrEqual(data.address + data.memorySize, 0x4000_0000, label)
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 20)
    }

    /// Whether an rvx stop reason is the manifest fault `kind`, with `value` (if given) as its address,
    /// pc, target or instruction word.
    static func matches(_ stop: StopReason, kind: String, value: UInt64?) -> Bool {
        let found: (String, UInt64?)
        switch stop {
        case .illegalInstruction(_, let word): found = ("illegal-instruction", UInt64(word))
        case .loadFault(_, let address): found = ("load-fault", address)
        case .storeFault(_, let address): found = ("store-fault", address)
        case .fetchFault(let pc): found = ("fetch-fault", pc)
        case .misalignedFetch(_, let target): found = ("misaligned-fetch", target)
        case .breakpoint: found = ("breakpoint", nil)
        default: return false
        }
        return found.0 == kind && (value == nil || found.1 == value)
    }

    /// Programs also run on the translated tier in every test run (all with `RVX_FULL_TRANSLATED=1`): the
    /// generated ISA models, faults with their address or word, the Linux syscalls and a C example.
    static let translatedSlice: Set<String> = [
        "m_ext", "loadstore", "misaligned", "base", "fault_store_text", "fault_misaligned_jump", "fault_illegal",
        "syscall_io", "primes",
    ]

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
                case .fault(let kind, let value):
                    XCTAssertTrue(Self.matches(r.stop, kind: kind, value: value),
                                  "\(label): expected \(c.end), rvx stopped with \(r.stop)")
                }
                XCTAssertEqual(text(r.stdout), text(c.stdout), "\(label): rvx stdout")
                // The translated tier against the fast engine (itself checked against the expectation and qemu).
                if GuestRunner.allTranslated || Self.translatedSlice.contains(c.name) {
                    XCTAssertEqual(try GuestRunner.run(elf: [UInt8](elf), name: label, engine: .translated), r, "\(label): translated tier")
                }

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
