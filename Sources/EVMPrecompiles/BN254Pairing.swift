/// The optimal ate pairing on BN254 (Vercauteren, "Optimal pairings", 2010; the EIP-197 check),
/// with the twist E': y² = x³ + 3/ξ of D type, untwisted by (x, y) ↦ (x·w², y·w³).
///
/// The Miller loop runs in homogeneous projective coordinates on the twist. Lines are computed up to
/// factors in F_p², and vertical lines (which lie in F_p⁶) are skipped: the final exponentiation
/// erases every element of F_p⁶*.
enum BN254Pairing {
    /// 6u + 2 for the BN parameter u = 4965661367192848881 (65 bits).
    static let ateLoopCount: UInt64 = 0x9D79_7039_BE76_3BA8  // low 64 bits; bit 64 is set too
    static let ateLoopBits = 65

    /// ξ^((p−1)/3) and ξ^((p−1)/2): the p-power Frobenius on the twist, π(x, y) = (x̄·γx, ȳ·γy).
    static let frobX1 = Fp2(
        c0: Fp(0xB577_3B10_4563_AB30, 0x347F_91C8_A9AA_6454, 0x7A00_7127_242E_0991, 0x1956_BCD8_1182_14EC),
        c1: Fp(0x6E84_9F1E_A0AA_4757, 0xAA1C_7B6D_89F8_9141, 0xB6E7_13CD_FAE0_CA3A, 0x2669_4FBB_4E82_EBC3))
    static let frobY1 = Fp2(
        c0: Fp(0xE4BB_DD0C_2936_B629, 0xBB30_F162_E133_BACB, 0x31A9_D1B6_F964_5366, 0x2535_70BE_A500_F8DD),
        c1: Fp(0xA1D7_7CE4_5FFE_77C7, 0x07AF_FD11_7826_D1DB, 0x6D16_BD27_BB7E_DC6B, 0x2C87_2002_85DE_FECC))
    /// ξ^((p²−1)/3) ∈ F_p; ξ^((p²−1)/2) = −1, so −π²(x, y) = (x·γ, y).
    static let frobX2 = Fp(0x3350_C88E_13E8_0B9C, 0x7DCE_557C_DB5E_56B9, 0x6001_B4B8_B615_564A, 0x2682_E617_0202_17E0)

    /// 3b' = 9/ξ, for the doubling step (Montgomery form, computed once from the curve constant).
    static let threeTwistB = BN254Curve.twistB + BN254Curve.twistB + BN254Curve.twistB

    /// A line after the D-type untwisting (x, y) ↦ (x·w², y·w³), scaled into l0 + l1·w + l2·v·w with
    /// l0 = y·py, l1 = x·px, l2 = constant (the only non-zero coefficients after untwisting).
    @inline(__always)
    private static func place(_ l: LineCoefficients<Fp2>?, px: Fp, py: Fp) -> Fp12 {
        guard let l else { return .one }
        return Fp12(c0: Fp6(c0: l.yCoefficient.scaled(by: py), c1: .zero, c2: .zero),
                    c1: Fp6(c0: l.xCoefficient.scaled(by: px), c1: l.constant, c2: .zero))
    }

    /// The optimal ate Miller loop f_{6u+2,Q}(P) · l_{[6u+2]Q, π(Q)}(P) · l_{.., −π²(Q)}(P), for
    /// affine P ∈ G1 and Q ∈ G2 (neither at infinity).
    static func millerLoop(px: Fp, py: Fp, qx: Fp2, qy: Fp2) -> Fp12 {
        var f = Fp12.one
        var t = TwistPoint(x: qx, y: qy, z: Fp2.one)
        for i in (0..<(ateLoopBits - 1)).reversed() {
            f = f.squared() * place(MillerSteps.double(&t, threeB: threeTwistB), px: px, py: py)
            if (ateLoopCount >> UInt64(i)) & 1 == 1 {
                f = f * place(MillerSteps.add(&t, qx: qx, qy: qy, threeB: threeTwistB), px: px, py: py)
            }
        }
        let q1x = qx.conjugate() * frobX1, q1y = qy.conjugate() * frobY1
        f = f * place(MillerSteps.add(&t, qx: q1x, qy: q1y, threeB: threeTwistB), px: px, py: py)
        let q2x = qx.scaled(by: frobX2), q2y = qy
        f = f * place(MillerSteps.add(&t, qx: q2x, qy: q2y, threeB: threeTwistB), px: px, py: py)
        return f
    }
}
