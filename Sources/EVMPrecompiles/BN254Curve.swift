typealias G1Point = JacobianPoint<Fp>
typealias G2Point = JacobianPoint<Fp2>

/// Curve constants and the EIP-196/197 point encodings.
enum BN254Curve {
    /// b = 3 (Montgomery form).
    static let b = Fp(0x7A17_CAA9_50AD_28D7, 0x1F6A_C17A_E155_21B9, 0x334B_EA4E_696B_D284, 0x2A1F_6744_CE17_9D8E)
    /// b' = 3/ξ of the twist E': y² = x³ + 3/(9 + i) (Montgomery form).
    static let twistB = Fp2(
        c0: Fp(0x3BF9_38E3_77B8_02A8, 0x020B_1B27_3633_535D, 0x26B7_EDF0_4975_5260, 0x2514_C632_4384_A86D),
        c1: Fp(0x38E7_ECCC_D1DC_FF67, 0x65F0_B37D_93CE_0D3E, 0xD749_D0DD_22AC_00AA, 0x0141_B9CE_4A68_8D4D))
    /// The group order r, little-endian limbs.
    static let order: (UInt64, UInt64, UInt64, UInt64) =
        (0x43E1_F593_F000_0001, 0x2833_E848_79B9_7091, 0xB850_45B6_8181_585D, 0x3064_4E72_E131_A029)

    /// A G1 point from 64 bytes (x ‖ y, big-endian) at `offset`: coordinates < p, on the curve, or
    /// (0, 0) for infinity. G1 has cofactor 1, so being on the curve is membership.
    static func decodeG1(_ input: [UInt8], at offset: Int) -> G1Point? {
        guard let x = Fp.fromBigEndian(input, at: offset), let y = Fp.fromBigEndian(input, at: offset + 32)
        else { return nil }
        if x.isZero && y.isZero { return .infinity }
        guard G1Point.isOnCurve(x: x, y: y, b: b) else { return nil }
        return G1Point(affineX: x, affineY: y)
    }

    /// A G2 point from 128 bytes (x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0, EIP-197's imaginary-first order): each
    /// coordinate < p, on the twist and in the order-r subgroup, or all zero for infinity.
    static func decodeG2(_ input: [UInt8], at offset: Int) -> G2Point? {
        guard let xi = Fp.fromBigEndian(input, at: offset), let xr = Fp.fromBigEndian(input, at: offset + 32),
            let yi = Fp.fromBigEndian(input, at: offset + 64), let yr = Fp.fromBigEndian(input, at: offset + 96)
        else { return nil }
        let x = Fp2(c0: xr, c1: xi), y = Fp2(c0: yr, c1: yi)
        if x.isZero && y.isZero { return .infinity }
        guard G2Point.isOnCurve(x: x, y: y, b: twistB) else { return nil }
        let point = G2Point(affineX: x, affineY: y)
        guard point.multiplied(byLimbs: order).isInfinity else { return nil }
        return point
    }

    /// The 64-byte encoding of a G1 point (infinity as 64 zero bytes).
    static func encodeG1(_ point: G1Point) -> [UInt8] {
        guard let (x, y) = point.affine() else { return [UInt8](repeating: 0, count: 64) }
        var out = [UInt8]()
        out.reserveCapacity(64)
        x.appendBigEndian(to: &out)
        y.appendBigEndian(to: &out)
        return out
    }
}
