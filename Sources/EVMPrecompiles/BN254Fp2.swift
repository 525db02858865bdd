/// The quadratic extension F_p² = F_p[i]/(i² + 1) of BN254 (EIP-197, section "Definition of the
/// groups"): c0 + c1·i. EIP-197 encodes it as (c1, c0), the imaginary part first.
struct Fp2: TowerBaseField {
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

extension Fp2 {
    /// γ_k = ξ^(k(p−1)/6) for ξ = 9 + i (`TowerBaseField`).
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

}
