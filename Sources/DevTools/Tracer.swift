import RISCV

/// `rvx trace`: one line per retired instruction — pc, symbol+offset, disassembly, and the value written
/// (`rd=value` for a register write, `mem[addr]=value` for a store; RISC-V Unprivileged ISA semantics).
/// A `HartObserver`: attached only to traced runs (`Hart.run(_:observer:)`), so untraced runs pay nothing.
public final class Tracer: HartObserver {
    let code: CodeMap
    let symbols: Symbolizer
    /// Receives each line (without a newline).
    public var sink: (String) -> Void
    /// Stop after this many lines (nil: no limit). When reached, the run stops with `outOfCycles`.
    public let limit: UInt64?
    /// Lines emitted so far.
    public private(set) var count: UInt64 = 0
    /// True once `limit` stopped the run.
    public private(set) var limitReached = false

    var word: UInt32 = 0
    var store: (address: UInt64, value: UInt64, bytes: Int)?

    public init(code: CodeMap, symbols: Symbolizer, limit: UInt64? = nil, sink: @escaping (String) -> Void) {
        self.code = code
        self.symbols = symbols
        self.limit = limit
        self.sink = sink
    }

    public func willExecute(_ hart: Hart) {
        word = code.word(at: hart.pc) ?? 0
        store = nil
        guard word & 0x7F == 0x23 else { return }
        let f3 = (word >> 12) & 7
        guard f3 <= 3 else { return }
        let imm = Int64(Int32(bitPattern: word & 0xFE00_0000) >> 20 | Int32((word >> 7) & 0x1F))
        let rs1 = Int((word >> 15) & 0x1F), rs2 = Int((word >> 20) & 0x1F)
        let bytes = 1 << Int(f3)
        let address = hart.xlen.address(hart[rs1] &+ UInt64(bitPattern: imm))
        let mask: UInt64 = bytes == 8 ? ~0 : (1 << UInt64(8 * bytes)) - 1
        store = (address, hart[rs2] & mask, bytes)
    }

    public func didRetire(_ hart: Hart, pc: UInt64, cycles: UInt64) {
        var line = Tracer.hex(pc, digits: hart.xlen == .rv64 ? 16 : 8) + "  " + symbols.describe(pc)
        line += "  " + DisassemblyListing.instruction(word, pc: pc, xlen: hart.xlen, symbols: symbols)
        if let effect = effect(hart) { line += "  ; " + effect }
        sink(line)
        count += 1
        if let limit, count >= limit, !limitReached {
            limitReached = true
            hart.cycleLimit = hart.cycles
        }
    }

    /// The value the instruction wrote, if any.
    func effect(_ hart: Hart) -> String? {
        if let s = store {
            return "mem[0x\(String(s.address, radix: 16))]=" + Tracer.hex(s.value, digits: 2 * s.bytes)
        }
        let rd = Int((word >> 7) & 0x1F)
        switch word & 0x7F {
        case 0x37, 0x17, 0x6F, 0x67, 0x03, 0x13, 0x1B, 0x33, 0x3B:
            guard rd != 0, Disassembler.disassemble(word, pc: 0, xlen: hart.xlen) != "illegal" else { return nil }
            return Disassembler.register(rd) + "=" + Tracer.value(hart[rd], hart.xlen)
        case 0x73 where word == 0x73:
            return "a0=" + Tracer.value(hart[10], hart.xlen)
        default:
            return nil
        }
    }

    /// A register value as XLEN-wide hex.
    static func value(_ v: UInt64, _ xlen: XLEN) -> String {
        xlen == .rv64 ? hex(v, digits: 16) : hex(v & 0xFFFF_FFFF, digits: 8)
    }

    static func hex(_ v: UInt64, digits: Int) -> String { "0x" + DisassemblyListing.hex(v, digits: digits) }
}
