import XCTest
import RISCV
import RISCVTestSupport

/// Hostile-guest robustness: random instruction words (a fixed-seed generator, so the test is
/// deterministic) must never crash the host, and every run must end in a well-formed stop that
/// respects the limits.
final class RandomProgramTests: XCTestCase {
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

    func testRandomWordsStopCleanly() throws {
        var rng = SplitMix(state: 42)
        let opcodes: [UInt32] = [0x37, 0x17, 0x6F, 0x67, 0x63, 0x03, 0x23, 0x13, 0x1B, 0x33, 0x3B, 0x0F, 0x73]
        for round in 0..<200 {
            let xlen: XLEN = round % 2 == 0 ? .rv64 : .rv32
            // Mostly valid major opcodes with random fields, plus some fully random words.
            let words: [UInt32] = (0..<64).map { _ in
                let r = UInt32(truncatingIfNeeded: rng.next())
                return rng.next() % 8 == 0 ? r : (r & ~0x7F) | opcodes[Int(rng.next() % UInt64(opcodes.count))]
            }
            var p = Program(xlen: xlen == .rv64 ? 64 : 32)
            p.emit(words)
            let image = ProgramImage(xlen: xlen, entry: 0x10000, segments: [
                Segment(address: 0x10000, bytes: p.bytes, permissions: [.read, .execute]),
                Segment(address: 0x20000, bytes: [], memorySize: 0x2000, permissions: [.read, .write]),
            ])
            let hart = try Hart(image: image, config: MachineConfig(cycleLimit: 5_000, memoryLimit: 64 << 20))
            for r in 1..<32 { hart[r] = rng.next() % 4 == 0 ? 0x20000 + rng.next() % 0x2000 : rng.next() }
            var handler = TestHandler()
            let stop = hart.run(&handler)
            XCTAssertLessThanOrEqual(hart.cycles, 5_000, "round \(round)")
            XCTAssertEqual(hart[0], 0, "round \(round)")
            if xlen == .rv32 {
                for r in 1..<32 {
                    XCTAssertEqual(hart[r], UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: hart[r]))), "RV32 x\(r) not canonical")
                }
            }
            switch stop {
            case .exited, .halted: break
            case .outOfCycles(let pc):
                XCTAssertEqual(hart.cycles, 5_000)
                XCTAssertEqual(pc, hart.pc)
            case .illegalInstruction(let pc, let w):
                XCTAssertEqual(pc, hart.pc)
                XCTAssertEqual(hart.memory.read(pc, count: 4).map { $0.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }, w)
                XCTAssertEqual(Disassembler.disassemble(w, pc: pc, xlen: xlen), "illegal")
            default:
                XCTAssertNotNil(stop.pc, "\(stop)")
            }
        }
    }
}
