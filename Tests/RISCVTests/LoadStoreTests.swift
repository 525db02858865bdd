import XCTest
import RISCV
import RISCVTestSupport

/// Loads and stores (Unprivileged ISA, "Load and Store Instructions"): widths, sign/zero extension,
/// little-endian byte order, misaligned accesses (done byte-wise, as Zicclsm requires, and counted).
final class LoadStoreTests: XCTestCase {
    let data: [UInt8] = [0x80, 0xFF, 0x7F, 0x01, 0x88, 0x99, 0xAA, 0xBB]

    func load(_ op: @escaping (Int, Int, Int) -> UInt32, _ offset: Int, file: StaticString = #filePath, line: UInt = #line) throws -> (UInt64, Hart) {
        let (h, r) = try runProgram(data: data) { p in
            p.li(Reg.a1, 0x20000)
            p.emit(op(Reg.a0, Reg.a1, offset), Asm.ebreak())
        }
        XCTAssertEqual(r, .breakpoint(pc: 0x10008), file: file, line: line)
        return (h[Reg.a0], h)
    }

    func testLoadExtension() throws {
        XCTAssertEqual(try load(Asm.lb, 0).0, 0xFFFF_FFFF_FFFF_FF80)
        XCTAssertEqual(try load(Asm.lbu, 0).0, 0x80)
        XCTAssertEqual(try load(Asm.lb, 2).0, 0x7F)
        XCTAssertEqual(try load(Asm.lh, 0).0, 0xFFFF_FFFF_FFFF_FF80)
        XCTAssertEqual(try load(Asm.lhu, 0).0, 0xFF80)
        XCTAssertEqual(try load(Asm.lh, 2).0, 0x017F)
        XCTAssertEqual(try load(Asm.lw, 0).0, 0x017F_FF80)
        XCTAssertEqual(try load(Asm.lw, 4).0, 0xFFFF_FFFF_BBAA_9988)
        XCTAssertEqual(try load(Asm.lwu, 4).0, 0xBBAA_9988)
        XCTAssertEqual(try load(Asm.ld, 0).0, 0xBBAA_9988_017F_FF80)
    }

    func testNegativeOffset() throws {
        let (h, r) = try runProgram(data: data) { p in
            p.li(Reg.a1, 0x20008)
            p.emit(Asm.lbu(Reg.a0, Reg.a1, -1), Asm.ebreak())
        }
        XCTAssertEqual(r, .breakpoint(pc: 0x10008 + 4))
        XCTAssertEqual(h[Reg.a0], 0xBB)
    }

    func testMisalignedLoadIsByteWiseAndCounted() throws {
        let (v, h) = try load(Asm.lw, 1)
        XCTAssertEqual(v, 0xFFFF_FFFF_8801_7FFF)
        XCTAssertEqual(h.memory.misalignedAccesses, 1)
        let (v2, h2) = try load(Asm.lhu, 3)
        XCTAssertEqual(v2, 0x8801)
        XCTAssertEqual(h2.memory.misalignedAccesses, 1)
        let (v3, h3) = try load(Asm.lw, 4)
        XCTAssertEqual(v3, 0xFFFF_FFFF_BBAA_9988)
        XCTAssertEqual(h3.memory.misalignedAccesses, 0)
    }

    func testStores() throws {
        let (h, r) = try runProgram(data: [UInt8](repeating: 0, count: 16)) { p in
            p.li(Reg.a1, 0x20000)
            p.li(Reg.a2, 0x1122_3344_5566_7788)
            p.emit(Asm.sd(Reg.a2, Reg.a1, 0), Asm.sw(Reg.a2, Reg.a1, 8), Asm.sh(Reg.a2, Reg.a1, 12),
                   Asm.sb(Reg.a2, Reg.a1, 14), Asm.ebreak())
        }
        guard case .breakpoint = r else { return XCTFail("\(r)") }
        XCTAssertEqual(h.memory.read(0x20000, count: 16),
                       [0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 0x88, 0x77, 0x66, 0x55, 0x88, 0x77, 0x88, 0x00])
    }

    func testMisalignedAccessAcrossPageBoundary() throws {
        let (h, r) = try runProgram(data: [], dataSize: 8192) { p in
            p.li(Reg.a1, 0x20FFD)
            p.li(Reg.a2, 0x1122_3344_5566_7788)
            p.emit(Asm.sd(Reg.a2, Reg.a1, 0), Asm.ld(Reg.a0, Reg.a1, 0), Asm.lw(Reg.a3, Reg.a1, 1), Asm.ebreak())
        }
        guard case .breakpoint = r else { return XCTFail("\(r)") }
        XCTAssertEqual(h[Reg.a0], 0x1122_3344_5566_7788)
        XCTAssertEqual(h[Reg.a3], 0x4455_6677)
        XCTAssertEqual(h.memory.read(0x20FFD, count: 8), [0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11])
        XCTAssertEqual(h.memory.misalignedAccesses, 3)
    }

    func testPageCrossingStoreIntoUnmappedPageWritesNothing() throws {
        let (h, r) = try runProgram(data: [1, 2, 3, 4], dataSize: 4096) { p in
            p.li(Reg.a1, 0x20FFC)
            p.li(Reg.a2, -1)
            p.emit(Asm.sw(Reg.a2, Reg.a1, 0))   // fine: last word of the page
            p.emit(Asm.sd(Reg.a2, Reg.a1, -4))  // fine
            p.li(Reg.a2, 0)
            p.emit(Asm.sd(Reg.a2, Reg.a1, 0))   // crosses into unmapped 0x21000
            p.emit(Asm.ebreak())
        }
        XCTAssertEqual(r, .storeFault(pc: 0x10000 + 6 * 4, address: 0x21000))
        XCTAssertEqual(h.memory.read(0x20FF8, count: 8), [UInt8](repeating: 0xFF, count: 8))
        XCTAssertEqual(h.pc, 0x10000 + 6 * 4)
    }

    func testBSSIsZero() throws {
        let (h, r) = try runProgram(data: [7], dataSize: 8192) { p in
            p.li(Reg.a1, 0x21FF8)
            p.emit(Asm.ld(Reg.a0, Reg.a1, 0), Asm.ebreak())
        }
        guard case .breakpoint = r else { return XCTFail("\(r)") }
        XCTAssertEqual(h[Reg.a0], 0)
        XCTAssertEqual(h.memory.read(0x20000, count: 2), [7, 0])
    }
}
