import EVMPrimitives
import NativeCrypto

/// The transfer signature scheme (docs/ROLLUP.md §6): secp256k1 over
/// keccak256("RVX-TOKEN-ROLLUP-V1" ‖ chain_id u64 BE ‖ nonce u64 BE ‖ to 20 ‖ amount 32), low s (EIP-2),
/// v = recovery id 0/1; the sender is the address of the recovered public key.
public enum TokenSignature {
    public static let domain: [UInt8] = Array("RVX-TOKEN-ROLLUP-V1".utf8)

    /// The signed message (87 bytes).
    public static func message(chainId: UInt64, nonce: UInt64, to: TokenAddress, amount: TokenAmount) -> [UInt8] {
        var m = domain
        m += bigEndian(chainId)
        m += bigEndian(nonce)
        m += to.bytes
        m += amount.bytes
        return m
    }

    /// The hash that is signed.
    public static func hash(chainId: UInt64, nonce: UInt64, to: TokenAddress, amount: TokenAmount) -> [UInt8] {
        Keccak256.hash(message(chainId: chainId, nonce: nonce, to: to, amount: amount))
    }

    /// The sender of a transfer under the STF's rules, or nil if the signature is invalid.
    public static func sender(of t: SignedTransfer, chainId: UInt64) -> TokenAddress? {
        guard t.v <= 1, Secp256k1.isLowS(t.s) else { return nil }
        let h = hash(chainId: chainId, nonce: t.nonce, to: t.to, amount: t.amount)
        guard let pub = Secp256k1.recover(hash: h, recid: t.v, r: t.r, s: t.s) else { return nil }
        return TokenAddress(uncheckedBytes: Array(Keccak256.hash(pub)[12..<32]))
    }

    static func bigEndian(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (56 - 8 * UInt64($0))) } }
}

/// A rollup account key pair derived deterministically from a seed (docs/ROLLUP.md §8): the secret key is
/// keccak256("rvx-token-key" ‖ seed u64 BE ‖ index u64 BE ‖ attempt u8), the first attempt that is a valid scalar.
public struct TokenKey: Sendable {
    public let secretKey: [UInt8]
    public let publicKey: [UInt8]
    public let address: TokenAddress

    /// The key pair from an explicit secret key, or nil if it is not a valid secp256k1 scalar.
    public init?(secretKey: [UInt8]) {
        guard let pub = Secp256k1.publicKey(fromSecretKey: secretKey) else { return nil }
        self.secretKey = secretKey
        publicKey = pub
        address = TokenAddress(uncheckedBytes: Array(Keccak256.hash(pub)[12..<32]))
    }

    /// The `index`-th key of `seed`.
    public init(seed: UInt64, index: UInt64) {
        var attempt: UInt8 = 0
        while true {
            let sk = Keccak256.hash(Array("rvx-token-key".utf8) + TokenSignature.bigEndian(seed)
                                    + TokenSignature.bigEndian(index) + [attempt])
            if let k = TokenKey(secretKey: sk) { self = k; return }
            attempt &+= 1 // a keccak output ≥ n or = 0 has probability < 2^-127
        }
    }

    /// Signs a transfer.
    public func sign(chainId: UInt64, nonce: UInt64, to: TokenAddress, amount: TokenAmount) -> SignedTransfer {
        let h = TokenSignature.hash(chainId: chainId, nonce: nonce, to: to, amount: amount)
        // libsecp256k1 signs with RFC 6979 nonces and low s; a valid key and 32-byte hash always sign.
        let sig = Secp256k1.sign(hash: h, secretKey: secretKey)!
        return SignedTransfer(nonce: nonce, to: to, amount: amount, r: sig.r, s: sig.s, v: sig.recid)
    }
}
