/// A 256-bit odd modulus for `P256Residue`: its limbs, −m⁻¹ mod 2⁶⁴, R² and R mod m (R = 2²⁵⁶), and m − 2.
protocol Modulus256 {
    static var m: (UInt64, UInt64, UInt64, UInt64) { get }
    static var inv: UInt64 { get }
    static var r2: (UInt64, UInt64, UInt64, UInt64) { get }
    static var one: (UInt64, UInt64, UInt64, UInt64) { get }
    static var mMinus2: [UInt64] { get }
}

/// The P-256 base field p = 2²⁵⁶ − 2²²⁴ + 2¹⁹² + 2⁹⁶ − 1 (SEC 2 §2.4.2).
enum P256BaseModulus: Modulus256 {
    static var m: (UInt64, UInt64, UInt64, UInt64) { (0xFFFF_FFFF_FFFF_FFFF, 0x0000_0000_FFFF_FFFF, 0, 0xFFFF_FFFF_0000_0001) }
    static var inv: UInt64 { 1 }
    static var r2: (UInt64, UInt64, UInt64, UInt64) { (3, 0xFFFF_FFFB_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFE, 0x0000_0004_FFFF_FFFD) }
    static var one: (UInt64, UInt64, UInt64, UInt64) { (1, 0xFFFF_FFFF_0000_0000, 0xFFFF_FFFF_FFFF_FFFF, 0x0000_0000_FFFF_FFFE) }
    static var mMinus2: [UInt64] { [0xFFFF_FFFF_FFFF_FFFD, 0x0000_0000_FFFF_FFFF, 0, 0xFFFF_FFFF_0000_0001] }
}

/// The P-256 group order n (SEC 2 §2.4.2).
enum P256OrderModulus: Modulus256 {
    static var m: (UInt64, UInt64, UInt64, UInt64) { (0xF3B9_CAC2_FC63_2551, 0xBCE6_FAAD_A717_9E84, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_0000_0000) }
    static var inv: UInt64 { 0xCCD1_C8AA_EE00_BC4F }
    static var r2: (UInt64, UInt64, UInt64, UInt64) { (0x8324_4C95_BE79_EEA2, 0x4699_799C_49BD_6FA6, 0x2845_B239_2B6B_EC59, 0x66E1_2D94_F3D9_5620) }
    static var one: (UInt64, UInt64, UInt64, UInt64) { (0x0C46_353D_039C_DAAF, 0x4319_0552_58E8_617B, 0, 0x0000_0000_FFFF_FFFF) }
    static var mMinus2: [UInt64] { [0xF3B9_CAC2_FC63_254F, 0xBCE6_FAAD_A717_9E84, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_0000_0000] }
}

/// An integer mod a 256-bit modulus M (which may exceed 2²⁵⁵, so sums and Montgomery products keep a
/// fifth carry word), in Montgomery form x·2²⁵⁶ mod M, four little-endian limbs, always < M.
struct P256Residue<M: Modulus256>: CurveField {
    var l: (UInt64, UInt64, UInt64, UInt64)

    init(limbs: (UInt64, UInt64, UInt64, UInt64)) { l = limbs }

    static var zero: P256Residue { P256Residue(limbs: (0, 0, 0, 0)) }
    static var one: P256Residue { P256Residue(limbs: M.one) }
    var isZero: Bool { (l.0 | l.1 | l.2 | l.3) == 0 }
    static func == (a: P256Residue, b: P256Residue) -> Bool { a.l == b.l }

    /// 32 big-endian bytes at `offset`; nil unless the value is < M.
    static func fromBigEndian(_ bytes: [UInt8], at offset: Int) -> P256Residue? {
        let raw = rawLimbs(bytes, at: offset)
        guard lessThanModulus(raw) else { return nil }
        return P256Residue(limbs: raw) * P256Residue(limbs: M.r2)
    }

    /// 32 big-endian bytes reduced mod M (any 256-bit value is < 2M here).
    static func reducing(_ bytes: [UInt8], at offset: Int) -> P256Residue {
        var raw = rawLimbs(bytes, at: offset)
        if !lessThanModulus(raw) { raw = subtractModulus(raw).0 }
        return P256Residue(limbs: raw) * P256Residue(limbs: M.r2)
    }

    /// The plain integer's limbs.
    var integer: (UInt64, UInt64, UInt64, UInt64) { (self * P256Residue(limbs: (1, 0, 0, 0))).l }

