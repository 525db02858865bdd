/// secp256r1 (NIST P-256) ECDSA verification in Swift (SEC 1 §4.1.4; EIP-7951 input rules), for the guest
/// without accelerators; the host verifies with swift-crypto (`NativeP256`).
public enum Secp256r1 {
    /// EIP-7951 verification of 32-byte `hash`, `r`, `s`, `x`, `y`.
    public static func verify(hash: [UInt8], r: [UInt8], s: [UInt8], x: [UInt8], y: [UInt8]) -> Bool {
        // SCAFFOLD: replaced by the P-256 implementation.
        false
    }
}
