import XCTest
import RISCV
import RISCVTestSupport

/// Control transfer (Unprivileged ISA, "Control Transfer Instructions"): branches signed vs unsigned,
/// JAL/JALR links, JALR clearing bit 0, and a loop.
final class ControlFlowTests: XCTestCase {
    /// Returns 2 if the branch is taken, 1 if not.
    func branch(_ kind: @escaping (Int, Int, Int) -> UInt32, _ a: Int64, _ b: Int64, xlen: XLEN = .rv64,
                file: StaticString = #filePath, line: UInt = #line) throws -> UInt64 {
        let (h, r) = try runProgram(xlen) { p in
            p.li(Reg.a1, a); p.li(Reg.a2, b)
            p.branch(kind, Reg.a1, Reg.a2, to: "taken")
            p.li(Reg.a0, 1); p.emit(Asm.ebreak())
            p.label("taken")
            p.li(Reg.a0, 2); p.emit(Asm.ebreak())
        }
        guard case .breakpoint = r else { XCTFail("\(r)", file: file, line: line); return 0 }
        return h[Reg.a0]
    }

    func testBranches() throws {
        for xlen in [XLEN.rv64, .rv32] {
            XCTAssertEqual(try branch(Asm.beq, 5, 5, xlen: xlen), 2)
            XCTAssertEqual(try branch(Asm.beq, 5, 6, xlen: xlen), 1)
            XCTAssertEqual(try branch(Asm.bne, 5, 6, xlen: xlen), 2)
            XCTAssertEqual(try branch(Asm.bne, -1, -1, xlen: xlen), 1)
            XCTAssertEqual(try branch(Asm.blt, -1, 1, xlen: xlen), 2)
            XCTAssertEqual(try branch(Asm.blt, 1, -1, xlen: xlen), 1)
            XCTAssertEqual(try branch(Asm.bltu, -1, 1, xlen: xlen), 1)
            XCTAssertEqual(try branch(Asm.bltu, 1, -1, xlen: xlen), 2)
            XCTAssertEqual(try branch(Asm.bge, 1, 1, xlen: xlen), 2)
            XCTAssertEqual(try branch(Asm.bge, -2, -1, xlen: xlen), 1)
            XCTAssertEqual(try branch(Asm.bgeu, 0, -1, xlen: xlen), 1)
            XCTAssertEqual(try branch(Asm.bgeu, -1, 0, xlen: xlen), 2)
        }
    }

    func testBackwardBranchLoop() throws {
        // sum = 1 + 2 + ... + 100
        let (h, r) = try runProgram { p in
            p.li(Reg.a0, 0); p.li(Reg.t0, 1); p.li(Reg.t1, 101)
            p.label("loop")
            p.emit(Asm.add(Reg.a0, Reg.a0, Reg.t0), Asm.addi(Reg.t0, Reg.t0, 1))
            p.branch(Asm.bne, Reg.t0, Reg.t1, to: "loop")
            p.emit(Asm.ebreak())
        }
        XCTAssertEqual(r, .breakpoint(pc: 0x10000 + 6 * 4))
        XCTAssertEqual(h[Reg.a0], 5050)
        XCTAssertEqual(h.instructionsRetired, 3 + 300)
    }

    func testJalLinksAndJumps() throws {
        let (h, r) = try runProgram { p in
            p.emit(Asm.nop())
            p.jal(Reg.ra, to: "f")       // at 0x10004
            p.emit(Asm.ebreak())         // skipped
            p.label("f")
            p.emit(Asm.ebreak())         // 0x1000c
        }
        XCTAssertEqual(r, .breakpoint(pc: 0x1000C))
        XCTAssertEqual(h[Reg.ra], 0x10008)
    }

    func testJalrClearsBitZeroAndLinks() throws {
        let (h, r) = try runProgram { p in
            p.emit(Asm.auipc(Reg.t0, 0))              // t0 = 0x10000
            p.emit(Asm.jalr(Reg.ra, Reg.t0, 13))      // target (0x10000 + 13) & ~1 = 0x1000c
            p.emit(Asm.ebreak())
            p.emit(Asm.ebreak())                      // 0x1000c
        }
        XCTAssertEqual(r, .breakpoint(pc: 0x1000C))
        XCTAssertEqual(h[Reg.ra], 0x10008)
    }

    func testJalrWithSameSourceAndDestination() throws {
        let (h, r) = try runProgram { p in
            p.emit(Asm.auipc(Reg.t0, 0))
            p.emit(Asm.jalr(Reg.t0, Reg.t0, 12))      // target uses the old t0
            p.emit(Asm.ebreak())
            p.emit(Asm.ebreak())
        }
        XCTAssertEqual(r, .breakpoint(pc: 0x1000C))
        XCTAssertEqual(h[Reg.t0], 0x10008)
    }

    func testNegativeJalrOffset() throws {
        let (h, r) = try runProgram { p in
            p.emit(Asm.jal(0, 8))                     // skip the ebreak
            p.emit(Asm.ebreak())                      // 0x10004: target
            p.emit(Asm.auipc(Reg.t0, 0))              // 0x10008
            p.emit(Asm.jalr(Reg.ra, Reg.t0, -4))
        }
        XCTAssertEqual(r, .breakpoint(pc: 0x10004))
        XCTAssertEqual(h[Reg.ra], 0x10010)
    }

    func testFenceIsNoOp() throws {
        let (h, r) = try runProgram { p in
            p.emit(Asm.fence(), 0x8330_000F /* fence.tso */, 0x0100_000F /* pause */, Asm.addi(Reg.a0, 0, 9), Asm.ebreak())
        }
        XCTAssertEqual(r, .breakpoint(pc: 0x10010))
        XCTAssertEqual(h[Reg.a0], 9)
    }
}