    static func rawLimbs(_ b: [UInt8], at o: Int) -> (UInt64, UInt64, UInt64, UInt64) {
        var w: [UInt64] = [0, 0, 0, 0]
        for limb in 0..<4 { for i in 0..<8 { w[limb] = w[limb] << 8 | UInt64(b[o + 8 * (3 - limb) + i]) } }
        return (w[0], w[1], w[2], w[3])
    }

    static func lessThanModulus(_ a: (UInt64, UInt64, UInt64, UInt64)) -> Bool { subtractModulus(a).1 }

    /// a − M with the borrow out (true when a < M).
    static func subtractModulus(_ a: (UInt64, UInt64, UInt64, UInt64)) -> ((UInt64, UInt64, UInt64, UInt64), Bool) {
        var r = a, w: Bool
        (r.0, w) = a.0.subtractingReportingOverflow(M.m.0)
        (r.1, w) = subBorrow(a.1, M.m.1, w)
        (r.2, w) = subBorrow(a.2, M.m.2, w)
        (r.3, w) = subBorrow(a.3, M.m.3, w)
        return (r, w)
    }

    /// Reduces a 257-bit value (carry:a) < 2M once.
    static func reduced(_ a: (UInt64, UInt64, UInt64, UInt64), carry: Bool) -> P256Residue {
        let (r, borrow) = subtractModulus(a)
        return P256Residue(limbs: carry || !borrow ? r : a)
    }

    static func + (a: P256Residue, b: P256Residue) -> P256Residue {
        var r = a.l, c: Bool
        (r.0, c) = a.l.0.addingReportingOverflow(b.l.0)
        (r.1, c) = addCarry(a.l.1, b.l.1, c)
        (r.2, c) = addCarry(a.l.2, b.l.2, c)
        (r.3, c) = addCarry(a.l.3, b.l.3, c)
        return reduced(r, carry: c)
    }

    static func - (a: P256Residue, b: P256Residue) -> P256Residue {
        var r = a.l, w: Bool
        (r.0, w) = a.l.0.subtractingReportingOverflow(b.l.0)
        (r.1, w) = subBorrow(a.l.1, b.l.1, w)
        (r.2, w) = subBorrow(a.l.2, b.l.2, w)
        (r.3, w) = subBorrow(a.l.3, b.l.3, w)
        if w {
            var c: Bool
            (r.0, c) = r.0.addingReportingOverflow(M.m.0)
            (r.1, c) = addCarry(r.1, M.m.1, c)
            (r.2, c) = addCarry(r.2, M.m.2, c)
            (r.3, _) = addCarry(r.3, M.m.3, c)
        }
        return P256Residue(limbs: r)
    }

    /// Montgomery product (CIOS with a fifth word t4 for the carry above 2²⁵⁶).
    static func * (a: P256Residue, b: P256Residue) -> P256Residue {
        var t = (UInt64(0), UInt64(0), UInt64(0), UInt64(0)), t4: UInt64 = 0
        for bi in [b.l.0, b.l.1, b.l.2, b.l.3] {
            var c: UInt64, u0: UInt64, u1: UInt64, u2: UInt64, u3: UInt64
            (c, u0) = madd(a.l.0, bi, t.0, 0)
            (c, u1) = madd(a.l.1, bi, t.1, c)
            (c, u2) = madd(a.l.2, bi, t.2, c)
            (c, u3) = madd(a.l.3, bi, t.3, c)
            let (u4, o4) = t4.addingReportingOverflow(c)
            let m = u0 &* M.inv
            (c, _) = madd(m, M.m.0, u0, 0)
            (c, t.0) = madd(m, M.m.1, u1, c)
            (c, t.1) = madd(m, M.m.2, u2, c)
            (c, t.2) = madd(m, M.m.3, u3, c)
            let (s, o5) = u4.addingReportingOverflow(c)
            t.3 = s
            t4 = (o4 ? 1 : 0) + (o5 ? 1 : 0)
        }
        return reduced(t, carry: t4 != 0)
    }

    func squared() -> P256Residue { self * self }
    func doubled() -> P256Residue { self + self }
    func negated() -> P256Residue { P256Residue.zero - self }

    /// a^(M−2) (Fermat); zero maps to zero.
    func inverse() -> P256Residue {
        var result = P256Residue.one
        for limb in M.mMinus2.reversed() {
            for bit in (0..<64).reversed() {
                result = result.squared()
                if (limb >> UInt64(bit)) & 1 == 1 { result = result * self }
            }
        }
        return result
    }
}
