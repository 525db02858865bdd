import XCTest
import RISCV
import RISCVTestSupport

/// RV32I and RV32M: 32-bit results, 5-bit shift amounts, RV64-only encodings illegal
/// (Unprivileged ISA, "RV32I Base Integer Instruction Set" and "M Extension").
final class RV32Tests: XCTestCase {
    func testArithmeticWrapsAt32Bits() {
        XCTAssertEqual(rr32(0x7FFF_FFFF, 1, Asm.add), 0x8000_0000)
        XCTAssertEqual(ri32(-1, { Asm.addi($0, $1, 1) }), 0)
        XCTAssertEqual(rr32(0, 1, Asm.sub), 0xFFFF_FFFF)
        XCTAssertEqual(rr32(0x0F0F, 0x00FF, Asm.xor), 0x0FF0)
        XCTAssertEqual(ri32(0, { rd, _ in Asm.lui(rd, 0x80000) }), 0x8000_0000)
        XCTAssertEqual(ri32(0, { rd, _ in Asm.auipc(rd, 0xFFFFF) }), 0x10008 &- 0x1000)
    }

    func testShifts() {
        XCTAssertEqual(rr32(1, 31, Asm.sll), 0x8000_0000)
        XCTAssertEqual(rr32(1, 32, Asm.sll), 1)
        XCTAssertEqual(rr32(0x8000_0000, 31, Asm.srl), 1)
        XCTAssertEqual(rr32(0x8000_0000, 31, Asm.sra), 0xFFFF_FFFF)
        XCTAssertEqual(rr32(0x8000_0000, 35, Asm.sra), 0xF000_0000)
        XCTAssertEqual(ri32(3, { Asm.slli($0, $1, 31) }), 0x8000_0000)
        XCTAssertEqual(ri32(0x8000_0000, { Asm.srli($0, $1, 4) }), 0x0800_0000)
        XCTAssertEqual(ri32(0x8000_0000, { Asm.srai($0, $1, 4) }), 0xF800_0000)
    }

    func testComparisons() {
        XCTAssertEqual(rr32(0xFFFF_FFFF, 1, Asm.sltu), 0)
        XCTAssertEqual(rr32(1, 0x8000_0000, Asm.sltu), 1)
        XCTAssertEqual(rr32(0x8000_0000, 0, Asm.slt), 1)
        XCTAssertEqual(ri32(0x7FFF_FFFF, { Asm.sltiu($0, $1, -1) }), 1)
    }

    func testMultiply() {
        XCTAssertEqual(rr32(0x10000, 0x10000, Asm.mul), 0)
        XCTAssertEqual(rr32(-3, 7, Asm.mul), 0xFFFF_FFEB)
        XCTAssertEqual(rr32(0x8000_0000, 0x8000_0000, Asm.mulh), 0x4000_0000)
        XCTAssertEqual(rr32(-1, 1, Asm.mulh), 0xFFFF_FFFF)
        XCTAssertEqual(rr32(0x7FFF_FFFF, 0x7FFF_FFFF, Asm.mulh), 0x3FFF_FFFF)
        XCTAssertEqual(rr32(0xFFFF_FFFF, 0xFFFF_FFFF, Asm.mulhu), 0xFFFF_FFFE)
        XCTAssertEqual(rr32(-1, 0xFFFF_FFFF, Asm.mulhsu), 0xFFFF_FFFF)
        XCTAssertEqual(rr32(2, 0xFFFF_FFFF, Asm.mulhsu), 1)
    }

    func testDivide() {
        XCTAssertEqual(rr32(0x8000_0000, -1, Asm.div), 0x8000_0000)
        XCTAssertEqual(rr32(0x8000_0000, -1, Asm.rem), 0)
        XCTAssertEqual(rr32(7, 0, Asm.div), 0xFFFF_FFFF)
        XCTAssertEqual(rr32(7, 0, Asm.divu), 0xFFFF_FFFF)
        XCTAssertEqual(rr32(-7, 0, Asm.rem), 0xFFFF_FFF9)
        XCTAssertEqual(rr32(0x8000_0000, 0, Asm.remu), 0x8000_0000)
        XCTAssertEqual(rr32(0xFFFF_FFFF, 2, Asm.divu), 0x7FFF_FFFF)
        XCTAssertEqual(rr32(0xFFFF_FFFF, 10, Asm.remu), 5)
        XCTAssertEqual(rr32(-7, 2, Asm.div), 0xFFFF_FFFD)
    }

    func testRV64OnlyEncodingsAreIllegal() throws {
        let words: [UInt32] = [Asm.addw(10, 11, 12), Asm.addiw(10, 11, 1), Asm.ld(10, 2, 0), Asm.sd(10, 2, 0),
                               Asm.lwu(10, 2, 0), Asm.mulw(10, 11, 12), Asm.slli(10, 11, 32), Asm.srai(10, 11, 33)]
        for w in words {
            let (_, r) = try runProgram(.rv32) { p in p.emit(w) }
            XCTAssertEqual(r, .illegalInstruction(pc: 0x10000, word: w))
        }
    }

    func testAddressesWrapAt32Bits() throws {
        // 0x8000_0000 - 16 wraps to 0x7FFF_FFF0 (the stack top) on RV32.
        let (h, r) = try runProgram(.rv32) { p in
            p.li(Reg.a1, 0x8000_0000)
            p.li(Reg.a2, 0x1234_5678)
            p.emit(Asm.sw(Reg.a2, Reg.a1, -16), Asm.lw(Reg.a0, Reg.a1, -16), Asm.ebreak())
        }
        XCTAssertEqual(r, .breakpoint(pc: 0x10000 + 5 * 4))
        XCTAssertEqual(h[Reg.a0], 0x1234_5678)
        XCTAssertEqual(h.memory.read(0x7FFF_FFF0, count: 4), [0x78, 0x56, 0x34, 0x12])
    }

    func testLoadsSignExtend() throws {
        let (h, r) = try runProgram(.rv32, data: [0x88, 0x99, 0xAA, 0xBB]) { p in
            p.li(Reg.a1, 0x20000)
            p.emit(Asm.lw(Reg.a0, Reg.a1, 0), Asm.lhu(Reg.a2, Reg.a1, 2), Asm.lb(Reg.a3, Reg.a1, 0), Asm.ebreak())
        }
        XCTAssertEqual(r, .breakpoint(pc: 0x10000 + 4 * 4))
        XCTAssertEqual(h[Reg.a0], 0xFFFF_FFFF_BBAA_9988)   // canonical (sign-extended) RV32 register
        XCTAssertEqual(h[Reg.a2], 0xBBAA)
        XCTAssertEqual(h[Reg.a3], 0xFFFF_FFFF_FFFF_FF88)
    }

    func testInitialStackPointer() throws {
        let h = try makeHart(.rv32) { p in p.emit(Asm.ebreak()) }
        XCTAssertEqual(h[Reg.sp], 0x7FFF_FFD0)
        XCTAssertEqual(h.memory.read(0x7FFF_FFD0, count: 20), [UInt8](repeating: 0, count: 20))
        let h64 = try makeHart(.rv64) { p in p.emit(Asm.ebreak()) }
        XCTAssertEqual(h64[Reg.sp], 0x7FFF_FFC0)
    }
}
