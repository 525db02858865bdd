/// Wrapping 256-bit arithmetic: ADD, SUB, MUL, DIV, MOD, ADDMOD, MULMOD, EXP (Yellow Paper Appendix H.2, 0x01–0x0a).
extension UInt256 {
    /// A flag as 0 or 1, by zero extension rather than a select (which LLVM may turn into a branch).
    @inlinable @inline(__always)
    static func bit(_ b: Bool) -> UInt64 { UInt64(unsafeBitCast(b, to: UInt8.self)) }

    /// Branch-free carry chain (each limb adds the previous carry as 0 or 1), so that LLVM emits add/adc and
    /// random carries cost no mispredicted branches.
    @inlinable @inline(__always)
    public static func &+ (a: UInt256, b: UInt256) -> UInt256 {
        let (r0, c0) = a.w0.addingReportingOverflow(b.w0)
        let (s1, c1a) = a.w1.addingReportingOverflow(b.w1)
        let (r1, c1b) = s1.addingReportingOverflow(UInt256.bit(c0))
        let (s2, c2a) = a.w2.addingReportingOverflow(b.w2)
        let (r2, c2b) = s2.addingReportingOverflow(UInt256.bit(c1a) | UInt256.bit(c1b))
        let r3 = a.w3 &+ b.w3 &+ (UInt256.bit(c2a) | UInt256.bit(c2b))
        return UInt256(w0: r0, w1: r1, w2: r2, w3: r3)
    }

    /// Addition that reports whether the true sum exceeds 2^256 - 1.
    @inlinable
    public func addingReportingOverflow(_ b: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let r = self &+ b
        return (r, r < self)
    }

    /// Subtraction that reports whether the true difference is negative.
    @inlinable
    public func subtractingReportingOverflow(_ b: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        (self &- b, self < b)
    }

    /// Branch-free borrow chain, as for `&+`.
    @inlinable @inline(__always)
    public static func &- (a: UInt256, b: UInt256) -> UInt256 {
        let (r0, b0) = a.w0.subtractingReportingOverflow(b.w0)
        let (s1, b1a) = a.w1.subtractingReportingOverflow(b.w1)
        let (r1, b1b) = s1.subtractingReportingOverflow(UInt256.bit(b0))
        let (s2, b2a) = a.w2.subtractingReportingOverflow(b.w2)
        let (r2, b2b) = s2.subtractingReportingOverflow(UInt256.bit(b1a) | UInt256.bit(b1b))
        let r3 = a.w3 &- b.w3 &- (UInt256.bit(b2a) | UInt256.bit(b2b))
        return UInt256(w0: r0, w1: r1, w2: r2, w3: r3)
    }

    /// Two's complement negation (0 - a).
    @inlinable @inline(__always)
    public var negated: UInt256 { UInt256.zero &- self }

    @inlinable
    public static func &* (a: UInt256, b: UInt256) -> UInt256 {
        // Schoolbook, keeping only the low four limbs.
        var r0: UInt64 = 0, r1: UInt64 = 0, r2: UInt64 = 0, r3: UInt64 = 0
        // Row for a.w0
        var (hi, lo) = a.w0.multipliedFullWidth(by: b.w0)
        r0 = lo
        var carry = hi
        (hi, lo) = a.w0.multipliedFullWidth(by: b.w1)
        var (s, o) = lo.addingReportingOverflow(carry)
        r1 = s
        carry = hi &+ UInt256.bit(o)
        (hi, lo) = a.w0.multipliedFullWidth(by: b.w2)
        (s, o) = lo.addingReportingOverflow(carry)
        r2 = s
        carry = hi &+ UInt256.bit(o)
        r3 = a.w0 &* b.w3 &+ carry
        // Row for a.w1
        (hi, lo) = a.w1.multipliedFullWidth(by: b.w0)
        (s, o) = r1.addingReportingOverflow(lo)
        r1 = s
        carry = hi &+ UInt256.bit(o)
        (hi, lo) = a.w1.multipliedFullWidth(by: b.w1)
        (s, o) = lo.addingReportingOverflow(carry)
        var o2: Bool
        (s, o2) = s.addingReportingOverflow(r2)
        r2 = s
        carry = hi &+ UInt256.bit(o) &+ UInt256.bit(o2)
        r3 = r3 &+ a.w1 &* b.w2 &+ carry
        // Row for a.w2
        (hi, lo) = a.w2.multipliedFullWidth(by: b.w0)
        (s, o) = r2.addingReportingOverflow(lo)
        r2 = s
        carry = hi &+ UInt256.bit(o)
        r3 = r3 &+ a.w2 &* b.w1 &+ carry
        // Row for a.w3
        r3 = r3 &+ a.w3 &* b.w0
        return UInt256(w0: r0, w1: r1, w2: r2, w3: r3)
    }

