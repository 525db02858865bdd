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

    /// f^u by square-and-multiply (u has 63 bits).
    static func powU(_ f: Fp12) -> Fp12 {
        var result = f
        for bit in (0..<62).reversed() {
            result = result.squared()
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
