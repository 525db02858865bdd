/// Eight 64-bit limbs (least significant first): the 512-bit intermediate of MULMOD and scratch space for
/// long division. A fixed-size value, so it lives on the stack.
@frozen
public struct Limbs8 {
    @usableFromInline
    var t: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    @inlinable @inline(__always)
    public init() { t = (0, 0, 0, 0, 0, 0, 0, 0, 0) }

    /// Limb `i`, 0 ≤ i ≤ 8 (index 8 is a spare limb used by normalisation).
    @inlinable
    public subscript(i: Int) -> UInt64 {
        @inline(__always) get {
            withUnsafeBytes(of: t) { $0.load(fromByteOffset: i &* 8, as: UInt64.self) }
        }
        @inline(__always) set {
            withUnsafeMutableBytes(of: &t) { $0.storeBytes(of: newValue, toByteOffset: i &* 8, as: UInt64.self) }
        }
    }
}

/// Knuth's Algorithm D (TAOCP vol. 2, §4.3.1) over 64-bit limbs: divides up to eight limbs by a 256-bit divisor.
@usableFromInline
enum LongDivision {
    /// Divides the `count` low limbs of `u` by `v` (non-zero). Returns the quotient limbs and the remainder.
    @inlinable
    static func divide(_ u: Limbs8, count m0: Int, by v: UInt256) -> (quotient: Limbs8, remainder: UInt256) {
        var q = Limbs8()
        var m = m0
        while m > 0 && u[m - 1] == 0 { m -= 1 }
        var n = 4
        while n > 0 && v[limb: n - 1] == 0 { n -= 1 }
        if m < n { return (q, UInt256(w0: u[0], w1: u[1], w2: u[2], w3: u[3])) }
        if m == 1 {
            // One limb by one limb (n ≤ m): the hardware division.
            q[0] = u[0] / v.w0
            return (q, UInt256(u[0] % v.w0))
        }
        if n == 1 {
            // Single-limb divisor: normalise it and the dividend by s bits, then one 2-by-1 step per limb.
            let s = v.w0.leadingZeroBitCount
            let d = v.w0 << s
            let rcp = WideDivision.reciprocal(d)
            var r: UInt64 = s == 0 ? 0 : u[m - 1] >> (64 - s)
            var i = m - 1
            while i >= 0 {
                let lo = s == 0 ? u[i] : (u[i] << s) | (i > 0 ? u[i - 1] >> (64 - s) : 0)
                let (qq, rr) = WideDivision.divide(r, lo, by: d, reciprocal: rcp)
                q[i] = qq
                r = rr
                i -= 1
            }
            return (q, UInt256(r >> s))
        }
        // Normalise so that the top limb of the divisor has its high bit set.
        let s = v[limb: n - 1].leadingZeroBitCount
        var vn = Limbs8()
        var un = Limbs8()
        if s == 0 {
            for i in 0..<n { vn[i] = v[limb: i] }
            for i in 0..<m { un[i] = u[i] }
            un[m] = 0
        } else {
            var i = n - 1
            while i > 0 {
                vn[i] = (v[limb: i] << s) | (v[limb: i - 1] >> (64 - s))
                i -= 1
            }
            vn[0] = v.w0 << s
            un[m] = u[m - 1] >> (64 - s)
            i = m - 1
            while i > 0 {
                un[i] = (u[i] << s) | (u[i - 1] >> (64 - s))
                i -= 1
            }
            un[0] = u[0] << s
        }
        let vTop = vn[n - 1]
        let vNext = vn[n - 2]
        let rcp = WideDivision.reciprocal(vTop)
        var j = m - n
        while j >= 0 {
            // Estimate the quotient digit from the top two limbs.
            let uTop = un[j + n]
            let uNext = un[j + n - 1]
            var qhat: UInt64
            var rhat: UInt64
            var rhatOverflow = false
            if uTop >= vTop {
                qhat = .max
                (rhat, rhatOverflow) = uNext.addingReportingOverflow(vTop)
                // uTop == vTop here; qhat*vTop = uTop*B - vTop, so rhat = uNext + vTop.
            } else {
                (qhat, rhat) = WideDivision.divide(uTop, uNext, by: vTop, reciprocal: rcp)
            }
            while !rhatOverflow {
                let (ph, pl) = qhat.multipliedFullWidth(by: vNext)
                let u2 = un[j + n - 2]
                if ph > rhat || (ph == rhat && pl > u2) {
                    qhat -= 1
                    (rhat, rhatOverflow) = rhat.addingReportingOverflow(vTop)
                } else {
                    break
                }
            }
            // Multiply and subtract.
            var borrow: UInt64 = 0
            var carry: UInt64 = 0
            for i in 0..<n {
                let (ph, pl) = qhat.multipliedFullWidth(by: vn[i])
                let (plc, oc) = pl.addingReportingOverflow(carry)
                carry = ph &+ (oc ? 1 : 0)
                let (d1, b1) = un[i + j].subtractingReportingOverflow(plc)
                let (d2, b2) = d1.subtractingReportingOverflow(borrow)
                un[i + j] = d2
                borrow = (b1 ? 1 : 0) &+ (b2 ? 1 : 0)
            }
            let (t1, tb1) = un[j + n].subtractingReportingOverflow(carry)
            let (t2, tb2) = t1.subtractingReportingOverflow(borrow)
            un[j + n] = t2
            if tb1 || tb2 {
                // qhat was one too large: add the divisor back.
                qhat -= 1
                var c: UInt64 = 0
                for i in 0..<n {
                    let (s1, o1) = un[i + j].addingReportingOverflow(vn[i])
                    let (s2, o2) = s1.addingReportingOverflow(c)
                    un[i + j] = s2
                    c = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                }
                un[j + n] = un[j + n] &+ c
            }
            q[j] = qhat
            j -= 1
        }
        // Denormalise the remainder.
        var r = UInt256.zero
        for i in 0..<n {
            let lo = s == 0 ? un[i] : (un[i] >> s) | (un[i + 1] << (64 - s))
            r[limb: i] = lo
        }
        return (q, r)
    }
}

