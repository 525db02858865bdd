import EVMPrimitives

/// KZG proof verification for EIP-4844's point-evaluation precompile (consensus-specs deneb
/// `polynomial-commitments.md` `verify_kzg_proof`), over BLS12-381 and the ceremony's [τ]₂.
public enum KZG {
    /// [τ]₂ = `g2_monomial[1]` of the KZG ceremony's trusted setup (c-kzg-4844 `src/trusted_setup.txt`
    /// line 4100 at commit b7e40988, sha256 d39b9f2d…0f26b7), compressed.
    static let tauG2Compressed: [UInt8] = [
        0xb5, 0xbf, 0xd7, 0xdd, 0x8c, 0xde, 0xb1, 0x28, 0x84, 0x3b, 0xc2, 0x87, 0x23, 0x0a, 0xf3, 0x89,
        0x26, 0x18, 0x70, 0x75, 0xcb, 0xfb, 0xef, 0xa8, 0x10, 0x09, 0xa2, 0xce, 0x61, 0x5a, 0xc5, 0x3d,
        0x29, 0x14, 0xe5, 0x87, 0x0c, 0xb4, 0x52, 0xd2, 0xaf, 0xaa, 0xab, 0x24, 0xf3, 0x49, 0x9f, 0x72,
        0x18, 0x5c, 0xbf, 0xee, 0x53, 0x49, 0x27, 0x14, 0x73, 0x44, 0x29, 0xb7, 0xb3, 0x86, 0x08, 0xe2,
        0x39, 0x26, 0xc9, 0x11, 0xcc, 0xec, 0xea, 0xc9, 0xa3, 0x68, 0x51, 0x47, 0x7b, 0xa4, 0xc6, 0x0b,
        0x08, 0x70, 0x41, 0xde, 0x62, 0x10, 0x00, 0xed, 0xc9, 0x8e, 0xda, 0xda, 0x20, 0xc1, 0xde, 0xf2,
    ]

    /// BLS_MODULUS r, big-endian (deneb `polynomial-commitments.md` §Constants).
    static let blsModulus: [UInt8] = [
        0x73, 0xed, 0xa7, 0x53, 0x29, 0x9d, 0x7d, 0x48, 0x33, 0x39, 0xd8, 0x08, 0x09, 0xa1, 0xd8, 0x05,
        0x53, 0xbd, 0xa4, 0x02, 0xff, 0xfe, 0x5b, 0xfe, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01,
    ]

    /// `verify_kzg_proof`: true or false for well-formed inputs, nil for a malformed commitment, proof or field element.
    public static func verifyProof(commitment: [UInt8], z: [UInt8], y: [UInt8], proof: [UInt8]) -> Bool? {
        guard isFieldElement(z), isFieldElement(y),
              let c = BLS12Compressed.decodeG1(commitment, subgroupCheck: true),
              let pi = BLS12Compressed.decodeG1(proof, subgroupCheck: true),
              let tau = BLS12Compressed.decodeG2(tauG2Compressed, subgroupCheck: false) else { return nil }
        // e(C − [y]G1, −G2) · e(π, [τ]₂ − [z]G2) = 1
        let pMinusY = c + BLS12Curve.g1.multiplied(byBigEndian: y, at: 0).negated()
        let xMinusZ = tau + BLS12Curve.g2.multiplied(byBigEndian: z, at: 0).negated()
        return BLS12Pairing.productIsOne([(pMinusY, BLS12Curve.g2.negated()), (pi, xMinusZ)])
    }

    /// `bytes_to_bls_field`'s check: 32 big-endian bytes holding a value < r.
    static func isFieldElement(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 32 else { return false }
        for i in 0..<32 where bytes[i] != blsModulus[i] { return bytes[i] < blsModulus[i] }
        return false
    }
}
