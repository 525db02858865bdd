/// The arithmetic every curve coordinate field offers (the base fields and quadratic extensions of BN254
/// and BLS12-381), so that curve formulas are written once and specialised per field (generics, never
/// existentials).
protocol CurveField: Equatable, Sendable {
    static var zero: Self { get }
    static var one: Self { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    var isZero: Bool { get }
    func squared() -> Self
    func doubled() -> Self
    func negated() -> Self
    /// The multiplicative inverse; zero maps to zero.
    func inverse() -> Self
}

/// A quadratic extension F_p² = F_p[i]/(i² + 1) that carries the pairing tower F_p⁶ = F_p²[v]/(v³ − ξ),
/// F_p¹² = F_p⁶[w]/(w² − v) (`Fp6Tower`, `Fp12Tower`); ξ and the Frobenius constants are per curve.
protocol TowerBaseField: CurveField {
    /// Multiplication by the non-residue ξ.
    func mulByXi() -> Self
    /// The conjugate c0 − c1·i, which is the p-power Frobenius on F_p².
    func conjugate() -> Self
    /// γ_k = ξ^(k(p−1)/6), k = 1…5: (a·w^k)^p = ā·γ_k·w^k in F_p¹².
    static var gamma1: Self { get }
    static var gamma2: Self { get }
    static var gamma3: Self { get }
    static var gamma4: Self { get }
    static var gamma5: Self { get }
}
