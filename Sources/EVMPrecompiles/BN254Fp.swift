/// An element of the BN254 (alt_bn128) base field F_p, p = 0x30644e72…fd47 (EIP-196, section
/// "Encoding"), kept in Montgomery form x·2²⁵⁶ mod p as four little-endian 64-bit limbs, always < p.
struct Fp: CurveField {
    var l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64

    @inline(__always)
    init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64) {
        self.l0 = l0; self.l1 = l1; self.l2 = l2; self.l3 = l3
    }

    // p, little-endian limbs, and −p⁻¹ mod 2⁶⁴.
    static let p0: UInt64 = 0x3C20_8C16_D87C_FD47
    static let p1: UInt64 = 0x9781_6A91_6871_CA8D
    static let p2: UInt64 = 0xB850_45B6_8181_585D
    static let p3: UInt64 = 0x3064_4E72_E131_A029
    static let inv: UInt64 = 0x87D2_0782_E486_6389
    /// R² mod p (R = 2²⁵⁶), to enter Montgomery form.
    static let r2 = Fp(0xF32C_FC5B_538A_FA89, 0xB5E7_1911_D445_01FB, 0x47AB_1EFF_0A41_7FF6, 0x06D8_9F71_CAB8_351F)

    static let zero = Fp(0, 0, 0, 0)
    /// 1 in Montgomery form (R mod p).
    static let one = Fp(0xD35D_438D_C58F_0D9D, 0x0A78_EB28_F5C7_0B3D, 0x666E_A36F_7879_462C, 0x0E0A_77C1_9A07_DF2F)

    var isZero: Bool { (l0 | l1 | l2 | l3) == 0 }

    // MARK: Encoding

    /// Reads a 32-byte big-endian integer at `offset`; nil unless it is < p.
    static func fromBigEndian(_ bytes: [UInt8], at offset: Int) -> Fp? {
        var w = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        for i in 0..<8 {
            w.3 = w.3 << 8 | UInt64(bytes[offset + i])
            w.2 = w.2 << 8 | UInt64(bytes[offset + 8 + i])
            w.1 = w.1 << 8 | UInt64(bytes[offset + 16 + i])
            w.0 = w.0 << 8 | UInt64(bytes[offset + 24 + i])
        }
        let raw = Fp(w.0, w.1, w.2, w.3)
        guard raw.isLessThanModulus else { return nil }
        return raw * r2
    }

    /// Appends the canonical 32-byte big-endian encoding.
    func appendBigEndian(to out: inout [UInt8]) {
        let raw = self * Fp(1, 0, 0, 0)  // leaves Montgomery form
        for limb in [raw.l3, raw.l2, raw.l1, raw.l0] {
            for i in (0..<8).reversed() { out.append(UInt8(truncatingIfNeeded: limb >> (8 * UInt64(i)))) }
        }
    }

    var isLessThanModulus: Bool {
        if l3 != Fp.p3 { return l3 < Fp.p3 }
        if l2 != Fp.p2 { return l2 < Fp.p2 }
        if l1 != Fp.p1 { return l1 < Fp.p1 }
        return l0 < Fp.p0
    }

    // MARK: Arithmetic

    @inline(__always)
    static func + (a: Fp, b: Fp) -> Fp {
        // a, b < p < 2²⁵⁴, so the sum cannot carry out of 256 bits.
        let (s0, c0) = a.l0.addingReportingOverflow(b.l0)
        let (t1, c1a) = a.l1.addingReportingOverflow(b.l1)
        let (s1, c1b) = t1.addingReportingOverflow(carryBit(c0))
        let (t2, c2a) = a.l2.addingReportingOverflow(b.l2)
        let (s2, c2b) = t2.addingReportingOverflow(carryBit(c1a) | carryBit(c1b))
        let s3 = a.l3 &+ b.l3 &+ (carryBit(c2a) | carryBit(c2b))
        return Fp(s0, s1, s2, s3).reducedOnce()
    }

    @inline(__always)
    static func - (a: Fp, b: Fp) -> Fp {
        let (d0, b0) = a.l0.subtractingReportingOverflow(b.l0)
        let (t1, b1a) = a.l1.subtractingReportingOverflow(b.l1)
        let (d1, b1b) = t1.subtractingReportingOverflow(carryBit(b0))
        let (t2, b2a) = a.l2.subtractingReportingOverflow(b.l2)
        let (d2, b2b) = t2.subtractingReportingOverflow(carryBit(b1a) | carryBit(b1b))
        let (t3, b3a) = a.l3.subtractingReportingOverflow(b.l3)
        let (d3, b3b) = t3.subtractingReportingOverflow(carryBit(b2a) | carryBit(b2b))
        var r = Fp(d0, d1, d2, d3)
        if b3a || b3b {  // went negative: add p back (wraps to the right value mod 2²⁵⁶)
            let (e0, c0) = r.l0.addingReportingOverflow(p0)
            let (u1, c1a) = r.l1.addingReportingOverflow(p1)
            let (e1, c1b) = u1.addingReportingOverflow(carryBit(c0))
            let (u2, c2a) = r.l2.addingReportingOverflow(p2)
            let (e2, c2b) = u2.addingReportingOverflow(carryBit(c1a) | carryBit(c1b))
            let e3 = r.l3 &+ p3 &+ (carryBit(c2a) | carryBit(c2b))
            r = Fp(e0, e1, e2, e3)
        }
        return r
    }

    /// Subtracts p once if the value (< 2p) is ≥ p.
    @inline(__always)
    func reducedOnce() -> Fp {
        let (d0, b0) = l0.subtractingReportingOverflow(Fp.p0)
        let (t1, b1a) = l1.subtractingReportingOverflow(Fp.p1)
        let (d1, b1b) = t1.subtractingReportingOverflow(carryBit(b0))
        let (t2, b2a) = l2.subtractingReportingOverflow(Fp.p2)
        let (d2, b2b) = t2.subtractingReportingOverflow(carryBit(b1a) | carryBit(b1b))
        let (t3, b3a) = l3.subtractingReportingOverflow(Fp.p3)
        let (d3, b3b) = t3.subtractingReportingOverflow(carryBit(b2a) | carryBit(b2b))
        return (b3a || b3b) ? self : Fp(d0, d1, d2, d3)
    }

    /// hi:lo = a·b + c + d (cannot overflow 128 bits).
    @inline(__always)
    private static func madd(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (UInt64, UInt64) {
        let m = a.multipliedFullWidth(by: b)
        let (lo1, o1) = m.low.addingReportingOverflow(c)
        let (lo2, o2) = lo1.addingReportingOverflow(d)
        return (m.high &+ carryBit(o1) &+ carryBit(o2), lo2)
    }

    /// One word of CIOS Montgomery multiplication: t = (t + a·bi + m·p) / 2⁶⁴.
    @inline(__always)
    private static func step(
        _ t0: inout UInt64, _ t1: inout UInt64, _ t2: inout UInt64, _ t3: inout UInt64, _ t4: inout UInt64,
        _ a: Fp, _ bi: UInt64
    ) {
        var c: UInt64
        (c, t0) = madd(a.l0, bi, t0, 0)
        (c, t1) = madd(a.l1, bi, t1, c)
        (c, t2) = madd(a.l2, bi, t2, c)
        (c, t3) = madd(a.l3, bi, t3, c)
        let (s4, o4) = t4.addingReportingOverflow(c)
        let t5 = carryBit(o4)
        let m = t0 &* inv
        (c, _) = madd(m, p0, t0, 0)
        (c, t0) = madd(m, p1, t1, c)
        (c, t1) = madd(m, p2, t2, c)
        (c, t2) = madd(m, p3, t3, c)
        let (s3, o3) = s4.addingReportingOverflow(c)
        t3 = s3
        t4 = t5 &+ carryBit(o3)
    }

    /// Montgomery product a·b·R⁻¹ mod p.
    @inline(__always)
    static func * (a: Fp, b: Fp) -> Fp {
        var t0: UInt64 = 0, t1: UInt64 = 0, t2: UInt64 = 0, t3: UInt64 = 0, t4: UInt64 = 0
        step(&t0, &t1, &t2, &t3, &t4, a, b.l0)
        step(&t0, &t1, &t2, &t3, &t4, a, b.l1)
        step(&t0, &t1, &t2, &t3, &t4, a, b.l2)
        step(&t0, &t1, &t2, &t3, &t4, a, b.l3)
        // The result is < 2p < 2²⁵⁶ because p < 2²⁵⁴, so t4 is zero here.
        return Fp(t0, t1, t2, t3).reducedOnce()
    }

    @inline(__always) func squared() -> Fp { self * self }
    @inline(__always) func doubled() -> Fp { self + self }
    @inline(__always) func negated() -> Fp { Fp.zero - self }

    /// a^(p−2) (Fermat); zero maps to zero.
    func inverse() -> Fp {
        // p − 2, little-endian limbs.
        let e: (UInt64, UInt64, UInt64, UInt64) =
            (0x3C20_8C16_D87C_FD45, 0x9781_6A91_6871_CA8D, 0xB850_45B6_8181_585D, 0x3064_4E72_E131_A029)
        var result = Fp.one
        for limb in [e.3, e.2, e.1, e.0] {
            for bit in (0..<64).reversed() {
                result = result.squared()
                if (limb >> UInt64(bit)) & 1 == 1 { result = result * self }
            }
        }
        return result
    }
}

/// 0 or 1 from a carry flag, without a branch.
@inline(__always)
private func carryBit(_ b: Bool) -> UInt64 { UInt64(unsafeBitCast(b, to: UInt8.self)) }
