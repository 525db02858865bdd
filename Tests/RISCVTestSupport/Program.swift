/// A program builder on top of `Asm`: emits words at increasing addresses and resolves labels for
/// branches and jumps. Independent of the rvx decoder.
public struct Program {
    /// Register width the pseudo-instructions (`li`) expand for: 32 or 64.
    public let xlen: Int
    /// Address of the first word.
    public let base: UInt64
    /// Emitted words.
    public private(set) var words: [UInt32] = []
    private var labels: [String: Int] = [:]
    private var fixups: [(index: Int, label: String, make: (Int) -> UInt32)] = []

    public init(xlen: Int = 64, base: UInt64 = 0x10000) {
        self.xlen = xlen
        self.base = base
    }

    /// Address of the next word.
    public var pc: UInt64 { base + UInt64(words.count) * 4 }

    /// Appends instruction words.
    public mutating func emit(_ ws: UInt32...) { words += ws }
    public mutating func emit(_ ws: [UInt32]) { words += ws }

    /// Defines `name` at the current address.
    public mutating func label(_ name: String) { labels[name] = words.count }

    /// Address of a defined label.
    public func address(of name: String) -> UInt64? { labels[name].map { base + UInt64($0) * 4 } }

    private mutating func fixup(_ label: String, _ make: @escaping (Int) -> UInt32) {
        fixups.append((words.count, label, make))
        words.append(0)
    }

    /// beq/bne/blt/bge/bltu/bgeu to a label; `kind` is the encoder, e.g. `Asm.beq`.
    public mutating func branch(_ kind: @escaping (Int, Int, Int) -> UInt32, _ rs1: Int, _ rs2: Int, to label: String) {
        fixup(label) { kind(rs1, rs2, $0) }
    }

    /// jal rd, label.
    public mutating func jal(_ rd: Int, to label: String) { fixup(label) { Asm.jal(rd, $0) } }

    /// Loads an arbitrary constant (the usual lui/addi(w)/slli expansion).
    public mutating func li(_ rd: Int, _ value: Int64) {
        let v = xlen == 32 ? Int64(Int32(truncatingIfNeeded: value)) : value
        if v >= -2048 && v < 2048 { emit(Asm.addi(rd, 0, Int(v))); return }
        if v >= Int64(Int32.min) && v <= Int64(Int32.max) {
            let hi = (v + 0x800) >> 12, lo = v - (hi << 12)
            emit(Asm.lui(rd, Int(hi & 0xFFFFF)))
            if lo != 0 { emit(xlen == 64 ? Asm.addiw(rd, rd, Int(lo)) : Asm.addi(rd, rd, Int(lo))) }
            return
        }
        let lo = (v << 52) >> 52                       // sign-extended low 12 bits
        let hi = (v &- lo) >> 12
        li(rd, hi)
        emit(Asm.slli(rd, rd, 12))
        if lo != 0 { emit(Asm.addi(rd, rd, Int(lo))) }
    }

    /// Emits `li a7, n; ecall` (a Linux-style syscall; arguments must already be in a0…).
    public mutating func syscall(_ n: Int64) {
        li(17, n)
        emit(Asm.ecall())
    }

    /// Emits `exit(code)` via syscall 93.
    public mutating func exit(_ code: Int64) {
        li(10, code)
        syscall(93)
    }

    /// The assembled words with labels resolved (a missing label is a test bug and traps).
    public func assembled() -> [UInt32] {
        var out = words
        for f in fixups {
            guard let target = labels[f.label] else { preconditionFailure("undefined label \(f.label)") }
            out[f.index] = f.make((target - f.index) * 4)
        }
        return out
    }

    /// The assembled program as little-endian bytes.
    public var bytes: [UInt8] { assembled().flatMap { w in (0..<4).map { UInt8(truncatingIfNeeded: w >> (8 * $0)) } } }
}
