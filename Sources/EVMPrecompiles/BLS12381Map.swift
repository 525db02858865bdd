/// A field with what RFC 9380's simplified SWU needs beyond curve arithmetic (§4.1 `sgn0`, `sqrt`).
protocol SSWUField: CurveField {
    var sgn0: Bool { get }
    func squareRoot() -> Self?
}

extension BLS12Fp: SSWUField {}
extension BLS12Fp2: SSWUField {}

/// EIP-2537 §"Field to curve mapping": RFC 9380 `map_to_curve` (simplified SWU onto the isogenous curve E',
/// §6.6.2, then the isogeny E' → E, §6.6.3) followed by `clear_cofactor` (§7, multiplication by h_eff), for
/// the BLS12381G1_XMD:SHA-256_SSWU_RO_ and BLS12381G2_XMD:SHA-256_SSWU_RO_ suites (§8.8).
enum BLS12Map {
    /// BLS12_MAP_FP_TO_G1: 64-byte field element → 128-byte G1 point; nil for a bad length, padding or u ≥ p.
    static func fpToG1(_ input: [UInt8]) -> [UInt8]? {
        guard input.count == BLS12Codec.fpSize, let u = BLS12Codec.decodeFp(input, at: 0) else { return nil }
        typealias K = BLS12MapG1Constants
        let point = isogeny(sswu(u, a: K.a, b: K.b, z: K.z),
                            K.xNumerator, K.xDenominator, K.yNumerator, K.yDenominator)
        return BLS12Codec.encodeG1(point.multiplied(byLimbs: (K.hEff, 0, 0, 0)))
    }

    /// BLS12_MAP_FP2_TO_G2: 128-byte F_p² element → 256-byte G2 point.
    static func fp2ToG2(_ input: [UInt8]) -> [UInt8]? {
        guard input.count == 2 * BLS12Codec.fpSize, let u = BLS12Codec.decodeFp2(input, at: 0) else { return nil }
        typealias K = BLS12MapG2Constants
        let point = isogeny(sswu(u, a: K.a, b: K.b, z: K.z),
                            K.xNumerator, K.xDenominator, K.yNumerator, K.yDenominator)
        return BLS12Codec.encodeG2(multiplied(point, byBigEndian: K.hEff))
    }

    /// RFC 9380 §6.6.2 `map_to_curve_simple_swu` onto y² = x³ + A'x + B' (affine; Z is a non-square with
    /// g(B'/(Z·A')) square, so one of the two candidates always has a root).
    static func sswu<F: SSWUField>(_ u: F, a: F, b: F, z: F) -> (x: F, y: F) {
        let zu2 = z * u.squared()
        let tv1 = (zu2.squared() + zu2).inverse()  // inv0: zero maps to zero
        let x1 = tv1.isZero ? b * (z * a).inverse() : (b.negated() * a.inverse()) * (F.one + tv1)
        func g(_ x: F) -> F { (x.squared() + a) * x + b }
        var x = x1, y: F
        if let root = g(x1).squareRoot() {
            y = root
        } else {
            x = zu2 * x1
            y = g(x).squareRoot()!  // g(x2) = Z³u⁶·g(x1) is square when g(x1) is not
        }
        if u.sgn0 != y.sgn0 { y = y.negated() }
        return (x, y)
    }

    /// The isogeny E' → E as x = xNum(x')/xDen(x'), y = y'·yNum(x')/yDen(x'); a zero denominator (the
    /// exceptional points) gives the identity (RFC 9380 §6.6.3).
    static func isogeny<F: CurveField>(_ p: (x: F, y: F), _ xNum: [F], _ xDen: [F], _ yNum: [F], _ yDen: [F])
        -> JacobianPoint<F> {
        func horner(_ k: [F]) -> F {
            var acc = F.zero
            for c in k.reversed() { acc = acc * p.x + c }
            return acc
        }
        let xd = horner(xDen), yd = horner(yDen)
        if xd.isZero || yd.isZero { return .infinity }
        return JacobianPoint(affineX: horner(xNum) * xd.inverse(), affineY: p.y * horner(yNum) * yd.inverse())
    }

    /// [k]P for a big-endian scalar of any length (double-and-add, MSB first).
    static func multiplied<F>(_ p: JacobianPoint<F>, byBigEndian k: [UInt8]) -> JacobianPoint<F> {
        var acc = JacobianPoint<F>.infinity
        for byte in k {
            for bit in (0..<8).reversed() {
                acc = acc.doubled()
                if (byte >> UInt8(bit)) & 1 == 1 { acc = acc + p }
            }
        }
        return acc
    }
}
