/// The optimal ate pairing on BN254 (Vercauteren, "Optimal pairings", 2010; the EIP-197 check),
/// with the twist E': y² = x³ + 3/ξ of D type, untwisted by (x, y) ↦ (x·w², y·w³).
///
/// The Miller loop runs in affine coordinates on the twist (one F_p² inversion per step — simple and,
/// at ~90 steps, cheap next to the final exponentiation). Vertical lines lie in F_p⁶ and are erased by
/// the final exponentiation, so they are skipped.
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

    /// (p⁶ + 1)/r = (p² + 1)(p⁴ − p² + 1)/r, little-endian limbs: the final exponent after the
    /// easy p⁶ − 1 part.
    static let finalExponent: [UInt64] = [
        0x5250_A540_36E3_F812, 0xA563_5F15_9678_9051, 0xD113_8BF5_4D5B_D1D4, 0xA8CE_2533_BE36_C7A2,
        0x94F6_9F6B_84E0_9BF6, 0x42AD_1F5E_50EF_3644, 0x0FCC_420E_48C3_454C, 0x758E_4408_ECC9_952C,
        0xC901_BF18_87C6_042C, 0xA733_CD65_B14B_B3B5, 0xDF6D_76BD_CF51_B0D8, 0xCA64_C0FD_82EB_59E1,
        0x1D2E_5726_E392_76A1, 0xC2D1_EA74_A391_CAE9, 0x0740_9206_C82D_647E, 0x051C_6D1A_A5AF_DD17,
        0xB37F_6019_1966_7AF5, 0x150E_578C_5084_015B, 0xFBDE_A556_C239_98E4, 0x000F_D14C_C52F_5B83,
    ]

    /// The affine running point of the Miller loop; `infinity` once a vertical line was crossed.
    private struct Running {
        var x: Fp2, y: Fp2, infinity: Bool
    }

    /// The line with slope λ through (xT, yT) on the twist, evaluated at P = (px, py) and untwisted:
    /// py − λ·px·w + (λ·xT − yT)·w³ (w³ = v·w).
    @inline(__always)
    private static func line(lambda: Fp2, xT: Fp2, yT: Fp2, px: Fp, py: Fp) -> Fp12 {
        Fp12(
            c0: Fp6(c0: Fp2(c0: py, c1: .zero), c1: .zero, c2: .zero),
            c1: Fp6(c0: lambda.scaled(by: px).negated(), c1: lambda * xT - yT, c2: .zero))
    }

    /// T ← 2T, returning the tangent line at P (1 for a vertical tangent).
    private static func doubleStep(_ t: inout Running, px: Fp, py: Fp) -> Fp12 {
        if t.infinity { return .one }
        if t.y.isZero { t.infinity = true; return .one }
        let x2 = t.x.squared()
        let lambda = (x2.doubled() + x2) * t.y.doubled().inverse()
        let l = line(lambda: lambda, xT: t.x, yT: t.y, px: px, py: py)
        let x3 = lambda.squared() - t.x.doubled()
        t.y = lambda * (t.x - x3) - t.y
        t.x = x3
        return l
    }

    /// T ← T + Q, returning the chord at P (1 for a vertical chord).
    private static func addStep(_ t: inout Running, qx: Fp2, qy: Fp2, px: Fp, py: Fp) -> Fp12 {
        if t.infinity { t = Running(x: qx, y: qy, infinity: false); return .one }
        if t.x == qx {
            if t.y == qy { return doubleStep(&t, px: px, py: py) }
            t.infinity = true
            return .one
        }
        let lambda = (qy - t.y) * (qx - t.x).inverse()
        let l = line(lambda: lambda, xT: t.x, yT: t.y, px: px, py: py)
        let x3 = lambda.squared() - t.x - qx
        t.y = lambda * (t.x - x3) - t.y
        t.x = x3
        return l
    }

    /// The optimal ate Miller loop f_{6u+2,Q}(P) · l_{[6u+2]Q, π(Q)}(P) · l_{.., −π²(Q)}(P), for
    /// affine P ∈ G1 and Q ∈ G2 (neither at infinity).
    static func millerLoop(px: Fp, py: Fp, qx: Fp2, qy: Fp2) -> Fp12 {
        var f = Fp12.one
        var t = Running(x: qx, y: qy, infinity: false)
        for i in (0..<(ateLoopBits - 1)).reversed() {
            f = f.squared() * doubleStep(&t, px: px, py: py)
            let bit = (ateLoopCount >> UInt64(i)) & 1
            if bit == 1 { f = f * addStep(&t, qx: qx, qy: qy, px: px, py: py) }
        }
        let q1x = qx.conjugate() * frobX1, q1y = qy.conjugate() * frobY1
        f = f * addStep(&t, qx: q1x, qy: q1y, px: px, py: py)
        let q2x = qx.scaled(by: frobX2), q2y = qy
        f = f * addStep(&t, qx: q2x, qy: q2y, px: px, py: py)
        return f
    }

    /// f^((p¹² − 1)/r): the easy part f^(p⁶ − 1) by conjugation and one inversion, then a plain
    /// square-and-multiply by (p⁶ + 1)/r. Zero (impossible for Miller-loop output) maps to zero.
    static func finalExponentiation(_ f: Fp12) -> Fp12 {
        let easy = f.conjugate() * f.inverse()
        var result = Fp12.one
        var started = false
        for limb in finalExponent.reversed() {
            for bit in (0..<64).reversed() {
                if started { result = result.squared() }
                if (limb >> UInt64(bit)) & 1 == 1 {
                    result = started ? result * easy : easy
                    started = true
                }
            }
        }
        return result
    }
}
