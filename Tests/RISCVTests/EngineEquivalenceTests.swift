import XCTest
import RISCV
import GuestABI
import RISCVTestSupport

/// "A fast path and a simple reference stepper must agree on registers, memory, cycles and fault
/// reasons": every engine runs the same programs and must end in the same state as `Hart.step()`.
final class EngineEquivalenceTests: XCTestCase {
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let opcodes: [UInt32] = [0x37, 0x17, 0x6F, 0x67, 0x63, 0x03, 0x23, 0x13, 0x1B, 0x33, 0x3B, 0x0F, 0x73]

    /// Random instruction words (mostly valid major opcodes with random fields; hostile: faults of every
    /// kind, wild jumps, misaligned accesses) with random register contents, under random cycle limits.
    func testRandomWordProgramsAgree() throws {
        var rng = SplitMix(state: 7)
        let rounds = ProcessInfo.processInfo.environment["RVX_LONG_TESTS"] == nil ? 600 : 20_000
        for round in 0..<rounds {
            let xlen: XLEN = round % 2 == 0 ? .rv64 : .rv32
            let words: [UInt32] = (0..<96).map { _ in
                let r = UInt32(truncatingIfNeeded: rng.next())
                switch rng.next() % 16 {
                case 0: return r
                case 1: return (r & ~0x7F) | 0x63 | 0x0000_0000 // branches, often backwards: loops
                default: return (r & ~0x7F) | EngineEquivalenceTests.opcodes[Int(rng.next() % UInt64(EngineEquivalenceTests.opcodes.count))]
                }
            }
            var p = Program(xlen: xlen == .rv64 ? 64 : 32)
            p.emit(words)
            let image = ProgramImage(xlen: xlen, entry: 0x10000 + 4 * (rng.next() % 8), segments: [
                Segment(address: 0x10000, bytes: p.bytes, permissions: [.read, .execute]),
                Segment(address: 0x20000, bytes: [], memorySize: 0x2000, permissions: [.read, .write]),
            ])
            let limit = rng.next() % 3 == 0 ? rng.next() % 200 : 3_000
            let regs = (0..<32).map { _ in rng.next() % 4 == 0 ? 0x20000 + rng.next() % 0x2000 : rng.next() }
            // The translated tier compiles each program: every 10th round (every round with RVX_LONG_TESTS).
            let engines = round % 10 == 0 || rounds > 600 ? Engine.allCases : Engine.allCases.filter { $0 != .translated }
            try assertEnginesAgree("round \(round)", regions: [(0x20000, 0x2000)], engines: engines) { e in
                let h = try Hart(image: image, config: MachineConfig(cycleLimit: limit, memoryLimit: 64 << 20, engine: e))
                for r in 1..<32 { h.setRegister(r, regs[r]) }
                return h
            }
        }
    }

    /// A small program with a loop, a call, loads and stores, and an ECALL, stopped by a cycle limit at
    /// every instruction boundary, then resumed to the end: all engines agree at every stop.
    func testCycleLimitAtEveryInstructionBoundary() throws {
        for xlen in [XLEN.rv64, .rv32] {
            let build: (inout Program) -> Void = { p in
                p.emit(Asm.lui(Reg.s0, 0x20))                       // s0 = 0x20000
                p.emit(Asm.addi(Reg.t1, 0, 4))
                p.label("loop")
                p.emit(Asm.lw(Reg.t2, Reg.s0, 0), Asm.addi(Reg.t2, Reg.t2, 5), Asm.sw(Reg.t2, Reg.s0, 0), Asm.sh(Reg.t2, Reg.s0, 5))
                p.jal(Reg.ra, to: "f")
                p.emit(Asm.addi(Reg.t1, Reg.t1, -1))
                p.branch(Asm.bne, Reg.t1, 0, to: "loop")
                p.emit(Asm.addi(Reg.a7, 0, 1234), Asm.ecall(), Asm.lb(Reg.a1, Reg.s0, 2), Asm.ebreak())
                p.label("f")
                p.emit(Asm.addi(Reg.a0, Reg.a0, 1), Asm.jalr(0, Reg.ra, 0))
            }
            var p = Program(xlen: xlen == .rv64 ? 64 : 32)
            build(&p)
            let image = ProgramImage(xlen: xlen, entry: 0x10000, segments: [
                Segment(address: 0x10000, bytes: p.bytes, permissions: [.read, .execute]),
                Segment(address: 0x20000, bytes: [9, 0, 0, 0], memorySize: 0x1000, permissions: [.read, .write]),
            ])
            let full = try assertEnginesAgree("\(xlen) free run", regions: [(0x20000, 0x1000)]) { e in
                try Hart(image: image, config: MachineConfig(engine: e))
            }
            guard case .breakpoint = full[.reference]!.stop else { return XCTFail("\(full[.reference]!)") }
            let total = full[.reference]!.cycles
            XCTAssertGreaterThan(total, 40)
            for n in 0...(total + 1) {
                let first = try assertEnginesAgree("\(xlen) limit \(n)", regions: [(0x20000, 0x1000)]) { e in
                    try Hart(image: image, config: MachineConfig(cycleLimit: n, engine: e))
                }
                XCTAssertEqual(first[.reference]!.stop, n <= total ? .outOfCycles(pc: first[.reference]!.pc) : full[.reference]!.stop)
                XCTAssertEqual(first[.reference]!.cycles, min(n, total))
                // Resume each engine from the stop with an unlimited budget: same final state as a free run.
                for e in Engine.allCases {
                    let h = try Hart(image: image, config: MachineConfig(cycleLimit: n, engine: e))
                    if e == .translated { try testTranslator.install(on: h) }
                    var handler = TestHandler()
                    _ = h.run(&handler)
                    h.cycleLimit = .max
                    let stop = h.run(&handler)
                    XCTAssertEqual(HartSnapshot(h, stop, regions: [(0x20000, 0x1000)]), full[.reference]!, "\(xlen) \(e) resumed at \(n)")
                }
            }
        }
    }

