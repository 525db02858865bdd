import XCTest
import RISCV
import RISCVTestSupport

/// "M" standard extension (Unprivileged ISA, "M Extension for Integer Multiplication and Division"),
/// including the table "Semantics for division by zero and division overflow".
final class MExtensionTests: XCTestCase {
    func testMul() {
        XCTAssertEqual(rr(-3, 7, Asm.mul), 0xFFFF_FFFF_FFFF_FFEB)
        XCTAssertEqual(rr(0x1_0000_0001, 0x1_0000_0001, Asm.mul), 0x0000_0002_0000_0001)
    }

    func testMulHighSignedness() {
        XCTAssertEqual(rr(-1, -1, Asm.mulh), 0)
        XCTAssertEqual(rr(Int64.min, Int64.min, Asm.mulh), 0x4000_0000_0000_0000)
        XCTAssertEqual(rr(-2, 3, Asm.mulh), 0xFFFF_FFFF_FFFF_FFFF)
        XCTAssertEqual(rr(-1, -1, Asm.mulhu), 0xFFFF_FFFF_FFFF_FFFE)
        XCTAssertEqual(rr(Int64.min, 2, Asm.mulhu), 1)
        XCTAssertEqual(rr(-1, -1, Asm.mulhsu), 0xFFFF_FFFF_FFFF_FFFF)   // -1 * (2^64-1)
        XCTAssertEqual(rr(-2, 3, Asm.mulhsu), 0xFFFF_FFFF_FFFF_FFFF)
        XCTAssertEqual(rr(2, -1, Asm.mulhsu), 1)                        // 2 * (2^64-1) = 2^65 - 2
        XCTAssertEqual(rr(Int64.min, -1, Asm.mulhsu), 0x8000_0000_0000_0000) // -2^63 * (2^64-1)
    }

    func testDivisionRoundsTowardZero() {
        XCTAssertEqual(rr(-7, 2, Asm.div), 0xFFFF_FFFF_FFFF_FFFD)
        XCTAssertEqual(rr(7, -2, Asm.div), 0xFFFF_FFFF_FFFF_FFFD)
        XCTAssertEqual(rr(-7, 2, Asm.rem), 0xFFFF_FFFF_FFFF_FFFF)
        XCTAssertEqual(rr(7, -2, Asm.rem), 1)
        XCTAssertEqual(rr(-1, 2, Asm.divu), 0x7FFF_FFFF_FFFF_FFFF)
        XCTAssertEqual(rr(-1, 10, Asm.remu), 5)
    }

    func testDivisionByZero() {
        XCTAssertEqual(rr(5, 0, Asm.div), 0xFFFF_FFFF_FFFF_FFFF)
        XCTAssertEqual(rr(5, 0, Asm.divu), 0xFFFF_FFFF_FFFF_FFFF)
        XCTAssertEqual(rr(5, 0, Asm.rem), 5)
        XCTAssertEqual(rr(-5, 0, Asm.rem), 0xFFFF_FFFF_FFFF_FFFB)
        XCTAssertEqual(rr(-5, 0, Asm.remu), 0xFFFF_FFFF_FFFF_FFFB)
    }

    func testSignedOverflow() {
        XCTAssertEqual(rr(Int64.min, -1, Asm.div), 0x8000_0000_0000_0000)
        XCTAssertEqual(rr(Int64.min, -1, Asm.rem), 0)
        XCTAssertEqual(rr(Int64.min, 1, Asm.div), 0x8000_0000_0000_0000)
        XCTAssertEqual(rr(42, -1, Asm.div), 0xFFFF_FFFF_FFFF_FFD6)
    }

    func testWordForms() {
        XCTAssertEqual(rr(0x7FFF_FFFF, 2, Asm.mulw), 0xFFFF_FFFF_FFFF_FFFE)
        XCTAssertEqual(rr(0x1_0000_0003, 5, Asm.mulw), 15)
        XCTAssertEqual(rr(Int64(Int32.min), -1, Asm.divw), 0xFFFF_FFFF_8000_0000)
        XCTAssertEqual(rr(Int64(Int32.min), -1, Asm.remw), 0)
        XCTAssertEqual(rr(5, 0, Asm.divw), 0xFFFF_FFFF_FFFF_FFFF)
        XCTAssertEqual(rr(5, 0x1_0000_0000, Asm.divw), 0xFFFF_FFFF_FFFF_FFFF)  // divisor's low word is 0
        XCTAssertEqual(rr(5, 0, Asm.remw), 5)
        XCTAssertEqual(rr(0x1_FFFF_FFF9, 0, Asm.remw), 0xFFFF_FFFF_FFFF_FFF9)   // dividend = low word, -7
        XCTAssertEqual(rr(0xFFFF_FFFF, 0, Asm.divuw), 0xFFFF_FFFF_FFFF_FFFF)
        XCTAssertEqual(rr(0x8000_0000, 0, Asm.remuw), 0xFFFF_FFFF_8000_0000)
        XCTAssertEqual(rr(-2, 2, Asm.divuw), 0x7FFF_FFFF)
        XCTAssertEqual(rr(-7, 2, Asm.divw), 0xFFFF_FFFF_FFFF_FFFD)
        XCTAssertEqual(rr(0x5_0000_000A, 0x7_0000_0003, Asm.divw), 3)
        XCTAssertEqual(rr(0x1_0000_000A, 3, Asm.remuw), 1)
        XCTAssertEqual(rr(0x1_8000_0000, 1, Asm.divuw), 0xFFFF_FFFF_8000_0000)  // result sign-extended
    }
}
