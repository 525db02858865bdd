/// Errors from parsing hexadecimal text.
public enum HexError: Error, Equatable {
    /// The character at `offset` (a UTF-8 byte offset into the whole string, prefix included) is not a hex digit.
    case invalidCharacter(offset: Int)
    /// The number of hex digits is odd and `Hex.OddLength.reject` was requested.
    case oddLength
}

/// Hexadecimal text ⇄ bytes, as used throughout Ethereum JSON (Ethereum JSON-RPC "DATA" encoding,
/// and the `0x`-prefixed fields of ethereum/tests).
public enum Hex {
    /// What to do with an odd number of hex digits.
    public enum OddLength {
        /// Reject with `HexError.oddLength` (byte strings: "DATA" must have two digits per byte).
        case reject
        /// Read as if a `0` were prepended (quantities such as `0x1` or `0xabc`).
        case padLeft
    }

    /// Parses hex text with an optional `0x`/`0X` prefix; upper- and lower-case digits are accepted.
    /// The empty string and a bare `0x` give an empty array.
    public static func decode(_ text: String, oddLength: OddLength = .reject) throws(HexError) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var start = 0
        if utf8.count >= 2 && utf8[0] == UInt8(ascii: "0") && (utf8[1] == UInt8(ascii: "x") || utf8[1] == UInt8(ascii: "X")) {
            start = 2
        }
        let digits = utf8.count - start
        var out = [UInt8]()
        out.reserveCapacity((digits + 1) / 2)
        var i = start
        if digits % 2 == 1 {
            guard oddLength == .padLeft else { throw .oddLength }
            guard let lo = nibble(utf8[i]) else { throw .invalidCharacter(offset: i) }
            out.append(lo)
            i += 1
        }
        while i < utf8.count {
            guard let hi = nibble(utf8[i]) else { throw .invalidCharacter(offset: i) }
            guard let lo = nibble(utf8[i + 1]) else { throw .invalidCharacter(offset: i + 1) }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    /// Lower-case hex of `bytes`, two digits per byte, with a `0x` prefix when `prefix` is true.
    public static func encode(_ bytes: [UInt8], prefix: Bool = false) -> String {
        var utf8 = [UInt8]()
        utf8.reserveCapacity(bytes.count * 2 + 2)
        if prefix {
            utf8.append(UInt8(ascii: "0"))
            utf8.append(UInt8(ascii: "x"))
        }
        for b in bytes {
            utf8.append(digit(b >> 4))
            utf8.append(digit(b & 0x0f))
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    @inline(__always)
    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    @inline(__always)
    static func digit(_ v: UInt8) -> UInt8 {
        v < 10 ? UInt8(ascii: "0") + v : UInt8(ascii: "a") + (v - 10)
    }
}
