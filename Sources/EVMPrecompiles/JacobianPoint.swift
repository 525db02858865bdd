/// A point of y² = x³ + b in Jacobian coordinates (X/Z², Y/Z³) over a curve field: BN254 G1 over F_p
/// (b = 3) and its twist G2 over F_p² (b = 3/ξ), EIP-196/197, and BLS12-381 G1/G2 (EIP-2537). Z = 0 is
/// the point at infinity.
struct JacobianPoint<F: CurveField>: Equatable, Sendable {
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

    /// Mixed addition of an affine point (EFD "madd-2007-bl"), complete like `+`.
    func adding(affineX x2: F, affineY y2: F) -> JacobianPoint {
        if isInfinity { return JacobianPoint(affineX: x2, affineY: y2) }
        let z1z1 = z.squared()
        let u2 = x2 * z1z1, s2 = y2 * z * z1z1
        let h = u2 - x
        let r = (s2 - y).doubled()
        if h.isZero {
            return r.isZero ? doubled() : .infinity
        }
        let hh = h.squared()
        let i = hh.doubled().doubled()
        let j = h * i
        let v = x * i
        let x3 = r.squared() - j - v.doubled()
        let y3 = r * (v - x3) - (y * j).doubled()
        let z3 = (z + h).squared() - z1z1 - hh
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

