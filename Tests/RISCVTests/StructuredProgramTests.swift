import XCTest
import RISCV
import GuestABI
import RISCVTestSupport

/// Engine equivalence on random *valid* programs: long straight-line runs of ALU, M, load and store
/// instructions (so that every fused pair of the fast engine occurs, with x0 and aliased operands),
/// backward branches forming loops, and occasional faulting accesses, under random cycle limits.
final class StructuredProgramTests: XCTestCase {
    typealias RR = @Sendable (Int, Int, Int) -> UInt32
    static let rr: [RR] = [Asm.add, Asm.sub, Asm.xor, Asm.or, Asm.and, Asm.sll, Asm.srl, Asm.sra, Asm.slt, Asm.sltu,
                           Asm.mul, Asm.mulh, Asm.mulhsu, Asm.mulhu, Asm.div, Asm.divu, Asm.rem, Asm.remu]
    static let rrW: [RR] = [Asm.addw, Asm.subw, Asm.sllw, Asm.srlw, Asm.sraw, Asm.mulw, Asm.divw, Asm.divuw, Asm.remw, Asm.remuw]
    static let ri: [RR] = [Asm.addi, Asm.xori, Asm.ori, Asm.andi, Asm.slti, Asm.sltiu]
    static let loads: [RR] = [Asm.lb, Asm.lbu, Asm.lh, Asm.lhu, Asm.lw]
    static let loads64: [RR] = [Asm.lwu, Asm.ld]
    static let stores: [RR] = [Asm.sb, Asm.sh, Asm.sw]
    static let branches: [RR] = [Asm.beq, Asm.bne, Asm.blt, Asm.bge, Asm.bltu, Asm.bgeu]

    func testStructuredProgramsAgree() throws {
        var rng = EngineEquivalenceTests.SplitMix(state: 99)
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        func below(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        let rounds = ProcessInfo.processInfo.environment["RVX_LONG_TESTS"] == nil ? 300 : 10_000
        for round in 0..<rounds {
            let rv64 = round % 2 == 0
            // x8 = data base (never written); destinations x0 and x5…x15; sources any of x0, x5…x15.
            func src() -> Int { below(12) == 0 ? 0 : 5 + below(11) }
            func reg() -> Int { let r = src(); return r == 8 ? 0 : r }
            var words: [UInt32] = [Asm.lui(8, 0x20)]
            let length = 40 + below(80)
            while words.count < length {
                switch below(20) {
                case 0..<6: words.append(pick(StructuredProgramTests.rr)(reg(), src(), src()))
                case 6..<8 where rv64: words.append(pick(StructuredProgramTests.rrW)(reg(), src(), src()))
                case 6..<11: words.append(pick(StructuredProgramTests.ri)(reg(), src(), below(4096) - 2048))
                case 11:
                    let sh = pick(rv64 ? [Asm.slli, Asm.srli, Asm.srai, Asm.slliw, Asm.srliw, Asm.addiw] : [Asm.slli, Asm.srli, Asm.srai])
                    words.append(sh(reg(), src(), below(32)))
                case 12..<15:
                    let l = rv64 && below(3) == 0 ? pick(StructuredProgramTests.loads64) : pick(StructuredProgramTests.loads)
                    words.append(l(reg(), 8, below(200) == 0 ? 4096 + below(64) : below(256)))
                case 15..<18:
                    let s = rv64 && below(3) == 0 ? Asm.sd : pick(StructuredProgramTests.stores)
                    words.append(s(src(), 8, below(200) == 0 ? -8 : below(256)))
                case 18 where words.count > 1:
                    // Backward branch over up to 12 instructions (a loop; the cycle limit ends it if it never exits).
                    let back = 1 + below(min(12, words.count - 1))
                    words.append(pick(StructuredProgramTests.branches)(src(), src(), -4 * back))
                default:
                    words.append(Asm.lui(reg(), below(1 << 20)))
                }
            }
            words.append(Asm.ebreak())
            var p = Program(xlen: rv64 ? 64 : 32)
            p.emit(words)
            let image = ProgramImage(xlen: rv64 ? .rv64 : .rv32, entry: 0x10000, segments: [
                Segment(address: 0x10000, bytes: p.bytes, permissions: [.read, .execute]),
                Segment(address: 0x20000, bytes: (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37) }, memorySize: 0x1000,
                        permissions: [.read, .write]),
            ])
            let limit = below(4) == 0 ? UInt64(below(300)) : 20_000
            let regs = (0..<32).map { _ in rng.next() }
            let engines = round % 5 == 0 || rounds > 300 ? Engine.allCases : Engine.allCases.filter { $0 != .translated }
            try assertEnginesAgree("structured round \(round)", regions: [(0x20000, 0x1000)], engines: engines) { e in
                let h = try Hart(image: image, config: MachineConfig(cycleLimit: limit, engine: e))
                for r in 1..<32 where r != 2 { h.setRegister(r, regs[r]) }
                return h
            }
        }
    }
}
