import XCTest
import ELFLoader
import RISCV
import GuestABI
import RISCVTestSupport

/// One test per loader rule (docs/MEMORY.md "What the loader accepts"), with ELFs crafted by ELFWriter.
final class ELFLoaderTests: XCTestCase {
    typealias W = ELFWriter
    let text: [UInt8] = { var p = Program(); p.emit(Asm.addi(10, 0, 3), Asm.ebreak()); return p.bytes }()

    func writer(_ is64: Bool = true) -> W {
        W(is64: is64, entry: 0x10000, segments: [
            W.Segment(flags: W.PF_R | W.PF_X, vaddr: 0x10000, bytes: text),
            W.Segment(flags: W.PF_R | W.PF_W, vaddr: 0x11000, bytes: [1, 2, 3], memsz: 0x2000),
        ])
    }

    func reject(_ bytes: [UInt8], xlen: XLEN? = nil, limits: ELFLimits = ELFLimits(), _ expected: ELFError,
                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try ELFLoader.load(bytes, xlen: xlen, limits: limits), file: file, line: line) { e in
            XCTAssertEqual(e as? ELFError, expected, file: file, line: line)
        }
    }

    func testAcceptsRV64AndRV32() throws {
        for (is64, xlen) in [(true, XLEN.rv64), (false, XLEN.rv32)] {
            let prog = try ELFLoader.load(writer(is64).build())
            XCTAssertEqual(prog.image.xlen, xlen)
            XCTAssertEqual(prog.image.entry, 0x10000)
            XCTAssertEqual(prog.image.segments, [
                Segment(address: 0x10000, bytes: text, memorySize: 8, permissions: [.read, .execute]),
                Segment(address: 0x11000, bytes: [1, 2, 3], memorySize: 0x2000, permissions: [.read, .write]),
            ])
            XCTAssertNoThrow(try ELFLoader.load(writer(is64).build(), xlen: xlen))
            let hart = try Hart(image: prog.image)
            XCTAssertEqual(hart.execute(), .stop(.breakpoint(pc: 0x10004)))
            XCTAssertEqual(hart[10], 3)
        }
    }

    func testBSSIsZeroedEvenIfTheFileHasBytesThere() throws {
        var w = writer()
        w.segments[1] = W.Segment(flags: W.PF_R | W.PF_W, vaddr: 0x11000, bytes: [1, 2, 3, 4, 0xAA, 0xBB, 0xCC, 0xDD],
                                  memsz: 0x1800, filesz: 4)
        let prog = try ELFLoader.load(w.build())
        XCTAssertEqual(prog.image.segments[1].bytes, [1, 2, 3, 4])
        let hart = try Hart(image: prog.image)
        XCTAssertEqual(hart.memory.read(0x11000, count: 8), [1, 2, 3, 4, 0, 0, 0, 0])
        XCTAssertEqual(hart.memory.read(0x127FF, count: 1), [0])
        XCTAssertEqual(hart.memory.read(0x12FFF, count: 1), [0])  // rest of the last page is mapped too
        XCTAssertNil(hart.memory.read(0x13000, count: 1))
        XCTAssertEqual(hart.memory.initialBreak, 0x13000)
    }

    func testAcceptsUnalignedVaddrCongruentToOffset() throws {
        // What GNU ld emits for the data segment: p_vaddr ≡ p_offset (mod 4096), not page aligned.
        var w = writer()
        w.segments[1] = W.Segment(flags: W.PF_R | W.PF_W, vaddr: 0x1110C, bytes: [9, 8, 7], memsz: 16)
        let prog = try ELFLoader.load(w.build())
        let hart = try Hart(image: prog.image)
        XCTAssertEqual(hart.memory.read(0x1110C, count: 4), [9, 8, 7, 0])
    }

    func testSymbols() throws {
        var w = writer()
        w.symbols = [W.Symbol(name: "main", value: 0x10004, size: 4), W.Symbol(name: "_start", value: 0x10000, size: 4)]
        let prog = try ELFLoader.load(w.build())
        XCTAssertEqual(prog.symbols, [ELFSymbol(name: "_start", value: 0x10000, size: 4, isFunction: true),
                                      ELFSymbol(name: "main", value: 0x10004, size: 4, isFunction: true)])
        XCTAssertEqual(prog.symbol(containing: 0x10006)?.name, "main")
        var w32 = writer(false)
        w32.symbols = [W.Symbol(name: "f", value: 0x10000, size: 8)]
        XCTAssertEqual(try ELFLoader.load(w32.build()).symbols, [ELFSymbol(name: "f", value: 0x10000, size: 8, isFunction: true)])
    }

    func testRejectsNonELF() {
        reject([UInt8](repeating: 0x41, count: 100), .notELF)
        reject([0x7F, 0x45, 0x4C, 0x46], .notELF)
    }

    func testRejectsBadClass() {
        var w = writer(); w.classByte = 3
        reject(w.build(), .unsupportedClass(3))
    }

    func testRejectsBigEndian() {
        var w = writer(); w.dataEncoding = 2
        reject(w.build(), .notLittleEndian)
    }

    func testRejectsNonExecutableTypes() {
        var w = writer(); w.type = 3
        reject(w.build(), .notExecutable(type: 3))
        w.type = 1
        reject(w.build(), .notExecutable(type: 1))
    }

    func testRejectsOtherMachines() {
        var w = writer(); w.machine = 62
        reject(w.build(), .wrongMachine(62))
    }

    func testRejectsXLENMismatch() {
        reject(writer(true).build(), xlen: .rv32, .xlenMismatch(expected: .rv32, found: .rv64))
        reject(writer(false).build(), xlen: .rv64, .xlenMismatch(expected: .rv64, found: .rv32))
    }

    func testRejectsRVC() {
        var w = writer(); w.flags = 0x1
        reject(w.build(), .compressedInstructions)
    }

    func testRejectsHardFloatABIs() {
        for f: UInt32 in [0x2, 0x4, 0x6] {
            var w = writer(); w.flags = f
            reject(w.build(), .hardFloatABI(flags: f))
        }
    }

    func testRejectsRVE() {
        var w = writer(); w.flags = 0x8
        reject(w.build(), .embeddedABI)
    }

    func testAcceptsTSOFlag() {
        var w = writer(); w.flags = 0x10
        XCTAssertNoThrow(try ELFLoader.load(w.build()))
    }

    func testRejectsInterpreterAndDynamic() {
        var w = writer()
        w.segments.append(W.Segment(type: W.PT_INTERP, flags: W.PF_R, vaddr: 0, bytes: Array("/lib/ld.so\0".utf8)))
        reject(w.build(), .hasInterpreter)
        var d = writer()
        d.segments.append(W.Segment(type: W.PT_DYNAMIC, flags: W.PF_R, vaddr: 0, bytes: [0, 0, 0, 0]))
        reject(d.build(), .hasDynamicSection)
    }

    func testRejectsTooManyProgramHeaders() {
        var w = writer()
        for _ in 0..<64 { w.segments.append(W.Segment(type: W.PT_NOTE, flags: 0, vaddr: 0, bytes: [])) }
        reject(w.build(), .tooManyProgramHeaders(count: 66, limit: 64))
    }

    func testRejectsNoLoadableSegments() {
        let w = W(is64: true, entry: 0x10000, segments: [W.Segment(type: W.PT_NOTE, flags: W.PF_R, vaddr: 0, bytes: [1])])
        reject(w.build(), .noLoadableSegments)
    }

    func testRejectsSegmentsOutOfRange() {
        var w = writer()
        w.segments[1].vaddr = 0x1000
        reject(w.build(), .segmentOutOfRange(index: 1, address: 0x1000, size: 0x2000))
        w.segments[1].vaddr = 0x3FFF_F000
        reject(w.build(), .segmentOutOfRange(index: 1, address: 0x3FFF_F000, size: 0x2000))
        w.segments[1].vaddr = 0x4000_0000
        reject(w.build(), .segmentOutOfRange(index: 1, address: 0x4000_0000, size: 0x2000))
        w.segments[1].vaddr = 0xFFFF_FFFF_FFFF_F000
        reject(w.build(), .segmentOutOfRange(index: 1, address: 0xFFFF_FFFF_FFFF_F000, size: 0x2000))
        w.segments[1].vaddr = 0x3FFF_E000   // ends exactly at the limit: fine
        XCTAssertNoThrow(try ELFLoader.load(w.build()))
    }

    func testRejectsOffsetNotCongruentToVaddr() {
        var w = writer()
        w.segments[1].offset = 0x1004
        reject(w.build(), .segmentMisaligned(index: 1, address: 0x11000, offset: 0x1004))
    }

    func testRejectsFileSizeAboveMemorySize() {
        var w = writer()
        w.segments[1] = W.Segment(flags: W.PF_R | W.PF_W, vaddr: 0x11000, bytes: [1, 2, 3, 4], memsz: 2)
        reject(w.build(), .segmentFileSizeExceedsMemorySize(index: 1))
    }

    func testRejectsSegmentBeyondEndOfFile() {
        var w = writer()
        w.segments[1].filesz = 0x1000
        w.segments[1].memsz = 0x1000
        reject(w.build(), .segmentOutsideFile(index: 1))
    }

    func testRejectsWritableAndExecutable() {
        var w = writer()
        w.segments[0].flags = W.PF_R | W.PF_W | W.PF_X
        reject(w.build(), .segmentWritableAndExecutable(index: 0))
    }

    func testRejectsOverlappingSegments() {
        var w = writer()
        w.segments[1].vaddr = 0x10004   // the text's second word is also data
        w.segments[1].offset = 0x4
        reject(w.build(), .segmentsOverlap(first: 0, second: 1))
    }

    func testRejectsSegmentsSharingAPage() {
        // Disjoint bytes on one page: text at 0x10000..<0x10008, data at 0x10800 (and RW data into the next
        // page); permissions are per page, so each segment could not keep its own.
        var w = writer()
        w.segments[1].vaddr = 0x10800
        w.segments[1].offset = 0x800
        reject(w.build(), .segmentsSharePage(first: 0, second: 1, page: 0x10000))
        // Data on the page below the text, ending inside the text's page but before its first byte.
        var v = writer()
        v.entry = 0x12800
        v.segments[0].vaddr = 0x12800
        v.segments[0].offset = 0x1800
        v.segments[1].memsz = 0x1004   // 0x11000..<0x12004
        reject(v.build(), .segmentsSharePage(first: 0, second: 1, page: 0x12000))
        v.segments[1].memsz = 0x1000   // 0x11000..<0x12000: pages of their own
        XCTAssertNoThrow(try ELFLoader.load(v.build()))
    }

    func testRejectsBadEntryPoints() {
        var w = writer()
        w.entry = 0x11000
        reject(w.build(), .entryNotExecutable(entry: 0x11000))
        w.entry = 0x10002
        reject(w.build(), .entryNotExecutable(entry: 0x10002))
        w.entry = 0x10008   // just past the text segment's memory size
        reject(w.build(), .entryNotExecutable(entry: 0x10008))
    }

    func testRejectsTooMuchCode() {
        var w = writer()
        w.segments[0].memsz = MachineConfig.maxCodeSpan + 1
        w.segments[1].vaddr = 0x1000_0000
        reject(w.build(), .codeTooLarge(span: MachineConfig.maxCodeSpan + 0x1000, limit: MachineConfig.maxCodeSpan))
    }

    func testRejectsFilesAboveSizeLimit() {
        var limits = ELFLimits()
        limits.maxFileSize = 100
        let bytes = writer().build()
        reject(bytes, limits: limits, .fileTooLarge(size: UInt64(bytes.count), limit: 100))
    }

    func testRejectsTooManySymbols() {
        var w = writer()
        w.symbols = (0..<3).map { W.Symbol(name: "s\($0)", value: 0x10000, size: 0) }
        var limits = ELFLimits()
        limits.maxSymbols = 3
        reject(w.build(), limits: limits, .tooManySymbols(count: 4, limit: 3))   // 3 + the null symbol
    }

    func testRejectsTruncatedFile() {
        let bytes = Array(writer().build().prefix(70))
        XCTAssertThrowsError(try ELFLoader.load(bytes)) { e in
            guard case .malformed = e as? ELFError else { return XCTFail("\(e)") }
        }
    }

    func testReadsFromDiskAndReportsMissingFile() throws {
        let path = NSTemporaryDirectory() + "rvx-elf-\(UInt32.random(in: 0...UInt32.max))"
        try Data(writer().build()).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(try ELFLoader.load(path: path).image.entry, 0x10000)
        XCTAssertThrowsError(try ELFLoader.load(path: path + ".missing")) { e in
            guard case .unreadable = e as? ELFError else { return XCTFail("\(e)") }
        }
    }
}
