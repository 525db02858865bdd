/// Division of a 128-bit value by a 64-bit one with 64-bit hardware division only (Knuth, TAOCP vol. 2 §4.3.1
/// Algorithm D with 32-bit digits; the two-digit form of Hacker's Delight §9-4). `dividingFullWidth` compiles to
/// a call of the 128-bit `__udivti3` on x86-64 and RISC-V, which costs far more than two 64-bit divisions.
@usableFromInline
enum WideDivision {
    /// (hi·2^64 + lo) / d and its remainder. Requires hi < d, so that the quotient fits 64 bits (d ≠ 0).
    @inlinable
    static func divide(_ hi: UInt64, _ lo: UInt64, by d: UInt64) -> (quotient: UInt64, remainder: UInt64) {
        let base: UInt64 = 1 << 32
        let s = UInt64(d.leadingZeroBitCount)
        let v = d &<< s
        let vn1 = v &>> 32, vn0 = v & 0xffff_ffff
        let un32 = s == 0 ? hi : (hi &<< s) | (lo &>> (64 &- s))
        let un10 = lo &<< s
        let un1 = un10 &>> 32, un0 = un10 & 0xffff_ffff
        // First digit: estimate from the top two digits, correct at most twice (rhat stays below 2^32 while
        // the products are compared, so no expression overflows).
        var q1 = un32 / vn1
        var rhat = un32 &- q1 &* vn1
        while q1 >= base || q1 &* vn0 > (rhat &<< 32) | un1 {
            q1 &-= 1
            rhat &+= vn1
            if rhat >= base { break }
        }
        // The partial remainder is below v, so it is exact modulo 2^64.
        let un21 = ((un32 &<< 32) | un1) &- q1 &* v
        var q0 = un21 / vn1
        rhat = un21 &- q0 &* vn1
        while q0 >= base || q0 &* vn0 > (rhat &<< 32) | un0 {
            q0 &-= 1
            rhat &+= vn1
            if rhat >= base { break }
        }
        let r = (((un21 &<< 32) | un0) &- q0 &* v) &>> s
        return ((q1 &<< 32) | q0, r)
    }

    /// The reciprocal of a normalised divisor d (high bit set): ⌊(2^128 − 1) / d⌋ − 2^64 (Möller and Granlund,
    /// "Improved division by invariant integers", IEEE Trans. Computers 60(2), 2011, §3).
    @inlinable
    static func reciprocal(_ d: UInt64) -> UInt64 {
        divide(~d, .max, by: d).quotient
    }

    /// (hi·2^64 + lo) / d and its remainder for a normalised d with reciprocal `v` (Möller and Granlund,
    /// Algorithm 4): one multiplication instead of a division. Requires hi < d.
    @inlinable @inline(__always)
    static func divide(_ hi: UInt64, _ lo: UInt64, by d: UInt64, reciprocal v: UInt64) -> (quotient: UInt64, remainder: UInt64) {
        let (ph, pl) = v.multipliedFullWidth(by: hi)
        let (q0, c) = pl.addingReportingOverflow(lo)
        var q1 = ph &+ hi &+ (c ? 1 : 0) &+ 1
        var r = lo &- q1 &* d
        if r > q0 {
            q1 &-= 1
            r &+= d
        }
        if r >= d {
            q1 &+= 1
            r &-= d
        }
        return (q1, r)
    }
}
