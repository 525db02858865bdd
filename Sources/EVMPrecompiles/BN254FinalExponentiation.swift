/// The final exponentiation f ↦ f^((p¹² − 1)/r) of the BN254 pairing (EIP-197).
///
/// Easy part f^((p⁶ − 1)(p² + 1)) by conjugation, one inversion and one Frobenius; hard part
/// f^((p⁴ − p² + 1)/r) by the addition chain of Scott, Benger, Charlemagne, Dominguez Perez and
/// Kachisa ("On the final exponentiation for calculating pairings on ordinary elliptic curves",
/// Pairing 2009, section 4), with three exponentiations by the BN parameter u. The chain's exponent
/// was checked to equal (p⁴ − p² + 1)/r exactly (k = 1) modulo the cyclotomic group order.
enum BN254FinalExponentiation {
    /// The BN parameter u (p and r are polynomials in u).
    static let u: UInt64 = 0x44E9_92B4_4A69_09F1

    /// γ_k = ξ^(k(p−1)/6), k = 1…5: (a_k·w^k)^p = ā_k·γ_k·w^k.
    static let gamma1 = Fp2(
        c0: Fp(0xAF9B_A696_3314_4907, 0xCA6B_1D73_87AF_B78A, 0x11BD_ED5E_F08A_2087, 0x02F3_4D75_1A1F_3A7C),
        c1: Fp(0xA222_AE23_4C49_2D72, 0xD00F_02A4_565D_E15B, 0xDC2F_F3A2_53DF_C926, 0x10A7_5716_B389_9551))
    static let gamma2 = Fp2(
        c0: Fp(0xB577_3B10_4563_AB30, 0x347F_91C8_A9AA_6454, 0x7A00_7127_242E_0991, 0x1956_BCD8_1182_14EC),
        c1: Fp(0x6E84_9F1E_A0AA_4757, 0xAA1C_7B6D_89F8_9141, 0xB6E7_13CD_FAE0_CA3A, 0x2669_4FBB_4E82_EBC3))
    static let gamma3 = Fp2(
        c0: Fp(0xE4BB_DD0C_2936_B629, 0xBB30_F162_E133_BACB, 0x31A9_D1B6_F964_5366, 0x2535_70BE_A500_F8DD),
        c1: Fp(0xA1D7_7CE4_5FFE_77C7, 0x07AF_FD11_7826_D1DB, 0x6D16_BD27_BB7E_DC6B, 0x2C87_2002_85DE_FECC))
    static let gamma4 = Fp2(
        c0: Fp(0x7361_D77F_843A_BE92, 0xA5BB_2BD3_2734_11FB, 0x9C94_1F31_4B3E_2399, 0x15DF_9CDD_BB9F_D3EC),
        c1: Fp(0x5DDD_FD15_4BD8_C949, 0x62CB_29A5_A444_5B60, 0x37BC_870A_0C7D_D2B9, 0x2483_0A9D_3171_F0FD))
    static let gamma5 = Fp2(
        c0: Fp(0xC970_692F_4169_0FE7, 0xE240_3421_2769_4B0B, 0x32BE_E66B_83C4_59E8, 0x12AA_BCED_0AB0_8841),
        c1: Fp(0x0D48_5D23_40AE_BFA9, 0x0519_3418_AB2F_CC57, 0xD3B0_A40B_8A49_10F5, 0x2F21_EBB5_35D2_925A))

    /// f^p. With f = Σ a_k·w^k (c0 = (a0, a2, a4), c1 = (a1, a3, a5)): a_k ↦ ā_k·γ_k.
    static func frobenius(_ f: Fp12) -> Fp12 {
        Fp12(
            c0: Fp6(c0: f.c0.c0.conjugate(), c1: f.c0.c1.conjugate() * gamma2, c2: f.c0.c2.conjugate() * gamma4),
            c1: Fp6(c0: f.c1.c0.conjugate() * gamma1, c1: f.c1.c1.conjugate() * gamma3,
                    c2: f.c1.c2.conjugate() * gamma5))
    }

    /// Squaring in the cyclotomic subgroup (of order p⁴ − p² + 1, where f lands after the easy part),
    /// after Granger and Scott, "Faster squaring in the cyclotomic subgroup of sixth degree
    /// extensions" (PKC 2010, section 3.1). With f = Σ a_k·w^k, it treats F_p¹² as a cubic extension of
    /// F_p⁴ = F_p²[w³] and squares each F_p⁴ component with two F_p² squarings. Only valid for
    /// cyclotomic elements (checked against `Fp12.squared()` in the tests).
    static func cyclotomicSquare(_ f: Fp12) -> Fp12 {
        // f = A0 + A1·w + A2·w² over F_p⁴ = F_p²[W]/(W² − ξ), W = w³, with A0 = a0 + a3·W,
        // A1 = a1 + a4·W, A2 = a2 + a5·W, and f² = (3A0² − 2Ā0) + (3W·A2² + 2Ā1)·w + (3A1² − 2Ā2)·w².
        let a0 = f.c0.c0, a2 = f.c0.c1, a4 = f.c0.c2, a1 = f.c1.c0, a3 = f.c1.c1, a5 = f.c1.c2
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
        return Fp12(c0: Fp6(c0: z0, c1: z2, c2: z4), c1: Fp6(c0: z1, c1: z3, c2: z5))
    }

    /// f^u by square-and-multiply (u has 63 bits), for cyclotomic f.
    static func powU(_ f: Fp12) -> Fp12 {
        var result = f
        for bit in (0..<62).reversed() {
            result = cyclotomicSquare(result)
            if (u >> UInt64(bit)) & 1 == 1 { result = result * f }
        }
        return result
    }

    /// f^((p¹² − 1)/r). Zero (impossible for Miller-loop output) maps to zero.
    static func apply(_ f: Fp12) -> Fp12 {
        // Easy part: f^(p⁶ − 1) then ^(p² + 1); the result is in the cyclotomic subgroup, where the
        // inverse is the conjugate.
        var m = f.conjugate() * f.inverse()
        m = frobenius(frobenius(m)) * m

        let fu = powU(m), fu2 = powU(fu), fu3 = powU(fu2)
        let fp = frobenius(m)
        let fp2 = frobenius(fp)
        let fp3 = frobenius(fp2)
        let y0 = fp * fp2 * fp3
        let y1 = m.conjugate()
        let y2 = frobenius(frobenius(fu2))
        let y3 = frobenius(fu).conjugate()
        let y4 = (fu * frobenius(fu2)).conjugate()
        let y5 = fu2.conjugate()
        let y6 = (fu3 * frobenius(fu3)).conjugate()

        var t0 = y6.squared() * y4 * y5
        var t1 = y3 * y5 * t0
        t0 = t0 * y2
        t1 = (t1.squared() * t0).squared()
        t0 = t1 * y1
        t1 = t1 * y0
        return t0.squared() * t1
    }
}