    /// Every fault kind, on both XLENs: state, pc and cycles agree, and the faulting instruction does not retire.
    func testFaultsAgree() throws {
        let cases: [(String, [UInt32])] = [
            ("load fault", [Asm.addi(Reg.a0, 0, 5), Asm.ld(Reg.a1, 0, 8)]),
            ("store fault", [Asm.addi(Reg.a0, 0, 5), Asm.sw(Reg.a0, Reg.a0, 0)]),
            ("misaligned jalr", [Asm.addi(Reg.a0, 0, 0x402), Asm.jalr(Reg.ra, Reg.a0, 0)]),
            ("jalr outside code", [Asm.lui(Reg.a0, 0x30), Asm.jalr(Reg.ra, Reg.a0, 0)]),
            ("illegal", [Asm.addi(Reg.a0, 0, 1), 0x0000_0001]),
            ("ebreak", [Asm.addi(Reg.a0, 0, 1), Asm.ebreak()]),
            ("csr", [Asm.addi(Reg.a0, 0, 1), 0xC000_2573]),
            ("stack first touch", [Asm.sd(Reg.sp, Reg.sp, -4096), Asm.ld(Reg.a0, Reg.sp, -4096), Asm.ebreak()]),
            ("misaligned load", [Asm.lui(Reg.s0, 0x20), Asm.lw(Reg.a0, Reg.s0, 3), Asm.ebreak()]),
            ("fall off the end", [Asm.addi(Reg.a0, 0, 1)]),
            // Fused pairs of the fast engine whose second instruction faults: the first must retire.
            ("addi+lw fault", [Asm.lui(Reg.s0, 0x20), Asm.addi(Reg.a0, Reg.s0, 8), Asm.lw(Reg.a1, Reg.a0, 0x1000)]),
            ("lw+lw fault", [Asm.lui(Reg.s0, 0x20), Asm.lw(Reg.a0, Reg.s0, 0), Asm.lw(Reg.a1, Reg.a0, 0)]),
            ("sw+sw fault", [Asm.lui(Reg.s0, 0x20), Asm.sw(Reg.s0, Reg.s0, 0), Asm.sw(Reg.s0, Reg.s0, -4)]),
            ("add+sd fault", [Asm.lui(Reg.s0, 0x20), Asm.add(Reg.a0, Reg.s0, Reg.s0), Asm.sd(Reg.a0, Reg.a0, 0)]),
            ("lb+sb misaligned loop", [Asm.lui(Reg.s0, 0x20), Asm.lb(Reg.a0, Reg.s0, 1), Asm.sb(Reg.a0, Reg.s0, 3),
                                       Asm.lw(Reg.a1, Reg.s0, 1), Asm.sw(Reg.a1, Reg.s0, 6), Asm.ebreak()]),
        ]
        for xlen in [XLEN.rv64, .rv32] {
            for (name, words) in cases {
                var p = Program(xlen: xlen == .rv64 ? 64 : 32)
                p.emit(words)
                let image = ProgramImage(xlen: xlen, entry: 0x10000, segments: [
                    Segment(address: 0x10000, bytes: p.bytes, permissions: [.read, .execute]),
                    Segment(address: 0x20000, bytes: [1, 2, 3, 4, 5, 6, 7, 8], memorySize: 0x1000, permissions: [.read, .write]),
                ])
                for limit in [UInt64.max, 1, 2] {
                    try assertEnginesAgree("\(xlen) \(name) limit \(limit)", regions: [(0x20000, 0x1000)]) { e in
                        try Hart(image: image, config: MachineConfig(cycleLimit: limit, engine: e))
                    }
                }
            }
        }
    }
}
