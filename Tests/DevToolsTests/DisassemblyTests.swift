import DevTools
import ELFLoader
import RISCV
import RISCVTestSupport
import XCTest

/// `rvx disasm`: every instruction form survives disassemble → assemble (with an assembler independent of
/// the decoder), and the examples' disassembly agrees with GNU objdump instruction by instruction.
final class DisassemblyTests: XCTestCase {
    let empty = Symbolizer(entries: [])

    /// Words of every RV32IM/RV64IM form with edge operands.
    func forms(_ xlen: XLEN) -> [UInt32] {
        var w: [UInt32] = []
        let regTriples = [(10, 11, 12), (0, 31, 1), (31, 0, 5), (8, 2, 9)]
        for (d, a, b) in regTriples {
            for f in [Asm.add, Asm.sub, Asm.sll, Asm.slt, Asm.sltu, Asm.xor, Asm.srl, Asm.sra, Asm.or, Asm.and,
                      Asm.mul, Asm.mulh, Asm.mulhsu, Asm.mulhu, Asm.div, Asm.divu, Asm.rem, Asm.remu] { w.append(f(d, a, b)) }
            if xlen == .rv64 {
                for f in [Asm.addw, Asm.subw, Asm.sllw, Asm.srlw, Asm.sraw, Asm.mulw, Asm.divw, Asm.divuw, Asm.remw, Asm.remuw] {
                    w.append(f(d, a, b))
                }
            }
        }
        for imm in [0, 1, -1, 2047, -2048, 100] {
            for f in [Asm.addi, Asm.slti, Asm.sltiu, Asm.xori, Asm.ori, Asm.andi] { w.append(f(5, 6, imm)) }
            for f in [Asm.lb, Asm.lh, Asm.lw, Asm.lbu, Asm.lhu, Asm.jalr] { w.append(f(7, 2, imm)) }
            for f in [Asm.sb, Asm.sh, Asm.sw] { w.append(f(9, 8, imm)) }
            if xlen == .rv64 {
                w += [Asm.addiw(10, 11, imm), Asm.ld(1, 2, imm), Asm.lwu(3, 4, imm), Asm.sd(1, 2, imm)]
            }
        }
        let maxShift = xlen == .rv64 ? 63 : 31
        for sh in [0, 1, 31, maxShift] {
            w += [Asm.slli(10, 10, sh), Asm.srli(11, 12, sh), Asm.srai(13, 14, sh)]
            if xlen == .rv64 && sh < 32 { w += [Asm.slliw(1, 2, sh), Asm.srliw(3, 4, sh), Asm.sraiw(5, 6, sh)] }
        }
        for off in [8, -8, 4094, -4096, 0x100] {
            w += [Asm.beq(10, 0, off), Asm.bne(1, 2, off), Asm.blt(3, 4, off), Asm.bge(5, 6, off),
                  Asm.bltu(7, 8, off), Asm.bgeu(9, 10, off)]
        }
        for off in [4, -4, 0xFFFFE, -0x100000, 0x800] { w += [Asm.jal(1, off), Asm.jal(0, off)] }
        for u in [0, 1, 0x12345, 0xFFFFF, 0x80000] { w += [Asm.lui(10, u), Asm.auipc(3, u)] }
        w += [Asm.ecall(), Asm.ebreak(), Asm.fence()]
        return w
    }

    func testRoundTripEveryForm() {
        for xlen in [XLEN.rv32, .rv64] {
            let pc: UInt64 = 0x0010_0000
            for word in forms(xlen) {
                let text = DisassemblyListing.instruction(word, pc: pc, xlen: xlen, symbols: empty)
                XCTAssertNotEqual(text, "illegal", "\(xlen) \(String(word, radix: 16))")
                XCTAssertEqual(TextAssembler.assemble(text, pc: pc), word, "\(xlen): \(text)")
            }
        }
        // Outside IM: illegal on both widths; RV64-only forms on RV32.
        XCTAssertEqual(DisassemblyListing.instruction(Asm.ld(1, 2, 0), pc: 0, xlen: .rv32, symbols: empty), "illegal")
        XCTAssertEqual(DisassemblyListing.instruction(Asm.addw(1, 2, 3), pc: 0, xlen: .rv32, symbols: empty), "illegal")
    }

