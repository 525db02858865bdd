import Crypto
import EVMPrecompiles
import EVMPrimitives

/// The host's `CryptoProvider` (see `EVMPrimitives/CryptoProvider.swift`): Keccak-256 in Swift,
/// SHA-256 (FIPS 180-4) from swift-crypto, secp256k1 from libsecp256k1 and MODEXP (EIP-198) from GMP.
/// Stateless and freely shareable across threads.
public struct NativeCryptoProvider: CryptoProvider, Sendable {
    public init() {}

    public func keccak256(_ data: [UInt8]) -> [UInt8] { Keccak256.hash(data) }

    public func keccak256Word(_ data: UnsafeRawBufferPointer) -> UInt256 { Keccak256.hashWord(data) }

    public func sha256(_ data: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: data)) }

    /// ECRECOVER semantics: high s is allowed; nil on any invalid signature (see `Secp256k1.recover`).
    public func ecrecover(hash: [UInt8], recid: UInt8, r: [UInt8], s: [UInt8]) -> [UInt8]? {
        Secp256k1.recover(hash: hash, recid: recid, r: r, s: s)
    }

    public func modexp(base: [UInt8], exponent: [UInt8], modulus: [UInt8]) -> [UInt8] {
        GMPModExp.modexp(base: base, exponent: exponent, modulus: modulus)
    }

    /// EIP-2537 operations in Swift (`BLS12381`, compiled natively).
    public func bls12381(_ operation: BLS12Operation, _ input: [UInt8]) -> [UInt8]? {
        BLS12381.run(operation, input)
    }

    /// EIP-4844 `verify_kzg_proof` in Swift (`KZG`).
    public func kzgVerifyProof(commitment: [UInt8], z: [UInt8], y: [UInt8], proof: [UInt8]) -> Bool? {
        KZG.verifyProof(commitment: commitment, z: z, y: y, proof: proof)
    }

    /// EIP-7951 P-256 verification through swift-crypto (`NativeP256`).
    public func p256Verify(hash: [UInt8], r: [UInt8], s: [UInt8], x: [UInt8], y: [UInt8]) -> Bool {
        NativeP256.verify(hash: hash, r: r, s: s, x: x, y: y)
    }

    /// See `Secp256k1.verify` (accepts low and high s).
    public func secp256k1Verify(hash: [UInt8], signature64: [UInt8], publicKey: [UInt8]) -> Bool {
        Secp256k1.verify(hash: hash, signature64: signature64, publicKey: publicKey)
    }

    /// See `Secp256k1.publicKey(fromSecretKey:)`.
    public func secp256k1PublicKey(fromSecretKey secretKey: [UInt8]) -> [UInt8]? {
        Secp256k1.publicKey(fromSecretKey: secretKey)
    }

    /// See `Secp256k1.sign(hash:secretKey:)` (RFC 6979, low s).
    public func secp256k1Sign(hash: [UInt8], secretKey: [UInt8]) -> (r: [UInt8], s: [UInt8], recid: UInt8)? {
        Secp256k1.sign(hash: hash, secretKey: secretKey)
    }

    /// The Ethereum address of a 64-byte public key x‖y: the last 20 bytes of keccak256(x‖y).
    public func address(ofPublicKey publicKey: [UInt8]) -> [UInt8] {
        Array(Keccak256.hash(publicKey)[12..<32])
    }
}
