import XCTest
import RISCV
import RISCVTestSupport

/// Disassembly follows the GNU objdump conventions (ABI register names, decimal immediates, hex targets).
final class DisassemblerTests: XCTestCase {
    func d(_ w: UInt32, pc: UInt64 = 0x10000, _ xlen: XLEN = .rv64) -> String { Disassembler.disassemble(w, pc: pc, xlen: xlen) }

    func testForms() {
        XCTAssertEqual(d(Asm.addi(10, 11, -5)), "addi a0, a1, -5")
        XCTAssertEqual(d(Asm.add(10, 11, 12)), "add a0, a1, a2")
        XCTAssertEqual(d(Asm.add(10, 11, 12), .rv32), "add a0, a1, a2")
        XCTAssertEqual(d(Asm.addw(10, 11, 12)), "addw a0, a1, a2")
        XCTAssertEqual(d(Asm.mulh(10, 11, 12), .rv32), "mulh a0, a1, a2")
        XCTAssertEqual(d(Asm.lw(10, 2, 16)), "lw a0, 16(sp)")
        XCTAssertEqual(d(Asm.sd(1, 2, -8)), "sd ra, -8(sp)")
        XCTAssertEqual(d(Asm.beq(10, 0, -8)), "beq a0, zero, 0xfff8")
        XCTAssertEqual(d(Asm.jal(1, 0x100)), "jal ra, 0x10100")
        XCTAssertEqual(d(Asm.jalr(0, 1, 0)), "jalr zero, 0(ra)")
        XCTAssertEqual(d(Asm.lui(10, 0x12345)), "lui a0, 0x12345")
        XCTAssertEqual(d(Asm.auipc(3, 0x2)), "auipc gp, 0x2")
        XCTAssertEqual(d(Asm.srai(10, 10, 63)), "srai a0, a0, 63")
        XCTAssertEqual(d(Asm.ecall()), "ecall")
        XCTAssertEqual(d(Asm.ebreak()), "ebreak")
        XCTAssertEqual(d(Asm.and(5, 6, 7)), "and t0, t1, t2")
        XCTAssertEqual(d(Asm.csrrw(10, 0x340, 11)), "illegal")
        XCTAssertEqual(d(Asm.ld(10, 2, 0), .rv32), "illegal")
    }
}
