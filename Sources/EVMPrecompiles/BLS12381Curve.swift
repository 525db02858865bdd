/// BLS12-381 G1 (y² = x³ + 4 over F_p) and G2 (the M-type twist y² = x³ + 4(1 + u) over F_p²), EIP-2537
/// §"Curve parameters", in Jacobian coordinates.
typealias BLS12G1 = JacobianPoint<BLS12Fp>
typealias BLS12G2 = JacobianPoint<BLS12Fp2>

/// Curve constants, generators and subgroup membership (EIP-2537 §"Curve parameters").
enum BLS12Curve {
    /// b = 4 (Montgomery form).
    static let b = BLS12Fp(0xAA27_0000_000C_FFF3, 0x53CC_0032_FC34_000A, 0x478F_E97A_6B0A_807F,
                           0xB1D3_7EBE_E6BA_24D7, 0x8EC9_733B_BF78_AB2F, 0x09D6_4551_3D83_DE7E)
    /// b' = 4(1 + u) of the twist.
    static let twistB = BLS12Fp2(c0: b, c1: b)

    /// The subgroup order r = 0x73eda753…00000001 (255 bits), little-endian limbs.
    static let order: (UInt64, UInt64, UInt64, UInt64) =
        (0xFFFF_FFFF_0000_0001, 0x53BD_A402_FFFE_5BFE, 0x3339_D808_09A1_D805, 0x73ED_A753_299D_7D48)

    /// |x| for the curve parameter x = −0xd201000000010000.
    static let x: UInt64 = 0xD201_0000_0001_0000

    /// The G1 generator (EIP-2537 §"Curve parameters").
    static let g1 = BLS12G1(
        affineX: BLS12Fp(0x5CB3_8790_FD53_0C16, 0x7817_FC67_9976_FFF5, 0x154F_95C7_143B_A1C1,
                         0xF0AE_6ACD_F3D0_E747, 0xEDCE_6ECC_21DB_F440, 0x1201_7741_9E0B_FB75),
        affineY: BLS12Fp(0xBAAC_93D5_0CE7_2271, 0x8C22_631A_7918_FD8E, 0xDD59_5F13_5707_25CE,
                         0x51AC_5829_5040_5194, 0x0E1C_8C3F_AD00_59C0, 0x0BBC_3EFC_5008_A26A))

    /// The G2 generator.
    static let g2 = BLS12G2(
        affineX: BLS12Fp2(
            c0: BLS12Fp(0xF5F2_8FA2_0294_0A10, 0xB3F5_FB26_87B4_961A, 0xA1A8_93B5_3E2A_E580,
                        0x9894_999D_1A3C_AEE9, 0x6F67_B763_1863_366B, 0x0581_9192_4350_BCD7),
            c1: BLS12Fp(0xA5A9_C075_9E23_F606, 0xAAA0_C59D_BCCD_60C3, 0x3BB1_7E18_E286_7806,
                        0x1B1A_B6CC_8541_B367, 0xC2B6_ED0E_F215_8547, 0x1192_2A09_7360_EDF3)),
        affineY: BLS12Fp2(
            c0: BLS12Fp(0x4C73_0AF8_6049_4C4A, 0x597C_FA1F_5E36_9C5A, 0xE7E6_856C_AA0A_635A,
                        0xBBEF_B5E9_6E0D_495F, 0x07D3_A975_F0EF_25A2, 0x0083_FD8E_7E80_DAE5),
            c1: BLS12Fp(0xADC0_FC92_DF64_B05D, 0x18AA_270A_2B14_61DC, 0x86AD_AC6A_3BE4_EBA0,
                        0x7949_5C4E_C93D_A33A, 0xE717_5850_A43C_CAED, 0x0B2B_C2A1_63DE_1BF2)))

    static func isOnCurve(_ x: BLS12Fp, _ y: BLS12Fp) -> Bool { BLS12G1.isOnCurve(x: x, y: y, b: b) }
    static func isOnTwist(_ x: BLS12Fp2, _ y: BLS12Fp2) -> Bool { BLS12G2.isOnCurve(x: x, y: y, b: twistB) }

    /// Membership of the order-r subgroup: [r]P = O.
    static func isInSubgroup<F>(_ point: JacobianPoint<F>) -> Bool {
        point.multiplied(byLimbs: order).isInfinity
    }
}
