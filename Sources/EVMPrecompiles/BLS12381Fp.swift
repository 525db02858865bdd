/// An element of the BLS12-381 base field F_p, p = 0x1a0111ea…ffffaaab (EIP-2537 §"Fine points and
/// encoding", 381 bits), in Montgomery form x·2³⁸⁴ mod p as six little-endian 64-bit limbs, always < p.
struct BLS12Fp: CurveField {
    var l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64, l4: UInt64, l5: UInt64

    @inline(__always)
    init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64, _ l5: UInt64) {
        self.l0 = l0; self.l1 = l1; self.l2 = l2; self.l3 = l3; self.l4 = l4; self.l5 = l5
    }

    // p, little-endian limbs, and −p⁻¹ mod 2⁶⁴.
    static let p0: UInt64 = 0xB9FE_FFFF_FFFF_AAAB, p1: UInt64 = 0x1EAB_FFFE_B153_FFFF
    static let p2: UInt64 = 0x6730_D2A0_F6B0_F624, p3: UInt64 = 0x6477_4B84_F385_12BF
    static let p4: UInt64 = 0x4B1B_A7B6_434B_ACD7, p5: UInt64 = 0x1A01_11EA_397F_E69A
    static let inv: UInt64 = 0x89F3_FFFC_FFFC_FFFD
    /// R² mod p (R = 2³⁸⁴), to enter Montgomery form.
    static let r2 = BLS12Fp(0xF4DF_1F34_1C34_1746, 0x0A76_E6A6_09D1_04F1, 0x8DE5_476C_4C95_B6D5,
                            0x67EB_88A9_939D_83C0, 0x9A79_3E85_B519_952D, 0x1198_8FE5_92CA_E3AA)

    static let zero = BLS12Fp(0, 0, 0, 0, 0, 0)
    /// 1 in Montgomery form (R mod p).
    static let one = BLS12Fp(0x7609_0000_0002_FFFD, 0xEBF4_000B_C40C_0002, 0x5F48_9857_53C7_58BA,
                             0x77CE_5853_7052_5745, 0x5C07_1A97_A256_EC6D, 0x15F6_5EC3_FA80_E493)

    var isZero: Bool { (l0 | l1 | l2 | l3 | l4 | l5) == 0 }

    // MARK: Encoding

    /// Reads a 48-byte big-endian integer at `offset`; nil unless it is < p.
    static func fromBigEndian48(_ bytes: [UInt8], at offset: Int) -> BLS12Fp? {
        var w = [UInt64](repeating: 0, count: 6)
        for limb in 0..<6 {
            var v: UInt64 = 0
            for i in 0..<8 { v = v << 8 | UInt64(bytes[offset + 8 * (5 - limb) + i]) }
            w[limb] = v
        }
        let raw = BLS12Fp(w[0], w[1], w[2], w[3], w[4], w[5])
        guard raw.isLessThanModulus else { return nil }
        return raw * r2
    }

    /// Appends the canonical 48-byte big-endian encoding.
    func appendBigEndian48(to out: inout [UInt8]) {
        let raw = self.fromMontgomery()
        for limb in [raw.l5, raw.l4, raw.l3, raw.l2, raw.l1, raw.l0] {
            for i in (0..<8).reversed() { out.append(UInt8(truncatingIfNeeded: limb >> (8 * UInt64(i)))) }
        }
    }

    /// The plain integer (leaves Montgomery form), as limbs.
    @inline(__always)
    func fromMontgomery() -> BLS12Fp { self * BLS12Fp(1, 0, 0, 0, 0, 0) }

    var isLessThanModulus: Bool {
        if l5 != BLS12Fp.p5 { return l5 < BLS12Fp.p5 }
        if l4 != BLS12Fp.p4 { return l4 < BLS12Fp.p4 }
        if l3 != BLS12Fp.p3 { return l3 < BLS12Fp.p3 }
        if l2 != BLS12Fp.p2 { return l2 < BLS12Fp.p2 }
        if l1 != BLS12Fp.p1 { return l1 < BLS12Fp.p1 }
        return l0 < BLS12Fp.p0
    }

    /// RFC 9380 §4.1 `sgn0` of the integer value: its parity.
    var sgn0: Bool { fromMontgomery().l0 & 1 == 1 }

    // MARK: Arithmetic

    @inline(__always)
    static func + (a: BLS12Fp, b: BLS12Fp) -> BLS12Fp {
        // a, b < p < 2³⁸¹: the sum fits in 384 bits.
        var c: Bool
        var r = a
        (r.l0, c) = a.l0.addingReportingOverflow(b.l0)
        (r.l1, c) = addCarry(a.l1, b.l1, c)
        (r.l2, c) = addCarry(a.l2, b.l2, c)
        (r.l3, c) = addCarry(a.l3, b.l3, c)
        (r.l4, c) = addCarry(a.l4, b.l4, c)
        (r.l5, _) = addCarry(a.l5, b.l5, c)
        return r.reducedOnce()
    }

    @inline(__always)
    static func - (a: BLS12Fp, b: BLS12Fp) -> BLS12Fp {
        var w: Bool
        var r = a
        (r.l0, w) = a.l0.subtractingReportingOverflow(b.l0)
        (r.l1, w) = subBorrow(a.l1, b.l1, w)
        (r.l2, w) = subBorrow(a.l2, b.l2, w)
        (r.l3, w) = subBorrow(a.l3, b.l3, w)
        (r.l4, w) = subBorrow(a.l4, b.l4, w)
        (r.l5, w) = subBorrow(a.l5, b.l5, w)
        if w {  // went negative: add p back (wraps to the right value mod 2³⁸⁴)
            var c: Bool
            (r.l0, c) = r.l0.addingReportingOverflow(p0)
            (r.l1, c) = addCarry(r.l1, p1, c)
            (r.l2, c) = addCarry(r.l2, p2, c)
            (r.l3, c) = addCarry(r.l3, p3, c)
            (r.l4, c) = addCarry(r.l4, p4, c)
            (r.l5, _) = addCarry(r.l5, p5, c)
        }
        return r
    }

    /// Subtracts p once if the value (< 2p) is ≥ p.
    @inline(__always)
    func reducedOnce() -> BLS12Fp {
        var w: Bool
        var r = self
        (r.l0, w) = l0.subtractingReportingOverflow(BLS12Fp.p0)
        (r.l1, w) = subBorrow(l1, BLS12Fp.p1, w)
        (r.l2, w) = subBorrow(l2, BLS12Fp.p2, w)
        (r.l3, w) = subBorrow(l3, BLS12Fp.p3, w)
        (r.l4, w) = subBorrow(l4, BLS12Fp.p4, w)
        (r.l5, w) = subBorrow(l5, BLS12Fp.p5, w)
        return w ? self : r
    }

    /// Montgomery product a·b·R⁻¹ mod p (CIOS; p < 2³⁸² keeps every intermediate below 2p < 2³⁸⁴, so no
    /// seventh word is needed).
    @inline(__always)
    static func * (a: BLS12Fp, b: BLS12Fp) -> BLS12Fp {
        var t = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        step(&t, a, b.l0)
        step(&t, a, b.l1)
        step(&t, a, b.l2)
        step(&t, a, b.l3)
        step(&t, a, b.l4)
        step(&t, a, b.l5)
        return BLS12Fp(t.0, t.1, t.2, t.3, t.4, t.5).reducedOnce()
    }

    /// One word of CIOS: t = (t + a·bi + m·p) / 2⁶⁴ with m chosen to clear the low word.
    @inline(__always)
    private static func step(
        _ t: inout (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64), _ a: BLS12Fp, _ bi: UInt64
    ) {
        var c: UInt64
        var u0: UInt64, u1: UInt64, u2: UInt64, u3: UInt64, u4: UInt64, u5: UInt64
        (c, u0) = madd(a.l0, bi, t.0, 0)
        (c, u1) = madd(a.l1, bi, t.1, c)
        (c, u2) = madd(a.l2, bi, t.2, c)
        (c, u3) = madd(a.l3, bi, t.3, c)
        (c, u4) = madd(a.l4, bi, t.4, c)
        (c, u5) = madd(a.l5, bi, t.5, c)
        let u6 = c
        let m = u0 &* inv
        (c, _) = madd(m, p0, u0, 0)
        (c, t.0) = madd(m, p1, u1, c)
        (c, t.1) = madd(m, p2, u2, c)
        (c, t.2) = madd(m, p3, u3, c)
        (c, t.3) = madd(m, p4, u4, c)
        (c, t.4) = madd(m, p5, u5, c)
        t.5 = u6 &+ c
    }

    @inline(__always) func squared() -> BLS12Fp { self * self }
    @inline(__always) func doubled() -> BLS12Fp { self + self }
    @inline(__always) func negated() -> BLS12Fp { BLS12Fp.zero - self }

    /// self^e for an exponent given as little-endian limbs (square-and-multiply, not constant time).
    func power(_ e: [UInt64]) -> BLS12Fp {
        var result = BLS12Fp.one
        for limb in e.reversed() {
            for bit in (0..<64).reversed() {
                result = result.squared()
                if (limb >> UInt64(bit)) & 1 == 1 { result = result * self }
            }
        }
        return result
    }

    /// a^(p−2) (Fermat); zero maps to zero.
    func inverse() -> BLS12Fp {
        power([0xB9FE_FFFF_FFFF_AAA9, 0x1EAB_FFFE_B153_FFFF, 0x6730_D2A0_F6B0_F624,
               0x6477_4B84_F385_12BF, 0x4B1B_A7B6_434B_ACD7, 0x1A01_11EA_397F_E69A])
    }

    /// a^((p−1)/2): 1 for a non-zero square, −1 for a non-square, 0 for 0.
    func legendre() -> BLS12Fp {
        power([0xDCFF_7FFF_FFFF_D555, 0x0F55_FFFF_58A9_FFFF, 0xB398_6950_7B58_7B12,
               0xB23B_A5C2_79C2_895F, 0x258D_D3DB_21A5_D66B, 0x0D00_88F5_1CBF_F34D])
    }

    var isSquare: Bool { legendre() != BLS12Fp.one.negated() }

    /// A square root a^((p+1)/4) (p ≡ 3 mod 4), or nil when a is not a square.
    func squareRoot() -> BLS12Fp? {
        let s = power([0xEE7F_BFFF_FFFF_EAAB, 0x07AA_FFFF_AC54_FFFF, 0xD9CC_34A8_3DAC_3D89,
                       0xD91D_D2E1_3CE1_44AF, 0x92C6_E9ED_90D2_EB35, 0x0680_447A_8E5F_F9A6])
        return s.squared() == self ? s : nil
    }
}

/// hi:lo = a·b + c + d (cannot overflow 128 bits).
@inline(__always)
func madd(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (UInt64, UInt64) {
    let m = a.multipliedFullWidth(by: b)
    let (lo1, o1) = m.low.addingReportingOverflow(c)
    let (lo2, o2) = lo1.addingReportingOverflow(d)
    return (m.high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0), lo2)
}

/// a + b + carry, with the carry out.
@inline(__always)
func addCarry(_ a: UInt64, _ b: UInt64, _ carry: Bool) -> (UInt64, Bool) {
    let (s, o1) = a.addingReportingOverflow(b)
    let (t, o2) = s.addingReportingOverflow(carry ? 1 : 0)
    return (t, o1 || o2)
}

/// a − b − borrow, with the borrow out.
@inline(__always)
func subBorrow(_ a: UInt64, _ b: UInt64, _ borrow: Bool) -> (UInt64, Bool) {
    let (d, o1) = a.subtractingReportingOverflow(b)
    let (e, o2) = d.subtractingReportingOverflow(borrow ? 1 : 0)
    return (e, o1 || o2)
}
