/// The compressed BLS12-381 point encoding used by the consensus layer and EIP-4844 (the ZCash format that
/// consensus-specs phase0 `bls.md` and deneb `polynomial-commitments.md` `KZGCommitment`/`KZGProof` name):
/// x big-endian (G1: 48 bytes; G2: x.c1 ‖ x.c0, 96 bytes) with three flag bits in the top of byte 0 —
/// 0x80 compressed (required), 0x40 infinity (then every other bit is zero), 0x20 the larger of ±y.
enum BLS12Compressed {
    static let g1Size = 48
    static let g2Size = 96

    private static let compressionFlag: UInt8 = 0x80, infinityFlag: UInt8 = 0x40, signFlag: UInt8 = 0x20

    /// A G1 point from 48 bytes; nil for bad flags, x ≥ p, x off the curve, or (when `subgroupCheck`) a
    /// point outside the order-r subgroup.
    static func decodeG1(_ bytes: [UInt8], subgroupCheck: Bool) -> BLS12G1? {
        guard bytes.count == g1Size, let flags = flags(bytes) else { return nil }
        if flags.infinity { return .infinity }
        guard let x = BLS12Fp.fromBigEndian48(cleared(bytes), at: 0),
              var y = (x.squared() * x + BLS12Curve.b).squareRoot() else { return nil }
        if isLarger(y) != flags.larger { y = y.negated() }
        let point = BLS12G1(affineX: x, affineY: y)
        if subgroupCheck && !BLS12Curve.isInSubgroup(point) { return nil }
        return point
    }

    /// A G2 point from 96 bytes, with the same rules over F_p² and the twist.
    static func decodeG2(_ bytes: [UInt8], subgroupCheck: Bool) -> BLS12G2? {
        guard bytes.count == g2Size, let flags = flags(bytes) else { return nil }
        if flags.infinity { return .infinity }
        let raw = cleared(bytes)
        guard let c1 = BLS12Fp.fromBigEndian48(raw, at: 0), let c0 = BLS12Fp.fromBigEndian48(raw, at: g1Size)
        else { return nil }
        let x = BLS12Fp2(c0: c0, c1: c1)
        guard var y = (x.squared() * x + BLS12Curve.twistB).squareRoot() else { return nil }
        if isLarger(y) != flags.larger { y = y.negated() }
        let point = BLS12G2(affineX: x, affineY: y)
        if subgroupCheck && !BLS12Curve.isInSubgroup(point) { return nil }
        return point
    }

    /// The flag bits; nil without the compression flag, or for an infinity encoding that is not exactly
    /// 0xc0 followed by zeros.
    private static func flags(_ bytes: [UInt8]) -> (infinity: Bool, larger: Bool)? {
        let top = bytes[0]
        guard top & compressionFlag != 0 else { return nil }
        let infinity = top & infinityFlag != 0, larger = top & signFlag != 0
        if infinity {
            guard !larger, top & 0x1F == 0 else { return nil }
            for i in 1..<bytes.count where bytes[i] != 0 { return nil }
        }
        return (infinity, larger)
    }

    private static func cleared(_ bytes: [UInt8]) -> [UInt8] {
        var raw = bytes
        raw[0] &= 0x1F
        return raw
    }

    /// y > (p − 1)/2 as an integer (consensus-specs: "lexicographically largest").
    static func isLarger(_ y: BLS12Fp) -> Bool {
        let v = y.fromMontgomery()
        let h: [UInt64] = [0xDCFF_7FFF_FFFF_D555, 0x0F55_FFFF_58A9_FFFF, 0xB398_6950_7B58_7B12,
                           0xB23B_A5C2_79C2_895F, 0x258D_D3DB_21A5_D66B, 0x0D00_88F5_1CBF_F34D]
        let w = [v.l0, v.l1, v.l2, v.l3, v.l4, v.l5]
        for i in (0..<6).reversed() where w[i] != h[i] { return w[i] > h[i] }
        return false
    }

    /// For F_p²: decided by c1, or by c0 when c1 = 0.
    static func isLarger(_ y: BLS12Fp2) -> Bool { y.c1.isZero ? isLarger(y.c0) : isLarger(y.c1) }
}
