import XCTest
import RISCV
import RISCVTestSupport

/// Illegal instructions, access faults, misaligned jumps and EBREAK: each stops with a typed reason
/// naming the pc (and word or address); the faulting instruction does not retire.
final class FaultTests: XCTestCase {
    func testIllegalInstructions() throws {
        let cases: [(String, UInt32)] = [
            ("compressed c.addi", Asm.cAddiPair()),
            ("amoadd.w", Asm.amoaddW(10, 11, 12)),
            ("fadd.s", Asm.faddS(1, 2, 3)),
            ("csrrw", Asm.csrrw(10, 0x340, 11)),
            ("rdcycle", Asm.rdcycle(10)),
            ("mret", Asm.mret()),
            ("fence.i", Asm.fenceI()),
            ("all zeros", 0),
            ("all ones", 0xFFFF_FFFF),
            ("branch funct3 2", Asm.b(2, 1, 2, 8)),
            ("load funct3 7", Asm.i(0x03, 10, 7, 2, 0)),
            ("store funct3 4", Asm.s(0x23, 4, 2, 10, 0)),
            ("jalr funct3 1", Asm.i(0x67, 1, 1, 2, 0)),
            ("add with funct7 0x40", Asm.r(0x33, 10, 0, 11, 12, 0x40)),
            ("sub-style funct7 on xor", Asm.r(0x33, 10, 4, 11, 12, 0x20)),
            ("slli funct6 0x10", Asm.i(0x13, 10, 1, 11, 0x400 | 3)),
            ("slliw shamt bit 5", Asm.i(0x1B, 10, 1, 11, 32)),
            ("ecall with rd", 0x0000_00F3),
        ]
        for (name, w) in cases {
            let (h, r) = try runProgram { p in p.emit(Asm.nop(), w) }
            XCTAssertEqual(r, .illegalInstruction(pc: 0x10004, word: w), name)
            XCTAssertEqual(h.instructionsRetired, 1, name)
            XCTAssertEqual(h.pc, 0x10004, name)
        }
    }

    func testEbreak() throws {
        let (h, r) = try runProgram { p in p.emit(Asm.addi(Reg.a0, 0, 1), Asm.ebreak()) }
        XCTAssertEqual(r, .breakpoint(pc: 0x10004))
        XCTAssertEqual(h.cycles, 1)
        XCTAssertEqual(r.description, "breakpoint (ebreak) at pc 0x10004")
    }

    func testLoadFromPageZero() throws {
        let (_, r) = try runProgram { p in p.emit(Asm.lw(Reg.a0, 0, 0)) }
        XCTAssertEqual(r, .loadFault(pc: 0x10000, address: 0))
        let (_, r2) = try runProgram { p in p.emit(Asm.lb(Reg.a0, 0, 0x7FF)) }
        XCTAssertEqual(r2, .loadFault(pc: 0x10000, address: 0x7FF))
    }

    func testStoreIntoText() throws {
        let (h, r) = try runProgram { p in
            p.li(Reg.a1, 0x10000)
            p.emit(Asm.sw(0, Reg.a1, 0))
        }
        XCTAssertEqual(r, .storeFault(pc: 0x10004, address: 0x10000))
        XCTAssertEqual(h.memory.read(0x10000, count: 4), [0xB7, 0x05, 0x01, 0x00])  // lui a1, 0x10 unchanged
    }

    func testLoadFromText() throws {
        let (h, r) = try runProgram { p in
            p.li(Reg.a1, 0x10000)
            p.emit(Asm.lw(Reg.a0, Reg.a1, 0), Asm.ebreak())
        }
        XCTAssertEqual(r, .breakpoint(pc: 0x10008))
        XCTAssertEqual(h[Reg.a0], 0x0001_05B7)
    }

    func testFetchFromData() throws {
        let (h, r) = try runProgram(data: [0x73, 0, 0x10, 0]) { p in   // an ebreak in the data segment
            p.li(Reg.a1, 0x20000)
            p.emit(Asm.jalr(Reg.ra, Reg.a1, 0))
        }
        XCTAssertEqual(r, .fetchFault(pc: 0x20000))
        XCTAssertEqual(h.pc, 0x20000)
        XCTAssertEqual(h[Reg.ra], 0x10008)
    }

