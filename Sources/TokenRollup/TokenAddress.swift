/// A 20-byte account address: the last 20 bytes of keccak256 of the 64-byte public key x‖y (docs/ROLLUP.md §4).
public struct TokenAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 20 bytes.
    public let bytes: [UInt8]

    /// The zero address: transfers to it are withdrawals.
    public static let withdrawal = TokenAddress(uncheckedBytes: [UInt8](repeating: 0, count: 20))

    /// 20 bytes, or nil for another length.
    public init?(_ b: some Collection<UInt8>) {
        guard b.count == 20 else { return nil }
        bytes = Array(b)
    }

    init(uncheckedBytes b: [UInt8]) { bytes = b }

    /// Parses 40 hex digits with an optional 0x prefix.
    public init?(hex: String) {
        guard let b = TokenHex.decode(hex), b.count == 20 else { return nil }
        bytes = b
    }

    public static func < (a: TokenAddress, b: TokenAddress) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }

    public var description: String { "0x" + TokenHex.encode(bytes) }
}

/// Lower-case hexadecimal encoding used by the rollup's CLI and descriptions.
public enum TokenHex {
    /// Lower-case hex, no prefix.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef")
        var s = ""
        for b in bytes { s.append(digits[Int(b >> 4)]); s.append(digits[Int(b & 15)]) }
        return s
    }

    /// Decodes hex (optional 0x prefix, even length); nil on any other character.
    public static func decode(_ text: String) -> [UInt8]? {
        var chars = Array(text.utf8)
        if chars.count >= 2, chars[0] == UInt8(ascii: "0"), chars[1] | 0x20 == UInt8(ascii: "x") { chars.removeFirst(2) }
        guard chars.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let h = nibble(chars[i]), let l = nibble(chars[i + 1]) else { return nil }
            out.append(h << 4 | l)
            i += 2
        }
        return out
    }
}
