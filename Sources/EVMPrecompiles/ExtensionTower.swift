/// F_p⁶ = F_p²[v]/(v³ − ξ): c0 + c1·v + c2·v², the middle of the pairing tower of BN254 (EIP-197) and
/// BLS12-381 (EIP-2537), generic over the curve's F_p² (which fixes ξ).
struct Fp6Tower<F: TowerBaseField>: Equatable {
    var c0: F, c1: F, c2: F

    @inline(__always) init(c0: F, c1: F, c2: F) { self.c0 = c0; self.c1 = c1; self.c2 = c2 }

    static var zero: Fp6Tower { Fp6Tower(c0: .zero, c1: .zero, c2: .zero) }
    static var one: Fp6Tower { Fp6Tower(c0: .one, c1: .zero, c2: .zero) }

    var isZero: Bool { c0.isZero && c1.isZero && c2.isZero }

    @inline(__always)
    static func + (a: Fp6Tower, b: Fp6Tower) -> Fp6Tower { Fp6Tower(c0: a.c0 + b.c0, c1: a.c1 + b.c1, c2: a.c2 + b.c2) }
    @inline(__always)
    static func - (a: Fp6Tower, b: Fp6Tower) -> Fp6Tower { Fp6Tower(c0: a.c0 - b.c0, c1: a.c1 - b.c1, c2: a.c2 - b.c2) }
    func negated() -> Fp6Tower { Fp6Tower(c0: c0.negated(), c1: c1.negated(), c2: c2.negated()) }

    /// Karatsuba-style product (Devegili, Ó hÉigeartaigh, Scott, Dahab 2006, section 4).
    static func * (a: Fp6Tower, b: Fp6Tower) -> Fp6Tower {
        let t0 = a.c0 * b.c0, t1 = a.c1 * b.c1, t2 = a.c2 * b.c2
        let c0 = ((a.c1 + a.c2) * (b.c1 + b.c2) - t1 - t2).mulByXi() + t0
        let c1 = (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1 + t2.mulByXi()
        let c2 = (a.c0 + a.c2) * (b.c0 + b.c2) - t0 - t2 + t1
        return Fp6Tower(c0: c0, c1: c1, c2: c2)
    }

    /// The product with b0 + b1·v (b2 = 0), for sparse line values.
    func multiplied(by01 b0: F, _ b1: F) -> Fp6Tower {
        let t0 = c0 * b0, t1 = c1 * b1
        let n0 = ((c1 + c2) * b1 - t1).mulByXi() + t0
        let n1 = (c0 + c1) * (b0 + b1) - t0 - t1
        let n2 = (c0 + c2) * b0 - t0 + t1
        return Fp6Tower(c0: n0, c1: n1, c2: n2)
    }

    /// The product with b1·v.
    func multiplied(by1 b1: F) -> Fp6Tower {
        Fp6Tower(c0: (c2 * b1).mulByXi(), c1: c0 * b1, c2: c1 * b1)
    }

    /// Multiplication by v: (c0, c1, c2)·v = (ξ·c2, c0, c1).
    func mulByV() -> Fp6Tower { Fp6Tower(c0: c2.mulByXi(), c1: c0, c2: c1) }

    func inverse() -> Fp6Tower {
        let a = c0.squared() - (c1 * c2).mulByXi()
        let b = c2.squared().mulByXi() - c0 * c1
        let c = c1.squared() - c0 * c2
        let t = (c0 * a + (c2 * b + c1 * c).mulByXi()).inverse()
        return Fp6Tower(c0: a * t, c1: b * t, c2: c * t)
    }
}

/// F_p¹² = F_p⁶[w]/(w² − v): c0 + c1·w, the target group's field. Written Σ a_k·w^k, c0 = (a0, a2, a4)
/// and c1 = (a1, a3, a5).
struct Fp12Tower<F: TowerBaseField>: Equatable {
    typealias Fp6 = Fp6Tower<F>
    var c0: Fp6, c1: Fp6

    @inline(__always) init(c0: Fp6, c1: Fp6) { self.c0 = c0; self.c1 = c1 }

    static var one: Fp12Tower { Fp12Tower(c0: .one, c1: .zero) }