    func testSymbolizedTargetsAndHeaders() throws {
        var p = Program(xlen: 64, base: 0x10000)
        p.label("_start"); p.jal(1, to: "f"); p.emit(Asm.ecall())
        p.label("f"); p.emit(Asm.addi(10, 10, 1)); p.branch(Asm.bne, 10, 0, to: "f"); p.emit(Asm.jalr(0, 1, 0))
        var w = ELFWriter(is64: true, entry: 0x10000, segments: [
            ELFWriter.Segment(flags: ELFWriter.PF_R | ELFWriter.PF_X, vaddr: 0x10000, bytes: p.bytes)])
        w.symbols = [ELFWriter.Symbol(name: "_start", value: 0x10000, size: 8), ELFWriter.Symbol(name: "f", value: 0x10008, size: 12)]
        let listing = DisassemblyListing.render(try ELFLoader.load(w.build()))
        XCTAssertEqual(listing, """

            segment at 0x10000 (20 bytes):

            0000000000010000 <_start>:
            00010000:\t008000ef\tjal ra, 0x10008 <f>
            00010004:\t00000073\tecall

            0000000000010008 <f>:
            00010008:\t00150513\taddi a0, a0, 1
            0001000c:\tfe051ee3\tbne a0, zero, 0x10008 <f>
            00010010:\t00008067\tjalr zero, 0(ra)

            """)
    }

    // MARK: - objdump agreement

    /// Canonical tokens of an instruction in either syntax: mnemonic, then operands with `imm(reg)` split,
    /// numbers as values (objdump prints jump targets as bare hex, shift amounts as 0x…), symbol
    /// annotations and comments dropped, FENCE operands dropped (rvx prints a bare `fence`).
    static func canonical(_ s: String, objdump: Bool) -> [String] {
        var t = s
        if let r = t.range(of: "#") { t = String(t[..<r.lowerBound]) }
        if let r = t.range(of: "<") { t = String(t[..<r.lowerBound]) }
        let parts = t.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let op = parts.first else { return [] }
        if op == "fence" { return ["fence"] }
        let operands = parts.dropFirst().joined().split(separator: ",").map(String.init)
        let isTarget = op == "jal" || ["beq", "bne", "blt", "bge", "bltu", "bgeu"].contains(op)
        var out = [op]
        for (i, o) in operands.enumerated() {
            var pieces = [o]
            if let open = o.firstIndex(of: "("), o.hasSuffix(")") {
                pieces = [String(o[..<open]), String(o[o.index(after: open)..<o.index(before: o.endIndex)])]
            }
            for piece in pieces {
                let last = i == operands.count - 1
                if isTarget && last, let v = UInt64(piece.hasPrefix("0x") ? String(piece.dropFirst(2)) : piece, radix: 16) {
                    out.append("#\(v)")
                } else if piece.hasPrefix("0x"), let v = Int64(piece.dropFirst(2), radix: 16) {
                    out.append("#\(v)")
                } else if let v = Int64(piece) {
                    out.append("#\(v)")
                } else {
                    out.append(piece == "fp" ? "s0" : piece)
                }
            }
        }
        return out
    }

    func checkAgainstObjdump(_ name: String, xlen: Int) throws {
        guard let objdump = DevToolsPaths.which("riscv64-unknown-elf-objdump") else {
            throw XCTSkip("riscv64-unknown-elf-objdump not found (toolchain/install-deps.sh installs it)")
        }
        let path = try DevToolsPaths.example(name, xlen: xlen)
        let program = try ELFLoader.load(path: path)
        let code = CodeMap(image: program.image)
        let symbols = Symbolizer(program: program)
        let (status, text) = try DevToolsPaths.run(objdump, ["-d", "-M", "no-aliases", path])
        XCTAssertEqual(status, 0)
        var compared = 0
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 3, f[0].hasSuffix(":"), let a = UInt64(f[0].dropLast().trimmingCharacters(in: .whitespaces), radix: 16),
                  let word = UInt32(f[1].trimmingCharacters(in: .whitespaces), radix: 16),
                  f[1].trimmingCharacters(in: .whitespaces).count == 8 else { continue }
            XCTAssertEqual(code.word(at: a), word, "\(name) rv\(xlen) word at 0x\(String(a, radix: 16))")
            let mine = DisassemblyListing.instruction(word, pc: a, xlen: program.image.xlen, symbols: symbols)
            let theirs = f[2...].joined(separator: " ")
            if mine == "illegal" { continue }
            XCTAssertEqual(Self.canonical(mine, objdump: false), Self.canonical(theirs, objdump: true),
                           "\(name) rv\(xlen) 0x\(String(a, radix: 16)): rvx `\(mine)` objdump `\(theirs)`")
            compared += 1
        }
        XCTAssertGreaterThan(compared, 100, "\(name) rv\(xlen): too few instructions compared")
    }

    func testAgreesWithObjdumpHello() throws {
        try checkAgainstObjdump("hello", xlen: 64)
        try checkAgainstObjdump("hello", xlen: 32)
    }

    func testAgreesWithObjdumpSHA256() throws {
        try checkAgainstObjdump("sha256sum", xlen: 64)
        try checkAgainstObjdump("sha256sum", xlen: 32)
    }

    func testAgreesWithObjdumpPrimes() throws {
        try checkAgainstObjdump("primes", xlen: 64)
        try checkAgainstObjdump("primes", xlen: 32)
    }
}
