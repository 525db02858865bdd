/// The alt_bn128 (BN254) precompiles: ECADD at 0x06 and ECMUL at 0x07 (EIP-196), and the pairing
/// check at 0x08 (EIP-197). Bytes in, bytes out; nil means the call fails (all gas consumed).
/// Gas is the EVM's concern (EIP-1108 prices).
public enum BN254 {
    /// ECADD: input right-padded with zeros (or truncated) to 128 bytes, two G1 points x‖y; returns the
    /// 64-byte sum. nil if a coordinate is ≥ p or a point is not on the curve; (0, 0) is infinity.
    public static func add(_ input: [UInt8]) -> [UInt8]? {
        let padded = paddedInput(input, to: 128)
        guard let a = BN254Curve.decodeG1(padded, at: 0), let b = BN254Curve.decodeG1(padded, at: 64)
        else { return nil }
        return BN254Curve.encodeG1(a + b)
    }

    /// ECMUL: input right-padded (or truncated) to 96 bytes, a G1 point and a 256-bit big-endian
    /// scalar (any value, not reduced); returns the 64-byte product, nil for an invalid point.
    public static func mul(_ input: [UInt8]) -> [UInt8]? {
        let padded = paddedInput(input, to: 96)
        guard let point = BN254Curve.decodeG1(padded, at: 0) else { return nil }
        return BN254Curve.encodeG1(point.multiplied(byBigEndian: padded, at: 64))
    }

    /// The pairing check: input is k pairs of (G1 64 bytes, G2 128 bytes); returns a 32-byte word 1 if
    /// ∏ e(P_i, Q_i) = 1, else 0 (and 1 for empty input). nil if the length is not a multiple of 192,
    /// a coordinate is ≥ p, a point is off its curve, or a G2 point is not in the order-r subgroup.
    public static func pairing(_ input: [UInt8]) -> [UInt8]? {
        guard input.count % 192 == 0 else { return nil }
        var f = Fp12.one
        var offset = 0
        while offset < input.count {
            guard let p = BN254Curve.decodeG1(input, at: offset),
                let q = BN254Curve.decodeG2(input, at: offset + 64)
            else { return nil }
            offset += 192
            guard !p.isInfinity, !q.isInfinity else { continue }  // e(O, ·) = e(·, O) = 1
            // Decoded points are affine (Z = 1), so X and Y are the affine coordinates.
            f = f * BN254Pairing.millerLoop(px: p.x, py: p.y, qx: q.x, qy: q.y)
        }
        var out = [UInt8](repeating: 0, count: 32)
        if f == Fp12.one || BN254FinalExponentiation.apply(f) == Fp12.one { out[31] = 1 }
        return out
    }

    private static func paddedInput(_ input: [UInt8], to length: Int) -> [UInt8] {
        if input.count == length { return input }
        var out = [UInt8](repeating: 0, count: length)
        for i in 0..<min(length, input.count) { out[i] = input[i] }
        return out
    }
}
