/// The Miller loop's running point T on a sextic twist y² = x³ + b' over F_p², in homogeneous projective
/// coordinates (x = X/Z, y = Y/Z) so that the loop needs no inversions; shared by the BN254 (EIP-197) and
/// BLS12-381 (EIP-2537) optimal ate pairings.
struct TwistPoint<F: TowerBaseField> {
    var x: F, y: F, z: F
}

/// A line through T evaluated at P = (px, py) ∈ G1, up to a factor in F_p²: `constant + xCoefficient·px +
/// yCoefficient·py`, each term landing in a curve-specific slot of F_p¹² after untwisting (D-type BN254 and
/// M-type BLS12-381 place them differently).
struct LineCoefficients<F: TowerBaseField> {
    var constant: F, xCoefficient: F, yCoefficient: F
}

/// Doubling and addition steps with their line coefficients, after Costello, Lange and Naehrig (PKC 2010)
/// and Aranha et al. (Eurocrypt 2011), in the form scaled by 4 that needs no halving.
enum MillerSteps {
    /// T ← 2T; the tangent scaled by 2YZ: (Y² − 3b'Z²) − 3X²·px + 2YZ·py.
    @inline(__always)
    static func double<F>(_ t: inout TwistPoint<F>, threeB: F) -> LineCoefficients<F> {
        let b = t.y.squared(), c = t.z.squared()
        let e = threeB * c
        let f = e.doubled() + e
        let h = (t.y + t.z).squared() - b - c  // 2YZ
        let x2 = t.x.squared()
        let line = LineCoefficients(constant: b - e, xCoefficient: (x2.doubled() + x2).negated(), yCoefficient: h)
        let xy = t.x * t.y
        let e2 = e.squared()
        let e12 = (e2.doubled() + e2).doubled().doubled()
        t.x = xy.doubled() * (b - f)
        t.y = (b + f).squared() - e12
        t.z = (b * h).doubled().doubled()
        return line
    }

    /// T ← T + Q for affine Q = (qx, qy); the chord scaled by λ = X − qx·Z: (θ·qx − λ·qy) − θ·px + λ·py with
    /// θ = Y − qy·Z. Nil when T = −Q (the vertical line lies in a subfield that the final exponentiation
    /// erases, and T becomes infinity); T = Q falls back to doubling.
    @inline(__always)
    static func add<F>(_ t: inout TwistPoint<F>, qx: F, qy: F, threeB: F) -> LineCoefficients<F>? {
        let theta = t.y - qy * t.z
        let lambda = t.x - qx * t.z
        if lambda.isZero {
            if theta.isZero { return double(&t, threeB: threeB) }
            t = TwistPoint(x: .zero, y: .one, z: .zero)
            return nil
        }
        let line = LineCoefficients(constant: theta * qx - lambda * qy, xCoefficient: theta.negated(),
                                    yCoefficient: lambda)
        let c = theta.squared(), d = lambda.squared()
        let e = d * lambda
        let f = t.z * c
        let g = t.x * d
        let h = e + f - g.doubled()
        let y3 = theta * (g - h) - t.y * e
        t.x = lambda * h
        t.y = y3
        t.z = t.z * e
        return line
    }
}
