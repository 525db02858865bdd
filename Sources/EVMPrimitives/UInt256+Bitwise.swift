/// Bitwise and shift operations: AND, OR, XOR, NOT, BYTE, SHL, SHR, SAR (Yellow Paper H.2 0x16–0x1d, EIP-145).
extension UInt256 {
    @inlinable @inline(__always)
    public static func & (a: UInt256, b: UInt256) -> UInt256 {
        UInt256(w0: a.w0 & b.w0, w1: a.w1 & b.w1, w2: a.w2 & b.w2, w3: a.w3 & b.w3)
    }

    @inlinable @inline(__always)
    public static func | (a: UInt256, b: UInt256) -> UInt256 {
        UInt256(w0: a.w0 | b.w0, w1: a.w1 | b.w1, w2: a.w2 | b.w2, w3: a.w3 | b.w3)
    }

    @inlinable @inline(__always)
    public static func ^ (a: UInt256, b: UInt256) -> UInt256 {
        UInt256(w0: a.w0 ^ b.w0, w1: a.w1 ^ b.w1, w2: a.w2 ^ b.w2, w3: a.w3 ^ b.w3)
    }

    @inlinable @inline(__always)
    public static prefix func ~ (a: UInt256) -> UInt256 {
        UInt256(w0: ~a.w0, w1: ~a.w1, w2: ~a.w2, w3: ~a.w3)
    }

    /// Left shift by `n` bits; 0 when n ≥ 256.
    @inlinable
    public static func << (a: UInt256, n: Int) -> UInt256 {
        if n <= 0 { return n == 0 ? a : a >> (-n) }
        if n >= 256 { return .zero }
        let limbs = n >> 6
        let bits = n & 63
        var r = UInt256.zero
        var i = 3
        while i >= limbs {
            var v = a[limb: i - limbs] << bits
            if bits != 0 && i - limbs - 1 >= 0 { v |= a[limb: i - limbs - 1] >> (64 - bits) }
            r[limb: i] = v
            i -= 1
        }
        return r
    }

    /// Logical right shift by `n` bits; 0 when n ≥ 256.
    @inlinable
    public static func >> (a: UInt256, n: Int) -> UInt256 {
        if n <= 0 { return n == 0 ? a : a << (-n) }
        if n >= 256 { return .zero }
        let limbs = n >> 6
        let bits = n & 63
        var r = UInt256.zero
        var i = 0
        while i + limbs <= 3 {
            var v = a[limb: i + limbs] >> bits
            if bits != 0 && i + limbs + 1 <= 3 { v |= a[limb: i + limbs + 1] << (64 - bits) }
            r[limb: i] = v
            i += 1
        }
        return r
    }

    /// EVM SHL: `value` << `shift` (the shift is a full word; ≥ 256 gives 0).
    @inlinable
    public static func shl(_ shift: UInt256, _ value: UInt256) -> UInt256 {
        guard let s = shift.uint64, s < 256 else { return .zero }
        return value << Int(s)
    }

    /// EVM SHR: logical right shift.
    @inlinable
    public static func shr(_ shift: UInt256, _ value: UInt256) -> UInt256 {
        guard let s = shift.uint64, s < 256 else { return .zero }
        return value >> Int(s)
    }

    /// EVM SAR: arithmetic right shift (sign-filling).
    @inlinable
    public static func sar(_ shift: UInt256, _ value: UInt256) -> UInt256 {
        let negative = value.isNegative
        guard let s = shift.uint64, s < 256 else { return negative ? .max : .zero }
        if !negative { return value >> Int(s) }
        return ~((~value) >> Int(s))
    }

    /// EVM BYTE: the `index`-th byte of `value`, counting from the most significant; 0 when index ≥ 32.
    @inlinable
    public static func byte(_ index: UInt256, _ value: UInt256) -> UInt256 {
        guard let i = index.uint64, i < 32 else { return .zero }
        let bitFromLow = (31 - Int(i)) * 8
        let limb = value[limb: bitFromLow >> 6]
        return UInt256((limb >> UInt64(bitFromLow & 63)) & 0xff)
    }

    /// EVM SIGNEXTEND: extends the sign of the (b+1)-byte two's complement number in `value`.
    @inlinable
    public static func signExtend(_ b: UInt256, _ value: UInt256) -> UInt256 {
        guard let bb = b.uint64, bb < 31 else { return value }
        let bit = Int(bb) * 8 + 7
        let mask = (UInt256.one << (bit + 1)) &- .one
        let signSet = (value[limb: bit >> 6] >> UInt64(bit & 63)) & 1 != 0
        return signSet ? (value | ~mask) : (value & mask)
    }
}
