/// Signed (two's complement) arithmetic: SDIV, SMOD (Yellow Paper H.2 0x05, 0x07).
extension UInt256 {
    /// The absolute value as an unsigned number (2^255 stays 2^255).
    @inlinable @inline(__always)
    public var magnitude256: UInt256 { isNegative ? negated : self }

    /// EVM SDIV: signed division truncating towards zero; x/0 = 0 and MIN/-1 = MIN.
    @inlinable
    public static func sdiv(_ a: UInt256, _ b: UInt256) -> UInt256 {
        if b.isZero { return .zero }
        let q = div(a.magnitude256, b.magnitude256)
        return a.isNegative != b.isNegative ? q.negated : q
    }

    /// EVM SMOD: signed remainder taking the sign of the dividend; x mod 0 = 0.
    @inlinable
    public static func smod(_ a: UInt256, _ b: UInt256) -> UInt256 {
        if b.isZero { return .zero }
        let r = mod(a.magnitude256, b.magnitude256)
        return a.isNegative ? r.negated : r
    }
}
