import ELFLoader
import Foundation
import GuestABI
import HostABI
import RISCV
import RISCVTestSupport
import XCTest

/// The translated tier stopped by a cycle limit (docs/PERFORMANCE.md, "Translated tier"): on real guests
/// (assembly ISA tests, the generated ISA models, a C program with libc), at every limit of a sweep, the
/// stop reason, pc, cycles, retired instructions, registers, a checksum of the writable segments and the
/// top of the stack, and the guest's output equal the reference stepper's; resumed with no limit, the
/// translated run ends exactly as an uninterrupted reference run.
final class TranslatedLimitSweepTests: XCTestCase {
    static let guests = [("tests", "loadstore"), ("tests", "m_ext"), ("tests", "misaligned"), ("tests", "brk"),
                         ("tests", "syscall_io"), ("examples", "hello")]

    struct Snapshot: Equatable {
        var hart: HartSnapshot
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    /// The memory compared: every writable segment and the top 64 KiB of the stack.
    static func regions(_ image: ProgramImage) -> [(UInt64, UInt64)] {
        image.segments.filter { $0.permissions.contains(.write) }.map { ($0.address, $0.memorySize) }
            + [(MemoryMap.stackTop - 0x10000, 0x10000)]
    }

    static func snapshot(_ h: Hart, _ stop: StopReason, _ io: CapturedIO, _ regions: [(UInt64, UInt64)]) -> Snapshot {
        Snapshot(hart: HartSnapshot(h, stop, regions: regions), stdout: io.stdout, stderr: io.stderr)
    }

    /// Runs `image` under `limit` on `engine`; with `resume`, then again without a limit.
    static func run(_ image: ProgramImage, _ engine: Engine, limit: UInt64, resume: Bool = false) throws -> Snapshot {
        let h = try Hart(image: image, config: MachineConfig(cycleLimit: limit, engine: engine))
        if engine == .translated { try GuestRunner.translator.install(on: h) }
        var syscalls = LinuxSyscalls(io: CapturedIO())
        var stop = h.run(&syscalls)
        if resume, case .outOfCycles = stop {
            h.cycleLimit = .max
            stop = h.run(&syscalls)
        }
        return snapshot(h, stop, syscalls.io, regions(image))
    }

    /// Limits 0…31, then about 48 more spread to the end (an odd stride), and the end ± 1.
    static func limits(total: UInt64) -> [UInt64] {
        let stride = max(1, total / 48) | 1
        return Array(Set(Array(0..<min(32, total + 2)) + Array(Swift.stride(from: 32, to: total, by: Int(stride)).map { UInt64($0) })
                         + [total - 1, total, total + 1])).sorted()
    }

    func testEveryLimitOfASweepMatchesTheReference() throws {
        var checked = 0
        for xlen in [64, 32] {
            for (kind, name) in Self.guests {
                let path = RepoPaths.elf(kind, name, xlen: xlen).path
                guard let bytes = FileManager.default.contents(atPath: path) else {
                    if GuestBuild.required { XCTFail("\(path) was not built") }
                    continue
                }
                let image = try ELFLoader.load([UInt8](bytes)).image
                let full = try Self.run(image, .reference, limit: .max)
                guard case .exited = full.hart.stop else { XCTFail("\(name) RV\(xlen): \(full.hart)"); continue }
                XCTAssertEqual(try Self.run(image, .translated, limit: .max), full, "\(name) RV\(xlen) free run")
                for (n, limit) in Self.limits(total: full.hart.cycles).enumerated() {
                    let ref = try Self.run(image, .reference, limit: limit)
                    let tr = try Self.run(image, .translated, limit: limit)
                    XCTAssertEqual(tr, ref, "\(name) RV\(xlen) limit \(limit)")
                    if limit < full.hart.cycles {
                        XCTAssertEqual(ref.hart.stop, .outOfCycles(pc: ref.hart.pc), "\(name) RV\(xlen) limit \(limit)")
                        XCTAssertEqual(ref.hart.cycles, limit, "\(name) RV\(xlen) limit \(limit)")
                    }
                    if n % 8 == 0 {
                        XCTAssertEqual(try Self.run(image, .translated, limit: limit, resume: true), full, "\(name) RV\(xlen) resumed at \(limit)")
                    }
                    checked += 1
                }
            }
        }
        if GuestBuild.required { XCTAssertGreaterThan(checked, 600) }
    }
}