    static func * (a: Fp12Tower, b: Fp12Tower) -> Fp12Tower {
        let t0 = a.c0 * b.c0, t1 = a.c1 * b.c1
        return Fp12Tower(c0: t0 + t1.mulByV(), c1: (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1)
    }

    func squared() -> Fp12Tower {
        // (a + bw)² = a² + b²v + 2ab·w, with a² + b²v = (a + b)(a + bv) − ab − ab·v.
        let ab = c0 * c1
        let c0n = (c0 + c1) * (c0 + c1.mulByV()) - ab - ab.mulByV()
        return Fp12Tower(c0: c0n, c1: ab + ab)
    }

    /// The p⁶-power Frobenius, which is the inverse on the cyclotomic subgroup.
    func conjugate() -> Fp12Tower { Fp12Tower(c0: c0, c1: c1.negated()) }

    func inverse() -> Fp12Tower {
        let t = (c0 * c0 - (c1 * c1).mulByV()).inverse()
        return Fp12Tower(c0: c0 * t, c1: (c1 * t).negated())
    }

    /// f^p: a_k ↦ ā_k·γ_k.
    func frobenius() -> Fp12Tower {
        Fp12Tower(
            c0: Fp6(c0: c0.c0.conjugate(), c1: c0.c1.conjugate() * F.gamma2, c2: c0.c2.conjugate() * F.gamma4),
            c1: Fp6(c0: c1.c0.conjugate() * F.gamma1, c1: c1.c1.conjugate() * F.gamma3,
                    c2: c1.c2.conjugate() * F.gamma5))
    }

    /// Squaring in the cyclotomic subgroup (of order p⁴ − p² + 1, where f lands after the easy part of the
    /// final exponentiation), after Granger and Scott, "Faster squaring in the cyclotomic subgroup of sixth
    /// degree extensions" (PKC 2010, section 3.1). It treats F_p¹² as a cubic extension of
    /// F_p⁴ = F_p²[w³] and squares each F_p⁴ component with two F_p² squarings. Only valid for cyclotomic
    /// elements (checked against `squared()` in the tests).
    func cyclotomicSquared() -> Fp12Tower {
        // f = A0 + A1·w + A2·w² over F_p⁴ = F_p²[W]/(W² − ξ), W = w³, with A0 = a0 + a3·W,
        // A1 = a1 + a4·W, A2 = a2 + a5·W, and f² = (3A0² − 2Ā0) + (3W·A2² + 2Ā1)·w + (3A1² − 2Ā2)·w².
        let a0 = c0.c0, a2 = c0.c1, a4 = c0.c2, a1 = c1.c0, a3 = c1.c1, a5 = c1.c2
        // (x + yW)² = (x² + ξy²) + 2xy·W, with 2xy = (x + y)² − x² − y².
        let s0 = a0.squared(), s3 = a3.squared()
        let t03 = s0 + s3.mulByXi(), m03 = (a0 + a3).squared() - s0 - s3
        let s1 = a1.squared(), s4 = a4.squared()
        let t14 = s1 + s4.mulByXi(), m14 = (a1 + a4).squared() - s1 - s4
        let s2 = a2.squared(), s5 = a5.squared()
        let t25 = s2 + s5.mulByXi(), m25 = ((a2 + a5).squared() - s2 - s5).mulByXi()
        let z0 = (t03 - a0).doubled() + t03  // 3·t − 2·a
        let z3 = (m03 + a3).doubled() + m03  // 3·m + 2·a
        let z2 = (t14 - a2).doubled() + t14
        let z5 = (m14 + a5).doubled() + m14
        let z1 = (m25 + a1).doubled() + m25
        let z4 = (t25 - a4).doubled() + t25
        return Fp12Tower(c0: Fp6(c0: z0, c1: z2, c2: z4), c1: Fp6(c0: z1, c1: z3, c2: z5))
    }

    /// f^e for a cyclotomic f and a 64-bit e (square-and-multiply with cyclotomic squarings).
    func cyclotomicPower(_ e: UInt64) -> Fp12Tower {
        var result = self
        let top = 63 - e.leadingZeroBitCount
        var bit = top - 1
        while bit >= 0 {
            result = result.cyclotomicSquared()
            if (e >> UInt64(bit)) & 1 == 1 { result = result * self }
            bit -= 1
        }
        return result
    }
}

/// The BN254 tower (EIP-197), ξ = 9 + i.
typealias Fp6 = Fp6Tower<Fp2>
typealias Fp12 = Fp12Tower<Fp2>