extension LongDivision {
    /// `a` divided by a single non-zero limb `d0`, with the dividend in locals rather than `Limbs8`: the
    /// dividend is shifted left by the divisor's normalisation shift into five limbs, then one 2-by-1 step
    /// (Möller and Granlund 2011, Algorithm 4) per limb below the top zero limbs. The remainder is < d0.
    @inlinable
    static func divide(_ a: UInt256, byLimb d0: UInt64) -> (quotient: UInt256, remainder: UInt64) {
        let s = d0.leadingZeroBitCount
        let d = d0 << s
        let v = WideDivision.reciprocal(d)
        // Smart shifts: a shift by 64 yields 0, so s = 0 needs no special case.
        let u4 = a.w3 >> (64 - s)
        let u3 = (a.w3 << s) | (a.w2 >> (64 - s))
        let u2 = (a.w2 << s) | (a.w1 >> (64 - s))
        let u1 = (a.w1 << s) | (a.w0 >> (64 - s))
        let u0 = a.w0 << s
        var r = u4
        var q3: UInt64 = 0, q2: UInt64 = 0, q1: UInt64 = 0
        if r != 0 || u3 >= d { (q3, r) = WideDivision.divide(r, u3, by: d, reciprocal: v) } else { r = u3 }
        if r != 0 || u2 >= d { (q2, r) = WideDivision.divide(r, u2, by: d, reciprocal: v) } else { r = u2 }
        if r != 0 || u1 >= d { (q1, r) = WideDivision.divide(r, u1, by: d, reciprocal: v) } else { r = u1 }
        let (q0, r0) = WideDivision.divide(r, u0, by: d, reciprocal: v)
        return (UInt256(w0: q0, w1: q1, w2: q2, w3: q3), r0 >> s)
    }

    /// (a · b) mod n for a single non-zero limb n: both factors are reduced first, so that the product of the
    /// residues is 128 bits and one more 2-by-1 step finishes ((a·b) mod n = ((a mod n)(b mod n)) mod n).
    @inlinable
    static func mulMod(_ a: UInt256, _ b: UInt256, byLimb n: UInt64) -> UInt64 {
        let ra = a.fitsUInt64 && a.w0 < n ? a.w0 : divide(a, byLimb: n).remainder
        let rb = b.fitsUInt64 && b.w0 < n ? b.w0 : divide(b, byLimb: n).remainder
        let (hi, lo) = ra.multipliedFullWidth(by: rb)
        return divide(UInt256(w0: lo, w1: hi, w2: 0, w3: 0), byLimb: n).remainder
    }
}
