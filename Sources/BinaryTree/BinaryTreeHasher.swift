import Crypto

/// The hash function of the binary tree (EIP-7864 §"Node merkelization": `hash(value)` before its zero rule).
///
/// EIP-7864 has not fixed the function (its draft uses BLAKE3); rvx makes it a parameter and uses SHA-256 by
/// default. Implementations hash exactly the 32 or 64 input bytes; the tree applies the rule
/// `hash(0^64) = 0^32` itself (`TreeHash`).
public protocol BinaryTreeHasher {
    /// H(a) of the 32 bytes of `a`.
    static func hash(_ a: Bytes32) -> Bytes32
    /// H(a ‖ b) of 64 bytes.
    static func hash(_ a: Bytes32, _ b: Bytes32) -> Bytes32
}

/// SHA-256 (FIPS 180-4) via swift-crypto: the default tree hash of rvx.
public enum SHA256TreeHasher: BinaryTreeHasher {
    @inlinable public static func hash(_ a: Bytes32) -> Bytes32 {
        var buf = (a.w0.bigEndian, a.w1.bigEndian, a.w2.bigEndian, a.w3.bigEndian)
        return withUnsafeBytes(of: &buf) { digest($0) }
    }

    @inlinable public static func hash(_ a: Bytes32, _ b: Bytes32) -> Bytes32 {
        var buf = (
            a.w0.bigEndian, a.w1.bigEndian, a.w2.bigEndian, a.w3.bigEndian,
            b.w0.bigEndian, b.w1.bigEndian, b.w2.bigEndian, b.w3.bigEndian
        )
        return withUnsafeBytes(of: &buf) { digest($0) }
    }

    @usableFromInline static func digest(_ input: UnsafeRawBufferPointer) -> Bytes32 {
        var h = SHA256()
        h.update(bufferPointer: input)
        return h.finalize().withUnsafeBytes { Bytes32(loading: $0.baseAddress!) }
    }
}
