/// A 256-bit unsigned integer, the EVM word (Yellow Paper §9.1: "the word size of the machine is 256 bits").
///
/// Four 64-bit limbs, least significant first (`w0` … `w3`). Arithmetic wraps modulo 2^256 as the EVM requires;
/// the signed views (two's complement) are provided by the `s…` operations. Value type, no allocation.
@frozen
public struct UInt256: Hashable, Sendable {
    public var w0: UInt64
    public var w1: UInt64
    public var w2: UInt64
    public var w3: UInt64

    @inlinable @inline(__always)
    public init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
    }

    @inlinable @inline(__always)
    public init(_ v: UInt64) {
        self.init(w0: v, w1: 0, w2: 0, w3: 0)
    }

    public static let zero = UInt256(w0: 0, w1: 0, w2: 0, w3: 0)
    public static let one = UInt256(w0: 1, w1: 0, w2: 0, w3: 0)
    public static let max = UInt256(w0: .max, w1: .max, w2: .max, w3: .max)
    /// 2^255, the most negative value in two's complement.
    public static let signBit = UInt256(w0: 0, w1: 0, w2: 0, w3: 1 << 63)

    @inlinable @inline(__always)
    public var isZero: Bool { (w0 | w1 | w2 | w3) == 0 }

    /// True when the value is negative in two's complement.
    @inlinable @inline(__always)
    public var isNegative: Bool { (w3 >> 63) != 0 }

    /// The value as a UInt64 when it fits, nil otherwise.
    @inlinable @inline(__always)
    public var uint64: UInt64? { (w1 | w2 | w3) == 0 ? w0 : nil }

    /// True when the value fits in 64 bits.
    @inlinable @inline(__always)
    public var fitsUInt64: Bool { (w1 | w2 | w3) == 0 }

    /// The value clamped to `Int.max` (useful for offsets and sizes that are bounded later).
    @inlinable @inline(__always)
    public var clampedInt: Int {
        if (w1 | w2 | w3) != 0 || w0 > UInt64(Int.max) { return Int.max }
        return Int(w0)
    }

    /// Limb `i` (0 = least significant).
    @inlinable @inline(__always)
    public subscript(limb i: Int) -> UInt64 {
        get {
            switch i {
            case 0: return w0
            case 1: return w1
            case 2: return w2
            default: return w3
            }
        }
        set {
            switch i {
            case 0: w0 = newValue
            case 1: w1 = newValue
            case 2: w2 = newValue
            default: w3 = newValue
            }
        }
    }

    /// Number of leading zero bits (256 for zero).
    @inlinable
    public var leadingZeroBitCount: Int {
        if w3 != 0 { return w3.leadingZeroBitCount }
        if w2 != 0 { return 64 + w2.leadingZeroBitCount }
        if w1 != 0 { return 128 + w1.leadingZeroBitCount }
        return 192 + w0.leadingZeroBitCount
    }

    /// Number of significant bits (0 for zero).
    @inlinable
    public var bitWidth: Int { 256 - leadingZeroBitCount }

    /// Number of significant bytes (0 for zero), as used by the EXP gas formula.
    @inlinable
    public var byteWidth: Int { (bitWidth + 7) / 8 }
}

extension UInt256: Comparable {
    @inlinable @inline(__always)
    public static func < (a: UInt256, b: UInt256) -> Bool {
        if a.w3 != b.w3 { return a.w3 < b.w3 }
        if a.w2 != b.w2 { return a.w2 < b.w2 }
        if a.w1 != b.w1 { return a.w1 < b.w1 }
        return a.w0 < b.w0
    }

    @inlinable @inline(__always)
    public static func == (a: UInt256, b: UInt256) -> Bool {
        ((a.w0 ^ b.w0) | (a.w1 ^ b.w1) | (a.w2 ^ b.w2) | (a.w3 ^ b.w3)) == 0
    }
}

extension UInt256 {
    /// Signed less-than (SLT), two's complement.
    @inlinable @inline(__always)
    public static func slt(_ a: UInt256, _ b: UInt256) -> Bool {
        let an = a.isNegative, bn = b.isNegative
        if an != bn { return an }
        return a < b
    }

    /// Signed greater-than (SGT), two's complement.
    @inlinable @inline(__always)
    public static func sgt(_ a: UInt256, _ b: UInt256) -> Bool { slt(b, a) }
}

extension UInt256: ExpressibleByIntegerLiteral {
    @inlinable
    public init(integerLiteral value: UInt64) { self.init(value) }
}
