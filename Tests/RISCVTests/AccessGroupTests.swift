import XCTest
import RISCV
import RISCVTestSupport

/// The translated tier checks a group of loads and stores from one unchanged base register once
/// (Sources/Translator/AccessGroups.swift) and holds RV32 registers in 32-bit host variables. Each case
/// places the fault, misalignment, base change or jump target inside such a group, or a signed/unsigned
/// comparison on 32-bit values, and checks every engine against the reference stepper and against the
/// hand-computed stop (RISC-V Unprivileged ISA 20191213: a faulting access does not retire, the ones
/// before it do) and register values.
final class AccessGroupTests: XCTestCase {
    let code: UInt64 = 0x10000

    /// Memory: 0x20000 read/write (bytes 1...8, then zeros, one page), 0x30000 read-only (bytes 0x11,
    /// 0x22, 0x33, 0x44), nothing at 0x21000 or 0x40000.
    func run(_ xlen: XLEN, _ build: (inout Program) -> Void) throws -> HartSnapshot {
        var p = Program(xlen: xlen == .rv64 ? 64 : 32)
        build(&p)
        let image = ProgramImage(xlen: xlen, entry: code, segments: [
            Segment(address: code, bytes: p.bytes, permissions: [.read, .execute]),
            Segment(address: 0x20000, bytes: [1, 2, 3, 4, 5, 6, 7, 8], memorySize: 0x1000, permissions: [.read, .write]),
            Segment(address: 0x30000, bytes: [0x11, 0x22, 0x33, 0x44], memorySize: 0x1000, permissions: [.read]),
        ])
        let out = try assertEnginesAgree("\(xlen)", regions: [(0x20000, 0x1000)]) { e in
            try Hart(image: image, config: MachineConfig(engine: e))
        }
        return out[.reference]!
    }

    func pc(_ slot: UInt64) -> UInt64 { code + 4 * slot }

    func testGroupInOnePageRetiresEveryAccess() throws {
        for xlen in [XLEN.rv64, .rv32] {
            let s = try run(xlen) { p in
                p.emit(Asm.lui(Reg.s0, 0x20), Asm.lw(Reg.a0, Reg.s0, 0), Asm.lw(Reg.a1, Reg.s0, 4),
                       Asm.sw(Reg.a0, Reg.s0, 8), Asm.lw(Reg.a2, Reg.s0, 8), Asm.lbu(Reg.a3, Reg.s0, 7), Asm.ebreak())
            }
            XCTAssertEqual(s.stop, .breakpoint(pc: pc(6)), "\(xlen)")
            XCTAssertEqual([s.registers[Reg.a0], s.registers[Reg.a1], s.registers[Reg.a2], s.registers[Reg.a3]],
                           [0x0403_0201, 0x0807_0605, 0x0403_0201, 8], "\(xlen)")
        }
    }

    func testGroupCrossingIntoAnUnmappedPageFaultsAtTheAccess() throws {
        for xlen in [XLEN.rv64, .rv32] {
            let s = try run(xlen) { p in
                p.emit(Asm.lui(Reg.s0, 0x21), Asm.addi(Reg.s0, Reg.s0, -8), Asm.addi(Reg.t0, 0, 77),
                       Asm.sw(Reg.t0, Reg.s0, 0), Asm.lw(Reg.a0, Reg.s0, 0), Asm.lw(Reg.a1, Reg.s0, 8), Asm.ebreak())
            }
            XCTAssertEqual(s.stop, .loadFault(pc: pc(5), address: 0x21000), "\(xlen)")
            XCTAssertEqual(s.registers[Reg.a0], 77, "\(xlen)")
        }
    }

    func testStoreToAReadOnlyPageInAGroupFaultsAtTheStore() throws {
        for xlen in [XLEN.rv64, .rv32] {
            let s = try run(xlen) { p in
                p.emit(Asm.lui(Reg.s0, 0x30), Asm.lw(Reg.a0, Reg.s0, 0), Asm.sw(Reg.a0, Reg.s0, 4), Asm.ebreak())
            }
            XCTAssertEqual(s.stop, .storeFault(pc: pc(2), address: 0x30004), "\(xlen)")
            XCTAssertEqual(s.registers[Reg.a0], 0x4433_2211, "\(xlen)")
        }
    }

