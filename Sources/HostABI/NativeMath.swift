import NativeCrypto

/// 256-bit modular multiplication for U256_MULMOD (docs/ABI.md §3): a·b mod m over 4 little-endian 64-bit
/// limbs each, with m = 0 giving 0 (as the EVM's MULMOD, Yellow Paper Appendix H).
enum U256MulMod {
    static func mulmod(_ a: [UInt64], _ b: [UInt64], _ m: [UInt64]) -> [UInt64] {
        // The 512-bit product, schoolbook (limbs little-endian).
        var p = [UInt64](repeating: 0, count: 8)
        for i in 0..<4 {
            var carry: UInt64 = 0
            for j in 0..<4 {
                let (hi, lo) = a[i].multipliedFullWidth(by: b[j])
                let (s1, c1) = p[i + j].addingReportingOverflow(lo)
                let (s2, c2) = s1.addingReportingOverflow(carry)
                p[i + j] = s2
                carry = hi &+ (c1 ? 1 : 0) &+ (c2 ? 1 : 0)  // hi ≤ 2^64 − 2, so no overflow
            }
            p[i + 4] = carry
        }
        let r = GMPModExp.modexp(base: bigEndian(p), exponent: [1], modulus: bigEndian(m))
        var out = [UInt64](repeating: 0, count: 4)
        for i in 0..<4 {
            var v: UInt64 = 0
            for k in 0..<8 { v = v << 8 | UInt64(r[24 - 8 * i + k]) }
            out[i] = v
        }
        return out
    }

    /// Little-endian limbs to big-endian bytes.
    static func bigEndian(_ limbs: [UInt64]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(limbs.count * 8)
        for l in limbs.reversed() { for k in (0..<8).reversed() { out.append(UInt8(truncatingIfNeeded: l >> (8 * UInt64(k)))) } }
        return out
    }
}

/// secp256k1 point validation (SEC 2 §2.4.1: y² = x³ + 7 over F_p) for SECP256K1_VERIFY's "malformed public
/// key" status.
enum Secp256k1Point {
    /// p = 2^256 − 2^32 − 977, big-endian.
    static let p: [UInt8] = [UInt8](repeating: 0xFF, count: 27) + [0xFE, 0xFF, 0xFF, 0xFC, 0x2F]

    /// Whether the 64 bytes x‖y (big-endian) are an affine point of the curve with x, y < p.
    static func isOnCurve(_ key: [UInt8]) -> Bool {
        guard key.count == 64 else { return false }
        let x = Array(key[0..<32]), y = Array(key[32..<64])
        guard x.lexicographicallyPrecedes(p), y.lexicographicallyPrecedes(p) else { return false }
        let y2 = GMPModExp.modexp(base: y, exponent: [2], modulus: p)
        var x3 = [0] + GMPModExp.modexp(base: x, exponent: [3], modulus: p)  // 33 bytes, room for the carry
        var carry = 7
        for i in (0..<x3.count).reversed() where carry > 0 {
            let s = Int(x3[i]) + carry
            x3[i] = UInt8(s & 0xFF)
            carry = s >> 8
        }
        let rhs = GMPModExp.modexp(base: x3, exponent: [1], modulus: p)
        return y2 == rhs
    }
}
