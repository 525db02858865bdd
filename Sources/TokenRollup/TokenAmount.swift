/// A token amount or balance: a 256-bit unsigned integer stored as 32 big-endian bytes, exactly as in the
/// batch and in the state (docs/ROLLUP.md §2, §3).
public struct TokenAmount: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 32 big-endian bytes.
    public let bytes: [UInt8]

    public static let zero = TokenAmount(UInt64(0))
    public static let max = TokenAmount(bigEndian: [UInt8](repeating: 0xFF, count: 32))!

    /// The amount `v`.
    public init(_ v: UInt64) {
        var b = [UInt8](repeating: 0, count: 32)
        for i in 0..<8 { b[31 - i] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(i))) }
        bytes = b
    }

    /// 32 big-endian bytes, or nil for another length.
    public init?(bigEndian b: some Collection<UInt8>) {
        guard b.count == 32 else { return nil }
        bytes = Array(b)
    }

    /// The value if it fits in 64 bits.
    public var uint64: UInt64? {
        guard bytes[0..<24].allSatisfy({ $0 == 0 }) else { return nil }
        return bytes[24..<32].reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// `self + other`, or nil on overflow past 2^256 − 1.
    public func adding(_ other: TokenAmount) -> TokenAmount? {
        var r = [UInt8](repeating: 0, count: 32)
        var carry = 0
        for i in stride(from: 31, through: 0, by: -1) {
            let s = Int(bytes[i]) + Int(other.bytes[i]) + carry
            r[i] = UInt8(s & 0xFF)
            carry = s >> 8
        }
        return carry == 0 ? TokenAmount(bigEndian: r) : nil
    }

    /// `self − other`, or nil if `other > self`.
    public func subtracting(_ other: TokenAmount) -> TokenAmount? {
        guard other <= self else { return nil }
        var r = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for i in stride(from: 31, through: 0, by: -1) {
            var d = Int(bytes[i]) - Int(other.bytes[i]) - borrow
            borrow = d < 0 ? 1 : 0
            if d < 0 { d += 256 }
            r[i] = UInt8(d)
        }
        return TokenAmount(bigEndian: r)
    }

    public static func < (a: TokenAmount, b: TokenAmount) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }

    public var description: String {
        if let v = uint64 { return String(v) }
        return "0x" + bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
