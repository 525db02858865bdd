import XCTest
import RISCV
import RISCVTestSupport

/// RV64I register-register and register-immediate operations (Unprivileged ISA, "Integer Computational
/// Instructions" for RV32I and RV64I). Expected values are hand-computed.
final class RV64IArithmeticTests: XCTestCase {
    func testAddSubWrap() {
        XCTAssertEqual(rr(5, 7, Asm.add), 12)
        XCTAssertEqual(rr(-1, 1, Asm.add), 0)
        XCTAssertEqual(rr(Int64.max, 1, Asm.add), 0x8000_0000_0000_0000)
        XCTAssertEqual(rr(0, 1, Asm.sub), 0xFFFF_FFFF_FFFF_FFFF)
        XCTAssertEqual(rr(Int64.min, 1, Asm.sub), 0x7FFF_FFFF_FFFF_FFFF)
    }

    func testAddiSignExtendsImmediate() {
        XCTAssertEqual(ri(10, { Asm.addi($0, $1, -11) }), 0xFFFF_FFFF_FFFF_FFFF)
        XCTAssertEqual(ri(0, { Asm.addi($0, $1, 2047) }), 2047)
        XCTAssertEqual(ri(0, { Asm.addi($0, $1, -2048) }), 0xFFFF_FFFF_FFFF_F800)
    }

    func testLogic() {
        XCTAssertEqual(rr(0x0F0F, 0x00FF, Asm.and), 0x000F)
        XCTAssertEqual(rr(0x0F0F, 0x00FF, Asm.or), 0x0FFF)
        XCTAssertEqual(rr(0x0F0F, 0x00FF, Asm.xor), 0x0FF0)
        XCTAssertEqual(ri(0x1234_5678_9ABC_DEF0, { Asm.andi($0, $1, -16) }), 0x1234_5678_9ABC_DEF0)
        XCTAssertEqual(ri(0x1234_5678_9ABC_DEF0, { Asm.andi($0, $1, 0x0FF) }), 0xF0)
        XCTAssertEqual(ri(0, { Asm.ori($0, $1, -2048) }), 0xFFFF_FFFF_FFFF_F800)
        XCTAssertEqual(ri(0x5555, { Asm.xori($0, $1, -1) }), 0xFFFF_FFFF_FFFF_AAAA)  // not
    }

    func testSetLessThanSignedVsUnsigned() {
        XCTAssertEqual(rr(-1, 1, Asm.slt), 1)
        XCTAssertEqual(rr(-1, 1, Asm.sltu), 0)
        XCTAssertEqual(rr(1, -1, Asm.sltu), 1)
        XCTAssertEqual(rr(3, 3, Asm.slt), 0)
        XCTAssertEqual(ri(-5, { Asm.slti($0, $1, -4) }), 1)
        XCTAssertEqual(ri(5, { Asm.slti($0, $1, -4) }), 0)
        // sltiu compares with the sign-extended immediate as unsigned: x < 0xFFFF...FFFF is true unless x == max
        XCTAssertEqual(ri(5, { Asm.sltiu($0, $1, -1) }), 1)
        XCTAssertEqual(ri(0, { Asm.sltiu($0, $1, 1) }), 1)   // seqz
        XCTAssertEqual(ri(7, { Asm.sltiu($0, $1, 1) }), 0)
    }

    func testShiftsUseSixBitAmounts() {
        XCTAssertEqual(rr(1, 63, Asm.sll), 0x8000_0000_0000_0000)
        XCTAssertEqual(rr(1, 64, Asm.sll), 1)            // amount masked to 6 bits
        XCTAssertEqual(rr(1, 65, Asm.sll), 2)
        XCTAssertEqual(rr(Int64.min, 63, Asm.srl), 1)
        XCTAssertEqual(rr(Int64.min, 63, Asm.sra), 0xFFFF_FFFF_FFFF_FFFF)
        XCTAssertEqual(rr(-256, 4, Asm.sra), 0xFFFF_FFFF_FFFF_FFF0)
        XCTAssertEqual(rr(-256, 68, Asm.srl), 0x0FFF_FFFF_FFFF_FFF0)
        XCTAssertEqual(ri(1, { Asm.slli($0, $1, 40) }), 0x0000_0100_0000_0000)
        XCTAssertEqual(ri(Int64.min, { Asm.srli($0, $1, 32) }), 0x8000_0000)
        XCTAssertEqual(ri(Int64.min, { Asm.srai($0, $1, 32) }), 0xFFFF_FFFF_8000_0000)
    }