    func testBaseOverwrittenByALoadEndsTheGroup() throws {
        for xlen in [XLEN.rv64, .rv32] {
            let s = try run(xlen) { p in
                p.emit(Asm.lui(Reg.s0, 0x20), Asm.lui(Reg.t0, 0x40), Asm.sw(Reg.t0, Reg.s0, 0),
                       Asm.lw(Reg.s0, Reg.s0, 0), Asm.lw(Reg.a1, Reg.s0, 4), Asm.ebreak())
            }
            XCTAssertEqual(s.stop, .loadFault(pc: pc(4), address: 0x40004), "\(xlen)")
            XCTAssertEqual(s.registers[Reg.s0], 0x40000, "\(xlen)")
        }
    }

    func testJumpIntoTheMiddleOfARunIsChecked() throws {
        for xlen in [XLEN.rv64, .rv32] {
            let s = try run(xlen) { p in
                p.emit(Asm.lui(Reg.s0, 0x40))
                p.jal(0, to: "mid")
                p.emit(Asm.lw(Reg.a0, Reg.s0, 0))
                p.label("mid")
                p.emit(Asm.lw(Reg.a1, Reg.s0, 4), Asm.lw(Reg.a2, Reg.s0, 8), Asm.ebreak())
            }
            XCTAssertEqual(s.stop, .loadFault(pc: pc(3), address: 0x40004), "\(xlen)")
        }
    }

    func testMisalignedBaseRunsEveryAccess() throws {
        for xlen in [XLEN.rv64, .rv32] {
            let s = try run(xlen) { p in
                p.emit(Asm.lui(Reg.s0, 0x20), Asm.addi(Reg.s0, Reg.s0, 2), Asm.lw(Reg.a0, Reg.s0, 0),
                       Asm.lw(Reg.a1, Reg.s0, 4), Asm.ebreak())
            }
            XCTAssertEqual(s.stop, .breakpoint(pc: pc(4)), "\(xlen)")
            XCTAssertEqual([s.registers[Reg.a0], s.registers[Reg.a1]], [0x0605_0403, 0x0000_0807], "\(xlen)")
            XCTAssertEqual(s.misaligned, 2, "\(xlen)")
        }
    }

    /// Signed and unsigned comparisons of -1 and 1 (the RV32 tier compares 32-bit host values).
    func testComparisonsOfNegativeValues() throws {
        for xlen in [XLEN.rv64, .rv32] {
            let s = try run(xlen) { p in
                p.emit(Asm.addi(Reg.a0, 0, -1), Asm.addi(Reg.a1, 0, 1), Asm.slt(Reg.a2, Reg.a0, Reg.a1),
                       Asm.sltu(Reg.a3, Reg.a0, Reg.a1), Asm.slti(Reg.a4, Reg.a0, 0), Asm.sltiu(Reg.a5, Reg.a1, -1),
                       Asm.sltiu(Reg.a6, Reg.a0, -1))
                p.branch(Asm.blt, Reg.a0, Reg.a1, to: "taken1")
                p.emit(Asm.addi(Reg.a7, 0, 9))
                p.label("taken1")
                p.branch(Asm.bge, Reg.a1, Reg.a0, to: "taken2")
                p.emit(Asm.addi(Reg.t0, 0, 9))
                p.label("taken2")
                p.branch(Asm.bltu, Reg.a0, Reg.a1, to: "end")
                p.emit(Asm.addi(Reg.t1, 0, 5))
                p.label("end")
                p.emit(Asm.ebreak())
            }
            XCTAssertEqual(s.stop, .breakpoint(pc: pc(13)), "\(xlen)")
            XCTAssertEqual([Reg.a2, Reg.a3, Reg.a4, Reg.a5, Reg.a6, Reg.a7, Reg.t0, Reg.t1].map { s.registers[$0] },
                           [1, 0, 1, 1, 0, 0, 0, 5], "\(xlen)")
        }
    }
}
