/// A point of y² = x³ + b in Jacobian coordinates (X/Z², Y/Z³) over a BN254 field: G1 over F_p
/// (b = 3) and the twist G2 over F_p² (b = 3/ξ), EIP-196/197. Z = 0 is the point at infinity.
struct JacobianPoint<F: BN254Field>: Equatable {
    var x: F, y: F, z: F

    static var infinity: JacobianPoint { JacobianPoint(x: .one, y: .one, z: .zero) }

    init(x: F, y: F, z: F) { self.x = x; self.y = y; self.z = z }
    init(affineX: F, affineY: F) { self.init(x: affineX, y: affineY, z: .one) }

    var isInfinity: Bool { z.isZero }

    /// Doubling for a = 0 (EFD "dbl-2009-l").
    func doubled() -> JacobianPoint {
        if isInfinity { return self }
        let a = x.squared(), b = y.squared(), c = b.squared()
        let d = ((x + b).squared() - a - c).doubled()
        let e = a.doubled() + a
        let f = e.squared()
        let x3 = f - d.doubled()
        let c8 = c.doubled().doubled().doubled()
        let y3 = e * (d - x3) - c8
        let z3 = (y * z).doubled()
        return JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// Addition (EFD "add-2007-bl"), complete: handles infinity, P + P and P + (−P).
    static func + (p: JacobianPoint, q: JacobianPoint) -> JacobianPoint {
        if p.isInfinity { return q }
        if q.isInfinity { return p }
        let z1z1 = p.z.squared(), z2z2 = q.z.squared()
        let u1 = p.x * z2z2, u2 = q.x * z1z1
        let s1 = p.y * q.z * z2z2, s2 = q.y * p.z * z1z1
        let h = u2 - u1
        let r = (s2 - s1).doubled()
        if h.isZero {
            return r.isZero ? p.doubled() : .infinity
        }
        let i = h.doubled().squared()
        let j = h * i
        let v = u1 * i
        let x3 = r.squared() - j - v.doubled()
        let y3 = r * (v - x3) - (s1 * j).doubled()
        let z3 = ((p.z + q.z).squared() - z1z1 - z2z2) * h
        return JacobianPoint(x: x3, y: y3, z: z3)
    }

    func negated() -> JacobianPoint { JacobianPoint(x: x, y: y.negated(), z: z) }

    /// [k]P for a 256-bit scalar given as 32 big-endian bytes at `offset` (double-and-add, MSB first).
    func multiplied(byBigEndian scalar: [UInt8], at offset: Int) -> JacobianPoint {
        var acc = JacobianPoint.infinity
        for i in 0..<32 {
            let byte = scalar[offset + i]
            for bit in (0..<8).reversed() {
                acc = acc.doubled()
                if (byte >> UInt8(bit)) & 1 == 1 { acc = acc + self }
            }
        }
        return acc
    }

    /// [k]P for a scalar given as little-endian 64-bit limbs.
    func multiplied(byLimbs limbs: (UInt64, UInt64, UInt64, UInt64)) -> JacobianPoint {
        var acc = JacobianPoint.infinity
        for limb in [limbs.3, limbs.2, limbs.1, limbs.0] {
            for bit in (0..<64).reversed() {
                acc = acc.doubled()
                if (limb >> UInt64(bit)) & 1 == 1 { acc = acc + self }
            }
        }
        return acc
    }

    /// Affine (x, y), or nil for the point at infinity.
    func affine() -> (x: F, y: F)? {
        if isInfinity { return nil }
        let zi = z.inverse(), zi2 = zi.squared()
        return (x * zi2, y * zi2 * zi)
    }

    /// Whether affine (x, y) satisfies y² = x³ + b.
    static func isOnCurve(x: F, y: F, b: F) -> Bool { y.squared() == x.squared() * x + b }
}

typealias G1Point = JacobianPoint<Fp>
typealias G2Point = JacobianPoint<Fp2>

/// Curve constants and the EIP-196/197 point encodings.
enum BN254Curve {
    /// b = 3 (Montgomery form).
    static let b = Fp(0x7A17_CAA9_50AD_28D7, 0x1F6A_C17A_E155_21B9, 0x334B_EA4E_696B_D284, 0x2A1F_6744_CE17_9D8E)
    /// b' = 3/ξ of the twist E': y² = x³ + 3/(9 + i) (Montgomery form).
    static let twistB = Fp2(
        c0: Fp(0x3BF9_38E3_77B8_02A8, 0x020B_1B27_3633_535D, 0x26B7_EDF0_4975_5260, 0x2514_C632_4384_A86D),
        c1: Fp(0x38E7_ECCC_D1DC_FF67, 0x65F0_B37D_93CE_0D3E, 0xD749_D0DD_22AC_00AA, 0x0141_B9CE_4A68_8D4D))
    /// The group order r, little-endian limbs.
    static let order: (UInt64, UInt64, UInt64, UInt64) =
        (0x43E1_F593_F000_0001, 0x2833_E848_79B9_7091, 0xB850_45B6_8181_585D, 0x3064_4E72_E131_A029)

    /// A G1 point from 64 bytes (x ‖ y, big-endian) at `offset`: coordinates < p, on the curve, or
    /// (0, 0) for infinity. G1 has cofactor 1, so being on the curve is membership.
    static func decodeG1(_ input: [UInt8], at offset: Int) -> G1Point? {
        guard let x = Fp.fromBigEndian(input, at: offset), let y = Fp.fromBigEndian(input, at: offset + 32)
        else { return nil }
        if x.isZero && y.isZero { return .infinity }
        guard G1Point.isOnCurve(x: x, y: y, b: b) else { return nil }
        return G1Point(affineX: x, affineY: y)
    }

    /// A G2 point from 128 bytes (x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0, EIP-197's imaginary-first order): each
    /// coordinate < p, on the twist and in the order-r subgroup, or all zero for infinity.
    static func decodeG2(_ input: [UInt8], at offset: Int) -> G2Point? {
        guard let xi = Fp.fromBigEndian(input, at: offset), let xr = Fp.fromBigEndian(input, at: offset + 32),
            let yi = Fp.fromBigEndian(input, at: offset + 64), let yr = Fp.fromBigEndian(input, at: offset + 96)
        else { return nil }
        let x = Fp2(c0: xr, c1: xi), y = Fp2(c0: yr, c1: yi)
        if x.isZero && y.isZero { return .infinity }
        guard G2Point.isOnCurve(x: x, y: y, b: twistB) else { return nil }
        let point = G2Point(affineX: x, affineY: y)
        guard point.multiplied(byLimbs: order).isInfinity else { return nil }
        return point
    }

    /// The 64-byte encoding of a G1 point (infinity as 64 zero bytes).
    static func encodeG1(_ point: G1Point) -> [UInt8] {
        guard let (x, y) = point.affine() else { return [UInt8](repeating: 0, count: 64) }
        var out = [UInt8]()
        out.reserveCapacity(64)
        x.appendBigEndian(to: &out)
        y.appendBigEndian(to: &out)
        return out
    }
}