    func testUnmappedAndOutOfRangeAccesses() throws {
        let (_, r1) = try runProgram { p in
            p.li(Reg.a1, 0x3000_0000)
            p.emit(Asm.ld(Reg.a0, Reg.a1, 8))
        }
        XCTAssertEqual(r1, .loadFault(pc: 0x10004, address: 0x3000_0008))
        let (_, r2) = try runProgram { p in
            p.li(Reg.a1, -16)
            p.emit(Asm.sd(Reg.a1, Reg.a1, 0))
        }
        XCTAssertEqual(r2, .storeFault(pc: 0x10004, address: 0xFFFF_FFFF_FFFF_FFF0))
        let (_, r3) = try runProgram { p in
            p.li(Reg.a1, 0x8000_0000)
            p.emit(Asm.lbu(Reg.a0, Reg.a1, 0))
        }
        XCTAssertEqual(r3, .loadFault(pc: 0x10008, address: 0x8000_0000))
        let (_, r4) = try runProgram { p in   // input region is empty by default
            p.li(Reg.a1, 0x4000_0000)
            p.emit(Asm.lbu(Reg.a0, Reg.a1, 0))
        }
        XCTAssertEqual(r4, .loadFault(pc: 0x10004, address: 0x4000_0000))
    }

    func testFaultingLoadLeavesDestinationUnchanged() throws {
        let (h, r) = try runProgram { p in
            p.li(Reg.a0, 77)
            p.emit(Asm.ld(Reg.a0, 0, 16))
        }
        XCTAssertEqual(r, .loadFault(pc: 0x10004, address: 16))
        XCTAssertEqual(h[Reg.a0], 77)
        XCTAssertEqual(h.instructionsRetired, 1)
    }

    func testMisalignedJumps() throws {
        let (h, r) = try runProgram { p in
            p.emit(Asm.auipc(Reg.t0, 0))
            p.emit(Asm.jalr(Reg.ra, Reg.t0, 2))
        }
        XCTAssertEqual(r, .misalignedFetch(pc: 0x10004, target: 0x10002))
        XCTAssertEqual(h[Reg.ra], 0)   // did not retire
        XCTAssertEqual(h.pc, 0x10004)
        let (h2, r2) = try runProgram { p in p.emit(Asm.nop(), Asm.jal(Reg.ra, 6), Asm.nop(), Asm.nop()) }
        XCTAssertEqual(r2, .misalignedFetch(pc: 0x10004, target: 0x1000A))
        XCTAssertEqual(h2[Reg.ra], 0)
        let (_, r3) = try runProgram { p in p.emit(Asm.beq(0, 0, -2)) }
        XCTAssertEqual(r3, .misalignedFetch(pc: 0x10000, target: 0xFFFE))
        // A not-taken branch to a misaligned target is fine.
        let (_, r4) = try runProgram { p in p.emit(Asm.bne(0, 0, 6), Asm.ebreak(), Asm.nop()) }
        XCTAssertEqual(r4, .breakpoint(pc: 0x10004))
    }

    func testJumpsOutsideTheCode() throws {
        let (h, r) = try runProgram { p in p.emit(Asm.jal(Reg.ra, 0x1000)) }
        XCTAssertEqual(r, .fetchFault(pc: 0x11000))
        XCTAssertEqual(h[Reg.ra], 0x10004)
        let (_, r2) = try runProgram { p in p.emit(Asm.beq(0, 0, -16)) }
        XCTAssertEqual(r2, .fetchFault(pc: 0xFFF0))
        let (_, r3) = try runProgram { p in p.emit(Asm.jalr(0, 0, 0)) }
        XCTAssertEqual(r3, .fetchFault(pc: 0))
    }

    func testFallingOffTheEndOfTheCode() throws {
        // The text segment is 8 bytes; the rest of its page is executable zero words (illegal).
        let (_, r) = try runProgram { p in p.emit(Asm.nop(), Asm.nop()) }
        XCTAssertEqual(r, .illegalInstruction(pc: 0x10008, word: 0))
        // Code ending exactly at a page boundary runs into the sentinel.
        let (_, r2) = try runProgram { p in p.emit([UInt32](repeating: Asm.nop(), count: 1024)) }
        XCTAssertEqual(r2, .fetchFault(pc: 0x11000))
    }

    func testDescriptions() {
        XCTAssertEqual(StopReason.illegalInstruction(pc: 0x10004, word: 0x2F).description,
                       "illegal instruction 0x0000002f at pc 0x10004")
        XCTAssertEqual(StopReason.loadFault(pc: 0x10000, address: 0).description,
                       "load access fault at address 0x0 (pc 0x10000)")
        XCTAssertEqual(StopReason.outOfCycles(pc: 0x10010).description, "out of cycles before pc 0x10010")
    }
}
