import BinaryTree
import Crypto

/// The token rollup's state layout in the EIP-7864-style binary tree (docs/ROLLUP.md §3):
/// stem = SHA-256("TRB1-ACCOUNT" ‖ address)[0..<31]; subindex 0 = balance (u256 big-endian),
/// subindex 1 = nonce (u64 as a 32-byte big-endian integer).
public enum TokenLayout {
    /// Prefix of the account-stem preimage.
    public static let keyDomain: [UInt8] = Array("TRB1-ACCOUNT".utf8)
    public static let balanceSubindex: UInt8 = 0
    public static let nonceSubindex: UInt8 = 1

    /// The 32-byte stem value (last byte zero) of an account.
    public static func stem(_ address: TokenAddress) -> Bytes32 {
        let digest = Array(SHA256.hash(data: keyDomain + address.bytes))
        return Bytes32(digest)!.stem
    }

    /// The key of the account's balance.
    public static func balanceKey(_ address: TokenAddress) -> Bytes32 {
        Bytes32(stem: stem(address), subindex: balanceSubindex)
    }

    /// The key of the account's nonce.
    public static func nonceKey(_ address: TokenAddress) -> Bytes32 {
        Bytes32(stem: stem(address), subindex: nonceSubindex)
    }

    /// The state value of a balance.
    public static func value(_ amount: TokenAmount) -> Bytes32 { Bytes32(amount.bytes)! }

    /// The state value of a nonce.
    public static func value(nonce: UInt64) -> Bytes32 { Bytes32(0, 0, 0, nonce) }

    /// A balance read from the state (absent = 0).
    public static func balance(_ v: Bytes32?) -> TokenAmount { TokenAmount(bigEndian: (v ?? .zero).bytes)! }

    /// A nonce read from the state (absent = 0); `UInt64.max` when it does not fit in 64 bits (the account
    /// can send nothing more).
    public static func nonce(_ v: Bytes32?) -> UInt64 {
        guard let v else { return 0 }
        return (v.w0 | v.w1 | v.w2) != 0 ? UInt64.max : v.w3
    }
}
