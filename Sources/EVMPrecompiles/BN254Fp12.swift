/// F_p⁶ = F_p²[v]/(v³ − ξ), ξ = 9 + i: c0 + c1·v + c2·v² (the tower of EIP-197's pairing).
struct Fp6: Equatable {
    var c0: Fp2, c1: Fp2, c2: Fp2

    static let zero = Fp6(c0: .zero, c1: .zero, c2: .zero)
    static let one = Fp6(c0: .one, c1: .zero, c2: .zero)

    var isZero: Bool { c0.isZero && c1.isZero && c2.isZero }

    static func + (a: Fp6, b: Fp6) -> Fp6 { Fp6(c0: a.c0 + b.c0, c1: a.c1 + b.c1, c2: a.c2 + b.c2) }
    static func - (a: Fp6, b: Fp6) -> Fp6 { Fp6(c0: a.c0 - b.c0, c1: a.c1 - b.c1, c2: a.c2 - b.c2) }
    func negated() -> Fp6 { Fp6(c0: c0.negated(), c1: c1.negated(), c2: c2.negated()) }

    /// Karatsuba-style product (Devegili, Ó hÉigeartaigh, Scott, Dahab 2006, section 4).
    static func * (a: Fp6, b: Fp6) -> Fp6 {
        let t0 = a.c0 * b.c0, t1 = a.c1 * b.c1, t2 = a.c2 * b.c2
        let c0 = ((a.c1 + a.c2) * (b.c1 + b.c2) - t1 - t2).mulByXi() + t0
        let c1 = (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1 + t2.mulByXi()
        let c2 = (a.c0 + a.c2) * (b.c0 + b.c2) - t0 - t2 + t1
        return Fp6(c0: c0, c1: c1, c2: c2)
    }

    /// Multiplication by v: (c0, c1, c2)·v = (ξ·c2, c0, c1).
    func mulByV() -> Fp6 { Fp6(c0: c2.mulByXi(), c1: c0, c2: c1) }

    func inverse() -> Fp6 {
        let a = c0.squared() - (c1 * c2).mulByXi()
        let b = c2.squared().mulByXi() - c0 * c1
        let c = c1.squared() - c0 * c2
        let t = (c0 * a + (c2 * b + c1 * c).mulByXi()).inverse()
        return Fp6(c0: a * t, c1: b * t, c2: c * t)
    }
}

/// F_p¹² = F_p⁶[w]/(w² − v): c0 + c1·w, the target group's field (EIP-197).
struct Fp12: Equatable {
    var c0: Fp6, c1: Fp6

    static let one = Fp12(c0: .one, c1: .zero)

    static func * (a: Fp12, b: Fp12) -> Fp12 {
        let t0 = a.c0 * b.c0, t1 = a.c1 * b.c1
        return Fp12(c0: t0 + t1.mulByV(), c1: (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1)
    }

    func squared() -> Fp12 {
        // (a + bw)² = a² + b²v + 2ab·w, with a² + b²v = (a + b)(a + bv) − ab − ab·v.
        let ab = c0 * c1
        let c0n = (c0 + c1) * (c0 + c1.mulByV()) - ab - ab.mulByV()
        return Fp12(c0: c0n, c1: ab + ab)
    }

    /// The p⁶-power Frobenius, which is the inverse on the cyclotomic subgroup.
    func conjugate() -> Fp12 { Fp12(c0: c0, c1: c1.negated()) }

    func inverse() -> Fp12 {
        let t = (c0 * c0 - (c1 * c1).mulByV()).inverse()
        return Fp12(c0: c0 * t, c1: (c1 * t).negated())
    }
}
