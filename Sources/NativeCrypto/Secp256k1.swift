import CSecp256k1

/// ECDSA over secp256k1 (SEC 2, section 2.4.1; SEC 1, section 4.1) through libsecp256k1, with
/// Ethereum's encodings: 32-byte big-endian scalars, 64-byte public keys x‖y without the 0x04 prefix.
public enum Secp256k1 {
    /// The group order n, big-endian.
    public static let order: [UInt8] = hexBytes("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
    /// ⌊n / 2⌋, the largest s a transaction signature may carry after Homestead (EIP-2).
    public static let halfOrder: [UInt8] = hexBytes("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0")

    /// Public-key recovery (SEC 1, section 4.1.6), as the ECRECOVER precompile needs it: high s is
    /// accepted. Returns the 64-byte x‖y, or nil when r or s is zero or ≥ n, `recid` > 3, no curve
    /// point has x = r, or the recovered key is the point at infinity.
    public static func recover(hash: [UInt8], recid: UInt8, r: [UInt8], s: [UInt8]) -> [UInt8]? {
        guard let ctx = Secp256k1Context.shared, hash.count == 32, r.count == 32, s.count == 32, recid <= 3
        else { return nil }
        var sig = secp256k1_ecdsa_recoverable_signature()
        let compact = r + s
        guard secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &sig, compact, Int32(recid)) == 1
        else { return nil }
        var key = secp256k1_pubkey()
        guard secp256k1_ecdsa_recover(ctx, &key, &sig, hash) == 1 else { return nil }
        return serialize(ctx, key)
    }

    /// Standard ECDSA verification (SEC 1, section 4.1.4) of `signature64` (r‖s) over the 32-byte
    /// `hash`. Both low and high s are accepted (the signature is normalised to low s first, since
    /// (r, s) and (r, n − s) are equally valid ECDSA signatures); callers that need the EIP-2 low-s
    /// rule check `isLowS` themselves. `publicKey` is 64 bytes x‖y, 65 bytes 0x04‖x‖y or 33 bytes
    /// compressed. Returns false for any malformed input.
    public static func verify(hash: [UInt8], signature64: [UInt8], publicKey: [UInt8]) -> Bool {
        guard let ctx = Secp256k1Context.shared, hash.count == 32, signature64.count == 64,
            let key = parsePublicKey(ctx, publicKey)
        else { return false }
        var sig = secp256k1_ecdsa_signature()
        guard secp256k1_ecdsa_signature_parse_compact(ctx, &sig, signature64) == 1 else { return false }
        var normalized = secp256k1_ecdsa_signature()
        _ = secp256k1_ecdsa_signature_normalize(ctx, &normalized, &sig)
        var pubkey = key
        return secp256k1_ecdsa_verify(ctx, &normalized, hash, &pubkey) == 1
    }

    /// The 64-byte public key x‖y of a 32-byte secret key, or nil if the key is zero or ≥ n.
    public static func publicKey(fromSecretKey secretKey: [UInt8]) -> [UInt8]? {
        guard let ctx = Secp256k1Context.shared, secretKey.count == 32 else { return nil }
        var key = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_create(ctx, &key, secretKey) == 1 else { return nil }
        return serialize(ctx, key)
    }

    /// Deterministic ECDSA signature (RFC 6979 nonces, libsecp256k1's default) of a 32-byte hash.
    /// s is always low (≤ n/2); `recid` is 0…3 (2 and 3 only when r overflowed n, probability ~2⁻¹²⁷).
    /// Returns nil if the secret key is zero or ≥ n.
    public static func sign(hash: [UInt8], secretKey: [UInt8]) -> (r: [UInt8], s: [UInt8], recid: UInt8)? {
        guard let ctx = Secp256k1Context.shared, hash.count == 32, secretKey.count == 32 else { return nil }
        var sig = secp256k1_ecdsa_recoverable_signature()
        guard secp256k1_ecdsa_sign_recoverable(ctx, &sig, hash, secretKey, nil, nil) == 1 else { return nil }
        var compact = [UInt8](repeating: 0, count: 64)
        var recid: Int32 = 0
        guard secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, &compact, &recid, &sig) == 1
        else { return nil }
        return (Array(compact[0..<32]), Array(compact[32..<64]), UInt8(truncatingIfNeeded: recid))
    }

    /// True when 1 ≤ s ≤ ⌊n/2⌋ (EIP-2: transaction signatures must have low s; the ECRECOVER
    /// precompile does not apply this rule). `s` is 32 bytes big-endian.
    public static func isLowS(_ s: [UInt8]) -> Bool {
        guard s.count == 32, s.contains(where: { $0 != 0 }) else { return false }
        return !lexicographicallyGreater(s, halfOrder)
    }

    /// True when 1 ≤ x < n (a valid r, s or secret key). `x` is 32 bytes big-endian.
    public static func isValidScalar(_ x: [UInt8]) -> Bool {
        guard x.count == 32, x.contains(where: { $0 != 0 }) else { return false }
        return lexicographicallyGreater(order, x)
    }

    // MARK: - Helpers

    private static func serialize(_ ctx: OpaquePointer, _ key: secp256k1_pubkey) -> [UInt8]? {
        var key = key
        var out = [UInt8](repeating: 0, count: 65)
        var length = 65
        guard secp256k1_ec_pubkey_serialize(ctx, &out, &length, &key, UInt32(SECP256K1_EC_UNCOMPRESSED)) == 1,
            length == 65, out[0] == 0x04
        else { return nil }
        return Array(out[1..<65])
    }

    private static func parsePublicKey(_ ctx: OpaquePointer, _ bytes: [UInt8]) -> secp256k1_pubkey? {
        let encoded: [UInt8]
        switch bytes.count {
        case 64: encoded = [0x04] + bytes
        case 65, 33: encoded = bytes
        default: return nil
        }
        var key = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_parse(ctx, &key, encoded, encoded.count) == 1 else { return nil }
        return key
    }

    /// Big-endian comparison of equal-length byte strings: a > b.
    private static func lexicographicallyGreater(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        for i in 0..<min(a.count, b.count) where a[i] != b[i] { return a[i] > b[i] }
        return false
    }

    private static func hexBytes(_ s: String) -> [UInt8] {
        var out = [UInt8]()
        var high: UInt8? = nil
        for c in s.utf8 {
            let v: UInt8 = c <= 57 ? c - 48 : c - 87
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out
    }
}
