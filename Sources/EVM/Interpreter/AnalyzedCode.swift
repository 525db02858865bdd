/// Contract code prepared for execution: surrounded by zeros (32 before, 33 after) so that a PUSH immediate can
/// be read as one 32-byte big-endian load ending at its last byte and never reads outside the buffer,
/// plus the JUMPDEST bitmap (Yellow Paper §9.4.3, "valid jump destinations" exclude PUSH data).
public struct AnalyzedCode {
    /// 32 zero bytes, the code, 33 zero bytes. Code byte i is at padded[i + 32].
    public let padded: [UInt8]
    /// The real code length.
    public let count: Int
    /// Bit i set ⇔ byte i is a JUMPDEST opcode (not inside PUSH data).
    public let jumpdests: [UInt64]

    public init(_ code: [UInt8]) {
        count = code.count
        var p = [UInt8](repeating: 0, count: 32)
        p.reserveCapacity(code.count + 65)
        p.append(contentsOf: code)
        p.append(contentsOf: repeatElement(0, count: 33))
        padded = p
        var bits = [UInt64](repeating: 0, count: (code.count + 63) / 64 + 1)
        var i = 0
        while i < code.count {
            let op = code[i]
            if op == 0x5b {
                bits[i >> 6] |= 1 << UInt64(i & 63)
            } else if op >= 0x60 && op <= 0x7f {
                i += Int(op - 0x5f)
            }
            i += 1
        }
        jumpdests = bits
    }

    /// Whether `dest` is a valid jump destination.
    @inlinable @inline(__always)
    public func isJumpdest(_ dest: Int) -> Bool {
        dest >= 0 && dest < count && (jumpdests[dest >> 6] >> UInt64(dest & 63)) & 1 != 0
    }
}
