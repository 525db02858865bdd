import Crypto

/// secp256r1 (P-256) ECDSA verification on the host through swift-crypto (BoringSSL), with EIP-7951's input
/// rules: r, s in [1, n), the public key a finite point on the curve with coordinates below p.
public enum NativeP256 {
    /// Verifies the signature r‖s of the 32-byte `hash` under the public key x‖y (32 bytes each).
    public static func verify(hash: [UInt8], r: [UInt8], s: [UInt8], x: [UInt8], y: [UInt8]) -> Bool {
        guard hash.count == 32, r.count == 32, s.count == 32, x.count == 32, y.count == 32 else { return false }
        guard let key = try? P256.Signing.PublicKey(rawRepresentation: x + y),
              let signature = try? P256.Signing.ECDSASignature(rawRepresentation: r + s) else { return false }
        return key.isValidSignature(signature, for: RawDigest(bytes: hash))
    }
}

/// A 32-byte message hash handed to ECDSA as it is (EIP-7951 signs a hash, not a message).
struct RawDigest: Digest {
    static var byteCount: Int { 32 }
    let bytes: [UInt8]

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes(body)
    }

    var description: String { "RawDigest(\(bytes.count) bytes)" }
}
