/// Keccak-256 as a generic capability, so that tries and the EVM can hash through a syscall in the
/// RISC-V guest and through Swift code natively, without existentials.
public protocol KeccakHasher {
    /// Keccak-256 (the original Keccak padding, as Ethereum uses it). Returns 32 bytes.
    func keccak256(_ data: [UInt8]) -> [UInt8]

    /// Keccak-256 of the bytes in `data` as a big-endian word (KECCAK256's result), with no intermediate
    /// array where the implementation allows.
    func keccak256Word(_ data: UnsafeRawBufferPointer) -> UInt256
}

extension KeccakHasher {
    /// Through `keccak256(_:)`.
    public func keccak256Word(_ data: UnsafeRawBufferPointer) -> UInt256 {
        UInt256(bigEndian: keccak256(Array(data)))
    }
}

/// The cryptographic primitives that the EVM core does not implement itself.
///
/// The core stays inside the Embedded Swift subset, so it reaches these through a generic parameter,
/// never an existential: natively they are bound to libsecp256k1, swift-crypto and libgmp
/// (`NativeCrypto`); inside the RISC-V EVM guest they are bound to rvx syscalls.
///
/// All byte arrays are big-endian, as on the wire in Ethereum.
public protocol CryptoProvider: KeccakHasher {
    /// SHA-256 (FIPS 180-4). Returns 32 bytes.
    func sha256(_ data: [UInt8]) -> [UInt8]

    /// Recovers the secp256k1 public key that signed `hash` (32 bytes) with the compact signature
    /// `r`‖`s` (32 bytes each) and recovery id `recid` (0 or 1).
    /// Returns the 64-byte uncompressed public key (x‖y, without the 0x04 prefix), or nil when the
    /// signature is invalid (r or s zero or out of range, no curve point for r, …).
    func ecrecover(hash: [UInt8], recid: UInt8, r: [UInt8], s: [UInt8]) -> [UInt8]?

    /// The address that signed `hash` with (`recid`, `r`, `s`): the last 20 bytes of keccak256 of the recovered
    /// public key (Yellow Paper Appendix F), or nil where `ecrecover` gives nil.
    func ecrecoverAddress(hash: UInt256, recid: UInt8, r: UInt256, s: UInt256) -> Address?

    /// base ^ exponent mod modulus (EIP-198 semantics): the result is left-padded to `modulus.count`
    /// bytes, and is all zeros when the modulus is zero.
    func modexp(base: [UInt8], exponent: [UInt8], modulus: [UInt8]) -> [UInt8]

    /// One EIP-2537 BLS12-381 operation over its precompile encoding; nil when the input is invalid (wrong
    /// length, a coordinate ≥ p, a point off the curve or, where EIP-2537 requires it, outside the subgroup).
    func bls12381(_ operation: BLS12Operation, _ input: [UInt8]) -> [UInt8]?

    /// EIP-4844 `verify_kzg_proof(commitment, z, y, proof)` (48, 32, 32 and 48 bytes): true or false for a
    /// well-formed proof, nil when an input is malformed (not a canonical compressed G1 point in the subgroup,
    /// or a field element ≥ the BLS modulus).
    func kzgVerifyProof(commitment: [UInt8], z: [UInt8], y: [UInt8], proof: [UInt8]) -> Bool?

    /// secp256r1 (P-256) ECDSA verification as EIP-7951 defines it: `hash`, `r`, `s`, `x`, `y` are 32 bytes each;
    /// false for r or s outside [1, n), a public key off the curve or at infinity, or a failed check.
    func p256Verify(hash: [UInt8], r: [UInt8], s: [UInt8], x: [UInt8], y: [UInt8]) -> Bool
}

extension CryptoProvider {
    /// Through `ecrecover(hash:recid:r:s:)` and `keccak256(_:)`.
    public func ecrecoverAddress(hash: UInt256, recid: UInt8, r: UInt256, s: UInt256) -> Address? {
        guard let pub = ecrecover(hash: hash.bigEndianBytes, recid: recid, r: r.bigEndianBytes, s: s.bigEndianBytes),
              pub.count == 64 else { return nil }
        return Address(bytes: keccak256(pub))
    }
}