    /// Full 512-bit product, as eight limbs least significant first.
    @inlinable
    public static func fullMultiply(_ a: UInt256, _ b: UInt256) -> Limbs8 {
        var r = Limbs8()
        for i in 0..<4 {
            var carry: UInt64 = 0
            let ai = a[limb: i]
            if ai == 0 { continue }
            for j in 0..<4 {
                let (hi, lo) = ai.multipliedFullWidth(by: b[limb: j])
                let (s1, o1) = lo.addingReportingOverflow(r[i + j])
                let (s2, o2) = s1.addingReportingOverflow(carry)
                r[i + j] = s2
                carry = hi &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
            }
            r[i + 4] = carry
        }
        return r
    }

    /// EVM DIV: a / b, and 0 when b is 0.
    @inlinable
    public static func div(_ a: UInt256, _ b: UInt256) -> UInt256 {
        if b.isZero || a < b { return .zero }
        if (b.w1 | b.w2 | b.w3) == 0 {
            if (a.w1 | a.w2 | a.w3) == 0 { return UInt256(a.w0 / b.w0) }
            return LongDivision.divide(a, byLimb: b.w0).quotient
        }
        return divMod(a, b).quotient
    }

    /// EVM MOD: a mod b, and 0 when b is 0.
    @inlinable
    public static func mod(_ a: UInt256, _ b: UInt256) -> UInt256 {
        if b.isZero { return .zero }
        if a < b { return a }
        if (b.w1 | b.w2 | b.w3) == 0 {
            if (a.w1 | a.w2 | a.w3) == 0 { return UInt256(a.w0 % b.w0) }
            return UInt256(LongDivision.divide(a, byLimb: b.w0).remainder)
        }
        return divMod(a, b).remainder
    }

    /// Quotient and remainder; b must be non-zero.
    @inlinable
    public static func divMod(_ a: UInt256, _ b: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        var u = Limbs8()
        u[0] = a.w0; u[1] = a.w1; u[2] = a.w2; u[3] = a.w3
        let (q, r) = LongDivision.divide(u, count: 4, by: b)
        return (UInt256(w0: q[0], w1: q[1], w2: q[2], w3: q[3]), r)
    }

    /// EVM ADDMOD: (a + b) mod n, and 0 when n is 0 (the operands are reduced first, so no 257-bit division).
    @inlinable
    public static func addMod(_ a: UInt256, _ b: UInt256, _ n: UInt256) -> UInt256 {
        if n.isZero { return .zero }
        // Reduced operands (a, b < n): the sum is below 2n, so one subtraction of n reduces it.
        let ra = a < n ? a : mod(a, n)
        let rb = b < n ? b : mod(b, n)
        let (s, carry) = ra.addingReportingOverflow(rb)
        return carry || s >= n ? s &- n : s
    }

    /// EVM MULMOD: (a * b) mod n with a 512-bit intermediate, and 0 when n is 0.
    @inlinable
    public static func mulMod(_ a: UInt256, _ b: UInt256, _ n: UInt256) -> UInt256 {
        if n.isZero { return .zero }
        if (n.w1 | n.w2 | n.w3) == 0 { return UInt256(LongDivision.mulMod(a, b, byLimb: n.w0)) }
        let p = fullMultiply(a, b)
        return LongDivision.divide(p, count: 8, by: n).remainder
    }

    /// EVM EXP: base ^ exponent mod 2^256 (square and multiply).
    @inlinable
    public static func exp(_ base: UInt256, _ exponent: UInt256) -> UInt256 {
        var result = UInt256.one
        var b = base
        var e = exponent
        while !e.isZero {
            if (e.w0 & 1) != 0 { result = result &* b }
            e = e >> 1
            if e.isZero { break }
            b = b &* b
        }
        return result
    }
}
