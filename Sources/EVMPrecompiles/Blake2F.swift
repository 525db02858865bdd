/// The BLAKE2b compression function F (RFC 7693, section 3.2) with a caller-chosen round count,
/// as exposed by the EVM precompile at address 0x09 (EIP-152).
///
/// Input layout (exactly 213 bytes): `rounds` (4 bytes, big-endian) ‖ `h` (8 × 8 bytes, little-endian)
/// ‖ `m` (16 × 8 bytes, little-endian) ‖ `t` (2 × 8 bytes, little-endian) ‖ `f` (1 byte, 0 or 1).
/// Output: the new state `h`, 64 bytes, little-endian words.
public enum Blake2F {
    /// The exact input length the precompile accepts.
    public static let inputLength = 213

    /// The round count (the gas is 1 per round), or nil when the input is not exactly 213 bytes.
    public static func rounds(_ input: [UInt8]) -> UInt32? {
        guard input.count == inputLength else { return nil }
        return UInt32(input[0]) << 24 | UInt32(input[1]) << 16 | UInt32(input[2]) << 8 | UInt32(input[3])
    }

    /// Runs F; nil when the input is not 213 bytes or the final-block flag is neither 0 nor 1.
    public static func compress(_ input: [UInt8]) -> [UInt8]? {
        guard let rounds = rounds(input) else { return nil }
        let flag = input[212]
        guard flag <= 1 else { return nil }
        var h = [UInt64](repeating: 0, count: 8)
        var m = [UInt64](repeating: 0, count: 16)
        for i in 0..<8 { h[i] = le64(input, 4 + 8 * i) }
        for i in 0..<16 { m[i] = le64(input, 68 + 8 * i) }
        let t0 = le64(input, 196), t1 = le64(input, 204)

        var v = [UInt64](repeating: 0, count: 16)
        for i in 0..<8 {
            v[i] = h[i]
            v[i + 8] = iv[i]
        }
        v[12] ^= t0
        v[13] ^= t1
        if flag == 1 { v[14] = ~v[14] }

        v.withUnsafeMutableBufferPointer { v in
            m.withUnsafeBufferPointer { m in
                sigma.withUnsafeBufferPointer { sigma in
                    var row = 0
                    for _ in 0..<rounds {
                        let s = row * 16
                        mix(v, 0, 4, 8, 12, m[sigma[s + 0]], m[sigma[s + 1]])
                        mix(v, 1, 5, 9, 13, m[sigma[s + 2]], m[sigma[s + 3]])
                        mix(v, 2, 6, 10, 14, m[sigma[s + 4]], m[sigma[s + 5]])
                        mix(v, 3, 7, 11, 15, m[sigma[s + 6]], m[sigma[s + 7]])
                        mix(v, 0, 5, 10, 15, m[sigma[s + 8]], m[sigma[s + 9]])
                        mix(v, 1, 6, 11, 12, m[sigma[s + 10]], m[sigma[s + 11]])
                        mix(v, 2, 7, 8, 13, m[sigma[s + 12]], m[sigma[s + 13]])
                        mix(v, 3, 4, 9, 14, m[sigma[s + 14]], m[sigma[s + 15]])
                        row = row == 9 ? 0 : row + 1
                    }
                }
            }
        }

        var out = [UInt8]()
        out.reserveCapacity(64)
        for i in 0..<8 {
            let word = h[i] ^ v[i] ^ v[i + 8]
            for b in 0..<8 { out.append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(b)))) }
        }
        return out
    }

    @inline(__always)
    private static func le64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        var word: UInt64 = 0
        for i in 0..<8 { word |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        return word
    }

    @inline(__always)
    private static func rotr(_ x: UInt64, _ n: UInt64) -> UInt64 { (x >> n) | (x << (64 - n)) }

    /// The mixing function G (RFC 7693, section 3.1).
    @inline(__always)
    private static func mix(
        _ v: UnsafeMutableBufferPointer<UInt64>, _ a: Int, _ b: Int, _ c: Int, _ d: Int, _ x: UInt64, _ y: UInt64
    ) {
        v[a] = v[a] &+ v[b] &+ x
        v[d] = rotr(v[d] ^ v[a], 32)
        v[c] = v[c] &+ v[d]
        v[b] = rotr(v[b] ^ v[c], 24)
        v[a] = v[a] &+ v[b] &+ y
        v[d] = rotr(v[d] ^ v[a], 16)
        v[c] = v[c] &+ v[d]
        v[b] = rotr(v[b] ^ v[c], 63)
    }

    private static let iv: [UInt64] = [
        0x6A09_E667_F3BC_C908, 0xBB67_AE85_84CA_A73B, 0x3C6E_F372_FE94_F82B, 0xA54F_F53A_5F1D_36F1,
        0x510E_527F_ADE6_82D1, 0x9B05_688C_2B3E_6C1F, 0x1F83_D9AB_FB41_BD6B, 0x5BE0_CD19_137E_2179,
    ]

    /// The message schedule SIGMA (RFC 7693, section 2.7); round i uses row i mod 10.
    private static let sigma: [Int] = [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    ]
}