    func testLuiAndAuipcSignExtendOnRV64() {
        XCTAssertEqual(ri(0, { rd, _ in Asm.lui(rd, 0x80000) }), 0xFFFF_FFFF_8000_0000)
        XCTAssertEqual(ri(0, { rd, _ in Asm.lui(rd, 0x7FFFF) }), 0x7FFF_F000)
        XCTAssertEqual(ri(0, { rd, _ in Asm.lui(rd, 0x12345) }), 0x1234_5000)
        // AUIPC at pc: the harness emits li a1, li a2 (one instruction each for 0) before the op.
        let pc: UInt64 = 0x10000 + 8
        XCTAssertEqual(ri(0, { rd, _ in Asm.auipc(rd, 1) }), pc + 0x1000)
        XCTAssertEqual(ri(0, { rd, _ in Asm.auipc(rd, 0xFFFFF) }), pc - 0x1000)
        XCTAssertEqual(ri(0, { rd, _ in Asm.auipc(rd, 0x80000) }), 0xFFFF_FFFF_8001_0008)
        XCTAssertEqual(ri(0, { rd, _ in Asm.auipc(rd, 0x7FFFF) }), 0x8000_F008)   // does not fit Int32
    }

    func testWFormsSignExtend32BitResults() {
        XCTAssertEqual(rr(0x7FFF_FFFF, 1, Asm.addw), 0xFFFF_FFFF_8000_0000)
        XCTAssertEqual(rr(0x1_0000_0005, 0x1_0000_0003, Asm.addw), 8)       // upper halves ignored
        XCTAssertEqual(rr(0, 1, Asm.subw), 0xFFFF_FFFF_FFFF_FFFF)
        XCTAssertEqual(rr(Int64(Int32.min), 1, Asm.subw), 0x7FFF_FFFF)
        XCTAssertEqual(ri(0x7FFF_FFFF, { Asm.addiw($0, $1, 1) }), 0xFFFF_FFFF_8000_0000)
        XCTAssertEqual(ri(0x1_2345_6789, { Asm.addiw($0, $1, 0) }), 0x2345_6789)  // sext.w
        XCTAssertEqual(ri(0xFFFF_FFFF, { Asm.addiw($0, $1, 0) }), 0xFFFF_FFFF_FFFF_FFFF)
    }

    func testWShiftsUseFiveBitAmounts() {
        XCTAssertEqual(rr(1, 31, Asm.sllw), 0xFFFF_FFFF_8000_0000)
        XCTAssertEqual(rr(1, 32, Asm.sllw), 1)                              // masked to 5 bits
        XCTAssertEqual(rr(1, 33, Asm.sllw), 2)
        XCTAssertEqual(rr(Int64(bitPattern: 0xFFFF_FFFF_8000_0000), 31, Asm.srlw), 1)
        XCTAssertEqual(rr(0x1_8000_0000, 4, Asm.srlw), 0x0800_0000)          // upper bits not shifted in
        XCTAssertEqual(rr(0x8000_0000, 4, Asm.sraw), 0xFFFF_FFFF_F800_0000)
        XCTAssertEqual(rr(0x8000_0000, 36, Asm.sraw), 0xFFFF_FFFF_F800_0000)
        XCTAssertEqual(rr(0x8000_0000, 0, Asm.srlw), 0xFFFF_FFFF_8000_0000)  // shift 0 still sign-extends
        XCTAssertEqual(ri(0x1_0000_0001, { Asm.slliw($0, $1, 31) }), 0xFFFF_FFFF_8000_0000)
        XCTAssertEqual(ri(Int64(bitPattern: 0xFFFF_FFFF_8000_0000), { Asm.srliw($0, $1, 1) }), 0x4000_0000)
        XCTAssertEqual(ri(0x8000_0000, { Asm.sraiw($0, $1, 31) }), 0xFFFF_FFFF_FFFF_FFFF)
        XCTAssertEqual(ri(0x7FFF_FFFF, { Asm.sraiw($0, $1, 30) }), 1)
    }

    func testWritesToX0AreIgnored() throws {
        let (h, r) = try runProgram { p in
            p.li(Reg.a1, 42)
            p.emit(Asm.add(0, Reg.a1, Reg.a1), Asm.addi(0, 0, 5), Asm.lui(0, 0x12345), Asm.jal(0, 4))
            p.emit(Asm.add(Reg.a0, 0, 0), Asm.ebreak())
        }
        XCTAssertEqual(r, .breakpoint(pc: 0x10000 + 6 * 4))
        XCTAssertEqual(h[0], 0)
        XCTAssertEqual(h[Reg.a0], 0)
    }

    func testLiExpansionOf64BitConstants() {
        // The assembler's own li is checked here too (it feeds every other test).
        for v: Int64 in [0, -1, 2047, -2048, 0x7FFF_FFFF, -0x8000_0000, 0x7FFF_F800, 0x1234_5678_9ABC_DEF0, Int64.min, Int64.max] {
            XCTAssertEqual(ri(v, { Asm.addi($0, $1, 0) }), UInt64(bitPattern: v))
        }
    }
}
