/// The quadratic extension F_p² = F_p[u]/(u² + 1) of BLS12-381 (EIP-2537 §"Fine points and encoding"):
/// c0 + c1·u, encoded c0 ‖ c1. The tower above it uses ξ = 1 + u.
struct BLS12Fp2: TowerBaseField {
    var c0: BLS12Fp, c1: BLS12Fp

    @inline(__always) init(c0: BLS12Fp, c1: BLS12Fp) { self.c0 = c0; self.c1 = c1 }

    static let zero = BLS12Fp2(c0: .zero, c1: .zero)
    static let one = BLS12Fp2(c0: .one, c1: .zero)

    var isZero: Bool { c0.isZero && c1.isZero }

    @inline(__always) static func + (a: BLS12Fp2, b: BLS12Fp2) -> BLS12Fp2 { BLS12Fp2(c0: a.c0 + b.c0, c1: a.c1 + b.c1) }
    @inline(__always) static func - (a: BLS12Fp2, b: BLS12Fp2) -> BLS12Fp2 { BLS12Fp2(c0: a.c0 - b.c0, c1: a.c1 - b.c1) }

    /// Karatsuba: three base-field products.
    @inline(__always)
    static func * (a: BLS12Fp2, b: BLS12Fp2) -> BLS12Fp2 {
        let t0 = a.c0 * b.c0, t1 = a.c1 * b.c1
        return BLS12Fp2(c0: t0 - t1, c1: (a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1)
    }

    @inline(__always)
    func scaled(by s: BLS12Fp) -> BLS12Fp2 { BLS12Fp2(c0: c0 * s, c1: c1 * s) }

    /// (c0 + c1·u)² = (c0 + c1)(c0 − c1) + 2·c0·c1·u.
    @inline(__always)
    func squared() -> BLS12Fp2 {
        let m = c0 * c1
        return BLS12Fp2(c0: (c0 + c1) * (c0 - c1), c1: m.doubled())
    }

    @inline(__always) func doubled() -> BLS12Fp2 { self + self }
    @inline(__always) func negated() -> BLS12Fp2 { BLS12Fp2(c0: c0.negated(), c1: c1.negated()) }
    @inline(__always) func conjugate() -> BLS12Fp2 { BLS12Fp2(c0: c0, c1: c1.negated()) }

    /// Multiplication by ξ = 1 + u: (c0 − c1) + (c0 + c1)·u.
    @inline(__always)
    func mulByXi() -> BLS12Fp2 { BLS12Fp2(c0: c0 - c1, c1: c0 + c1) }

    /// The norm c0² + c1² ∈ F_p.
    var norm: BLS12Fp { c0.squared() + c1.squared() }

    func inverse() -> BLS12Fp2 {
        let n = norm.inverse()
        return BLS12Fp2(c0: c0 * n, c1: (c1 * n).negated())
    }

    /// RFC 9380 §4.1 `sgn0` for m = 2: sgn0(c0), or sgn0(c1) when c0 = 0.
    var sgn0: Bool { c0.sgn0 || (c0.isZero && c1.sgn0) }

    /// Whether the element is a square: exactly when its norm is a square in F_p.
    var isSquare: Bool { norm.isSquare }

    /// self^e for an exponent given as little-endian limbs.
    func power(_ e: [UInt64]) -> BLS12Fp2 {
        var result = BLS12Fp2.one
        for limb in e.reversed() {
            for bit in (0..<64).reversed() {
                result = result.squared()
                if (limb >> UInt64(bit)) & 1 == 1 { result = result * self }
            }
        }
        return result
    }

    /// A square root, or nil for a non-square: Adj and Rodríguez-Henríquez, "Square root computation over
    /// even extension fields" (2014), Algorithm 9 (p ≡ 3 mod 4), confirmed by squaring.
    func squareRoot() -> BLS12Fp2? {
        if isZero { return .zero }
        // (p − 3)/4
        let a1 = power([0xEE7F_BFFF_FFFF_EAAA, 0x07AA_FFFF_AC54_FFFF, 0xD9CC_34A8_3DAC_3D89,
                        0xD91D_D2E1_3CE1_44AF, 0x92C6_E9ED_90D2_EB35, 0x0680_447A_8E5F_F9A6])
        let alpha = a1 * (a1 * self)
        let x0 = a1 * self
        let minusOne = BLS12Fp2(c0: BLS12Fp.one.negated(), c1: .zero)
        let x: BLS12Fp2
        if alpha == minusOne {
            x = BLS12Fp2(c0: x0.c1.negated(), c1: x0.c0)  // u·x0
        } else {
            // (p − 1)/2
            let b = (alpha + .one).power([0xDCFF_7FFF_FFFF_D555, 0x0F55_FFFF_58A9_FFFF, 0xB398_6950_7B58_7B12,
                                          0xB23B_A5C2_79C2_895F, 0x258D_D3DB_21A5_D66B, 0x0D00_88F5_1CBF_F34D])
            x = b * x0
        }
        return x.squared() == self ? x : nil
    }
}

extension BLS12Fp2 {
    static let gamma1 = BLS12Fp2(c0: BLS12Fp(0x0708_9552_B319_D465, 0xC669_5F92_B50A_8313, 0x97E8_3CCC_D117_228F, 0xA35B_AECA_B2DC_29EE, 0x1CE3_93EA_5DAA_CE4D, 0x08F2_220F_B0FB_66EB),
        c1: BLS12Fp(0xB2F6_6AAD_4CE5_D646, 0x5842_A06B_FC49_7CEC, 0xCF48_95D4_2599_D394, 0xC11B_9CBA_40A8_E8D0, 0x2E38_13CB_E5A0_DE89, 0x110E_EFDA_8884_7FAF))
    static let gamma2 = BLS12Fp2(c0: BLS12Fp(0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000),
        c1: BLS12Fp(0xCD03_C9E4_8671_F071, 0x5DAB_2246_1FCD_A5D2, 0x5870_42AF_D385_1B95, 0x8EB6_0EBE_01BA_CB9E, 0x03F9_7D6E_83D0_50D2, 0x18F0_2065_5463_8741))
    static let gamma3 = BLS12Fp2(c0: BLS12Fp(0x7BCF_A7A2_5AA3_0FDA, 0xDC17_DEC1_2A92_7E7C, 0x2F08_8DD8_6B4E_BEF1, 0xD1CA_2087_DA74_D4A7, 0x2DA2_5966_96CE_BC1D, 0x0E2B_7EED_BBFD_87D2),
        c1: BLS12Fp(0x7BCF_A7A2_5AA3_0FDA, 0xDC17_DEC1_2A92_7E7C, 0x2F08_8DD8_6B4E_BEF1, 0xD1CA_2087_DA74_D4A7, 0x2DA2_5966_96CE_BC1D, 0x0E2B_7EED_BBFD_87D2))
    static let gamma4 = BLS12Fp2(c0: BLS12Fp(0x890D_C9E4_8675_45C3, 0x2AF3_2253_3285_A5D5, 0x5088_0866_309B_7E2C, 0xA20D_1B8C_7E88_1024, 0x14E4_F04F_E2DB_9068, 0x14E5_6D3F_1564_853A),
        c1: BLS12Fp(0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000))
    static let gamma5 = BLS12Fp2(c0: BLS12Fp(0x82D8_3CF5_0DBC_E43F, 0xA281_3E53_DF9D_018F, 0xC6F0_CAA5_3C65_E181, 0x7525_CF52_8D50_FE95, 0x4A85_ED50_F479_8A6B, 0x171D_A0FD_6CF8_EEBD),
        c1: BLS12Fp(0x3726_C30A_F242_C66C, 0x7C2A_C1AA_D1B6_FE70, 0xA040_07FB_BA4B_14A2, 0xEF51_7C32_6634_1429, 0x0095_BA65_4ED2_226B, 0x02E3_70EC_CC86_F7DD))
}
