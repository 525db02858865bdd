/// The quadratic extension F_p² = F_p[i]/(i² + 1) of BN254 (EIP-197, section "Definition of the
/// groups"): c0 + c1·i. EIP-197 encodes it as (c1, c0), the imaginary part first.
struct Fp2: BN254Field {
    var c0: Fp, c1: Fp

    @inline(__always) init(c0: Fp, c1: Fp) { self.c0 = c0; self.c1 = c1 }

    static let zero = Fp2(c0: .zero, c1: .zero)
    static let one = Fp2(c0: .one, c1: .zero)

    var isZero: Bool { c0.isZero && c1.isZero }

    @inline(__always) static func + (a: Fp2, b: Fp2) -> Fp2 { Fp2(c0: a.c0 + b.c0, c1: a.c1 + b.c1) }
    @inline(__always) static func - (a: Fp2, b: Fp2) -> Fp2 { Fp2(c0: a.c0 - b.c0, c1: a.c1 - b.c1) }

    /// Karatsuba: three base-field products.
    @inline(__always)
    static func * (a: Fp2, b: Fp2) -> Fp2 {
        let t0 = a.c0 * b.c0, t1 = a.c1 * b.c1
        return Fp2(c0: t0 - t1, c1: (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1)
    }

    @inline(__always)
    func scaled(by s: Fp) -> Fp2 { Fp2(c0: c0 * s, c1: c1 * s) }

    @inline(__always)
    func squared() -> Fp2 {
        let m = c0 * c1
        return Fp2(c0: (c0 + c1) * (c0 - c1), c1: m + m)
    }

    @inline(__always) func doubled() -> Fp2 { self + self }
    @inline(__always) func negated() -> Fp2 { Fp2(c0: c0.negated(), c1: c1.negated()) }
    @inline(__always) func conjugate() -> Fp2 { Fp2(c0: c0, c1: c1.negated()) }

    /// Multiplication by ξ = 9 + i, the non-residue that defines F_p⁶.
    @inline(__always)
    func mulByXi() -> Fp2 {
        let a8 = c0.doubled().doubled().doubled(), b8 = c1.doubled().doubled().doubled()
        return Fp2(c0: a8 + c0 - c1, c1: b8 + c1 + c0)
    }

    func inverse() -> Fp2 {
        let n = (c0.squared() + c1.squared()).inverse()
        return Fp2(c0: c0 * n, c1: (c1 * n).negated())
    }
}
