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

        var state = WorkVector(h: h, t0: t0, t1: t1, lastBlock: flag == 1)
        // The message words in SIGMA's order for each of the 10 rows, so that a round reads them in sequence.
        var schedule = [UInt64](repeating: 0, count: 160)
        for i in 0..<160 { schedule[i] = m[sigma[i]] }
        schedule.withUnsafeBufferPointer { w in
            var row = 0
            for _ in 0..<rounds {
                state.round(w.baseAddress! + row)
                row = row == 144 ? 0 : row + 16
            }
        }

        var out = [UInt8]()
        out.reserveCapacity(64)
        for i in 0..<8 {
            let word = h[i] ^ state.word(i) ^ state.word(i + 8)
            for b in 0..<8 { out.append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(b)))) }
        }
        return out
    }

    /// The local work vector v[0..15] of F (RFC 7693, section 3.2), held in stored properties so that the
    /// rounds keep it in registers.
    struct WorkVector {
        var v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15: UInt64

        /// v[0..7] = h, v[8..15] = IV, v[12] ^= t0, v[13] ^= t1, v[14] inverted for the last block.
        init(h: [UInt64], t0: UInt64, t1: UInt64, lastBlock: Bool) {
            v0 = h[0]; v1 = h[1]; v2 = h[2]; v3 = h[3]; v4 = h[4]; v5 = h[5]; v6 = h[6]; v7 = h[7]
            v8 = Blake2F.iv[0]; v9 = Blake2F.iv[1]; v10 = Blake2F.iv[2]; v11 = Blake2F.iv[3]
            v12 = Blake2F.iv[4] ^ t0; v13 = Blake2F.iv[5] ^ t1
            v14 = lastBlock ? ~Blake2F.iv[6] : Blake2F.iv[6]; v15 = Blake2F.iv[7]
        }

        func word(_ i: Int) -> UInt64 {
            switch i {
            case 0: return v0
            case 1: return v1
            case 2: return v2
            case 3: return v3
            case 4: return v4
            case 5: return v5
            case 6: return v6
            case 7: return v7
            case 8: return v8
            case 9: return v9
            case 10: return v10
            case 11: return v11
            case 12: return v12
            case 13: return v13
            case 14: return v14
            default: return v15
            }
        }

        /// One round: G on the four columns, then on the four diagonals; `w` holds the round's 16 message
        /// words already permuted by its SIGMA row.
        @inline(__always)
        mutating func round(_ w: UnsafePointer<UInt64>) {
            Blake2F.mix(&v0, &v4, &v8, &v12, w[0], w[1])
            Blake2F.mix(&v1, &v5, &v9, &v13, w[2], w[3])
            Blake2F.mix(&v2, &v6, &v10, &v14, w[4], w[5])
            Blake2F.mix(&v3, &v7, &v11, &v15, w[6], w[7])
            Blake2F.mix(&v0, &v5, &v10, &v15, w[8], w[9])
            Blake2F.mix(&v1, &v6, &v11, &v12, w[10], w[11])
            Blake2F.mix(&v2, &v7, &v8, &v13, w[12], w[13])
            Blake2F.mix(&v3, &v4, &v9, &v14, w[14], w[15])
        }
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
    static func mix(_ a: inout UInt64, _ b: inout UInt64, _ c: inout UInt64, _ d: inout UInt64, _ x: UInt64, _ y: UInt64) {
        a = a &+ b &+ x
        d = rotr(d ^ a, 32)
        c = c &+ d
        b = rotr(b ^ c, 24)
        a = a &+ b &+ y
        d = rotr(d ^ a, 16)
        c = c &+ d
        b = rotr(b ^ c, 63)
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
