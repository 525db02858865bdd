import ELFLoader
import RISCV

/// `rvx disasm`: a symbolized listing of the executable segments, in the layout of GNU objdump -d
/// (symbol headers `ADDRESS <name>:`, then `addr: word  instruction`), instructions rendered by the RISCV
/// module's `Disassembler` (RISC-V Unprivileged ISA, "RV32/64G Instruction Set Listings").
public enum DisassemblyListing {
    /// The text of one instruction at `pc`, with ` <symbol+off>` after the target of a JAL or branch.
    public static func instruction(_ word: UInt32, pc: UInt64, xlen: XLEN, symbols: Symbolizer) -> String {
        let text = Disassembler.disassemble(word, pc: pc, xlen: xlen)
        guard text != "illegal", let target = directTarget(word, pc: pc, xlen: xlen),
              symbols.lookup(target) != nil else { return text }
        return text + " <" + symbols.describe(target) + ">"
    }

    /// The target of a JAL or conditional branch (pc-relative), nil for other instructions.
    public static func directTarget(_ word: UInt32, pc: UInt64, xlen: XLEN) -> UInt64? {
        let offset: Int64
        switch word & 0x7F {
        case 0x6F:
            let w = Int32(bitPattern: word)
            offset = Int64((w & Int32(bitPattern: 0x8000_0000)) >> 11 | Int32((word >> 12) & 0xFF) << 12
                           | Int32((word >> 20) & 1) << 11 | Int32((word >> 21) & 0x3FF) << 1)
        case 0x63:
            let w = Int32(bitPattern: word)
            offset = Int64((w & Int32(bitPattern: 0x8000_0000)) >> 19 | Int32((word >> 7) & 1) << 11
                           | Int32((word >> 25) & 0x3F) << 5 | Int32((word >> 8) & 0xF) << 1)
        default:
            return nil
        }
        return xlen.address(pc &+ UInt64(bitPattern: offset))
    }

    /// Zero-padded lowercase hex.
    public static func hex(_ v: UInt64, digits: Int) -> String {
        let s = String(v, radix: 16)
        return s.count >= digits ? s : String(repeating: "0", count: digits - s.count) + s
    }

    /// The whole listing of `program`.
    public static func render(_ program: ELFProgram) -> String {
        let symbols = Symbolizer(program: program)
        let code = CodeMap(image: program.image)
        let xlen = program.image.xlen
        let width = xlen == .rv64 ? 16 : 8
        var out = ""
        for region in code.regions {
            out += "\nsegment at 0x\(String(region.address, radix: 16)) (\(region.bytes.count) bytes):\n"
            var a = region.address
            let end = region.address + UInt64(region.bytes.count / 4 * 4)
            while a < end {
                if let s = symbols.symbol(at: a) { out += "\n\(hex(a, digits: width)) <\(s.name)>:\n" }
                let w = code.word(at: a) ?? 0
                out += "\(hex(a, digits: 8)):\t\(hex(UInt64(w), digits: 8))\t"
                out += instruction(w, pc: a, xlen: xlen, symbols: symbols) + "\n"
                a += 4
            }
        }
        return out
    }
}
