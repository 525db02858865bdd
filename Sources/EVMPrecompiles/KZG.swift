import EVMPrimitives

/// KZG proof verification for EIP-4844's point-evaluation precompile (consensus-specs deneb
/// `polynomial-commitments.md` `verify_kzg_proof`), over BLS12-381 and the ceremony's [τ]₂.
public enum KZG {
    /// `verify_kzg_proof`: true or false for well-formed inputs, nil for a malformed commitment, proof or field element.
    public static func verifyProof(commitment: [UInt8], z: [UInt8], y: [UInt8], proof: [UInt8]) -> Bool? {
        // SCAFFOLD: replaced by the KZG implementation.
        nil
    }
}
