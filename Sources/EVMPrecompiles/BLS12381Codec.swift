import EVMPrimitives

/// The EIP-2537 encodings (§"Fine points and encoding"): a field element is 64 bytes, big-endian, with
/// 16 zero top bytes and a value < p; F_p² is c0 ‖ c1; a G1 point x ‖ y (128 bytes), a G2 point 256 bytes;
/// the point at infinity is all zeros; a scalar is 32 big-endian bytes, not required to be < r.
enum BLS12Codec {
    static let fpSize = 64
    static let g1Size = 128
    static let g2Size = 256
    static let scalarSize = 32

    /// A field element at `offset`; nil for non-zero padding or a value ≥ p.
    static func decodeFp(_ input: [UInt8], at offset: Int) -> BLS12Fp? {
        for i in 0..<16 where input[offset + i] != 0 { return nil }
        return BLS12Fp.fromBigEndian48(input, at: offset + 16)
    }

    static func decodeFp2(_ input: [UInt8], at offset: Int) -> BLS12Fp2? {
        guard let c0 = decodeFp(input, at: offset), let c1 = decodeFp(input, at: offset + fpSize) else { return nil }
        return BLS12Fp2(c0: c0, c1: c1)
    }

    /// A G1 point: both coordinates valid and on the curve (or (0, 0) for infinity), and in the subgroup
    /// when `subgroupCheck` (MSM and pairing inputs; EIP-2537 §"ABI for G1 addition" skips it for ADD).
    static func decodeG1(_ input: [UInt8], at offset: Int, subgroupCheck: Bool) -> BLS12G1? {
        guard let x = decodeFp(input, at: offset), let y = decodeFp(input, at: offset + fpSize) else { return nil }
        if x.isZero && y.isZero { return .infinity }
        guard BLS12Curve.isOnCurve(x, y) else { return nil }
        let point = BLS12G1(affineX: x, affineY: y)
        if subgroupCheck && !BLS12Curve.isInSubgroup(point) { return nil }
        return point
    }

    /// A G2 point, with the same rules over F_p² and the twist.
    static func decodeG2(_ input: [UInt8], at offset: Int, subgroupCheck: Bool) -> BLS12G2? {
        guard let x = decodeFp2(input, at: offset), let y = decodeFp2(input, at: offset + 2 * fpSize) else { return nil }
        if x.isZero && y.isZero { return .infinity }
        guard BLS12Curve.isOnTwist(x, y) else { return nil }
        let point = BLS12G2(affineX: x, affineY: y)
        if subgroupCheck && !BLS12Curve.isInSubgroup(point) { return nil }
        return point
    }

    /// A 32-byte big-endian scalar as little-endian limbs.
    static func decodeScalar(_ input: [UInt8], at offset: Int) -> (UInt64, UInt64, UInt64, UInt64) {
        var w: [UInt64] = [0, 0, 0, 0]
        for limb in 0..<4 {
            for i in 0..<8 { w[limb] = w[limb] << 8 | UInt64(input[offset + 8 * (3 - limb) + i]) }
        }
        return (w[0], w[1], w[2], w[3])
    }

    static func appendFp(_ x: BLS12Fp, to out: inout [UInt8]) {
        for _ in 0..<16 { out.append(0) }
        x.appendBigEndian48(to: &out)
    }

    static func encodeG1(_ point: BLS12G1) -> [UInt8] {
        guard let (x, y) = point.affine() else { return [UInt8](repeating: 0, count: g1Size) }
        var out = [UInt8]()
        out.reserveCapacity(g1Size)
        appendFp(x, to: &out)
        appendFp(y, to: &out)
        return out
    }

    static func encodeG2(_ point: BLS12G2) -> [UInt8] {
        guard let (x, y) = point.affine() else { return [UInt8](repeating: 0, count: g2Size) }
        var out = [UInt8]()
        out.reserveCapacity(g2Size)
        for c in [x.c0, x.c1, y.c0, y.c1] { appendFp(c, to: &out) }
        return out
    }
}
