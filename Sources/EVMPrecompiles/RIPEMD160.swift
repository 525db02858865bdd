/// RIPEMD-160 (Dobbertin, Bosselaers, Preneel, 1996; ISO/IEC 10118-3), the hash behind the EVM
/// precompile at address 0x03 (Ethereum Yellow Paper, Appendix E).
///
/// Returns the 20-byte digest. Left-padding it to a 32-byte word is the EVM's job.
public enum RIPEMD160 {
    /// Hashes `data` and returns the 20-byte digest.
    public static func hash(_ data: [UInt8]) -> [UInt8] {
        var state = State(h0: 0x6745_2301, h1: 0xEFCD_AB89, h2: 0x98BA_DCFE, h3: 0x1032_5476, h4: 0xC3D2_E1F0)
        var block = [UInt32](repeating: 0, count: 16)
        let fullBlocks = data.count / 64
        for b in 0..<fullBlocks {
            let base = b * 64
            for i in 0..<16 {
                let o = base + 4 * i
                block[i] = UInt32(data[o]) | UInt32(data[o + 1]) << 8
                    | UInt32(data[o + 2]) << 16 | UInt32(data[o + 3]) << 24
            }
            compress(&state, block)
        }
        // Padding: 0x80, zeros, then the message length in bits as a little-endian 64-bit word.
        var tail = [UInt8](data[(fullBlocks * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(truncatingIfNeeded: data.count) &* 8
        for i in 0..<8 { tail.append(UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i)))) }
        var offset = 0
        while offset < tail.count {
            for i in 0..<16 {
                let o = offset + 4 * i
                block[i] = UInt32(tail[o]) | UInt32(tail[o + 1]) << 8
                    | UInt32(tail[o + 2]) << 16 | UInt32(tail[o + 3]) << 24
            }
            compress(&state, block)
            offset += 64
        }
        var out = [UInt8]()
        out.reserveCapacity(20)
        for word in [state.h0, state.h1, state.h2, state.h3, state.h4] {
            for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: word >> (8 * UInt32(i)))) }
        }
        return out
    }

    private struct State {
        var h0: UInt32, h1: UInt32, h2: UInt32, h3: UInt32, h4: UInt32
    }

    // Message word selection for the left (r) and right (r') lines.
    private static let rl: [Int] = [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        7, 4, 13, 1, 10, 6, 15, 3, 12, 0, 9, 5, 2, 14, 11, 8,
        3, 10, 14, 4, 9, 15, 8, 1, 2, 7, 0, 6, 13, 11, 5, 12,
        1, 9, 11, 10, 0, 8, 12, 4, 13, 3, 7, 15, 14, 5, 6, 2,
        4, 0, 5, 9, 7, 12, 2, 10, 14, 1, 3, 8, 11, 6, 15, 13,
    ]
    private static let rr: [Int] = [
        5, 14, 7, 0, 9, 2, 11, 4, 13, 6, 15, 8, 1, 10, 3, 12,
        6, 11, 3, 7, 0, 13, 5, 10, 14, 15, 8, 12, 4, 9, 1, 2,
        15, 5, 1, 3, 7, 14, 6, 9, 11, 8, 12, 2, 10, 0, 4, 13,
        8, 6, 4, 1, 3, 11, 15, 0, 5, 12, 2, 13, 9, 7, 10, 14,
        12, 15, 10, 4, 1, 5, 8, 7, 6, 2, 13, 14, 0, 3, 9, 11,
    ]
    // Rotation amounts for the left (s) and right (s') lines.
    private static let sl: [UInt32] = [
        11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8,
        7, 6, 8, 13, 11, 9, 7, 15, 7, 12, 15, 9, 11, 7, 13, 12,
        11, 13, 6, 7, 14, 9, 13, 15, 14, 8, 13, 6, 5, 12, 7, 5,
        11, 12, 14, 15, 14, 15, 9, 8, 9, 14, 5, 6, 8, 6, 5, 12,
        9, 15, 5, 11, 6, 8, 13, 12, 5, 12, 13, 14, 11, 8, 5, 6,
    ]
    private static let sr: [UInt32] = [
        8, 9, 9, 11, 13, 15, 15, 5, 7, 7, 8, 11, 14, 14, 12, 6,
        9, 13, 15, 7, 12, 8, 9, 11, 7, 7, 12, 7, 6, 15, 13, 11,
        9, 7, 15, 11, 8, 6, 6, 14, 12, 13, 5, 14, 13, 13, 7, 5,
        15, 5, 8, 11, 14, 14, 6, 14, 6, 9, 12, 9, 12, 5, 15, 8,
        8, 5, 12, 9, 12, 5, 14, 6, 8, 13, 6, 5, 15, 13, 11, 11,
    ]
    private static let kl: [UInt32] = [0x0000_0000, 0x5A82_7999, 0x6ED9_EBA1, 0x8F1B_BCDC, 0xA953_FD4E]
    private static let kr: [UInt32] = [0x50A2_8BE6, 0x5C4D_D124, 0x6D70_3EF3, 0x7A6D_76E9, 0x0000_0000]

    @inline(__always)
    private static func rol(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 - n)) }

    /// The five boolean functions f1…f5, selected by round (0…4).
    @inline(__always)
    private static func f(_ round: Int, _ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 {
        switch round {
        case 0: return x ^ y ^ z
        case 1: return (x & y) | (~x & z)
        case 2: return (x | ~y) ^ z
        case 3: return (x & z) | (y & ~z)
        default: return x ^ (y | ~z)
        }
    }

    private static func compress(_ h: inout State, _ x: [UInt32]) {
        var al = h.h0, bl = h.h1, cl = h.h2, dl = h.h3, el = h.h4
        var ar = h.h0, br = h.h1, cr = h.h2, dr = h.h3, er = h.h4
        for j in 0..<80 {
            let round = j >> 4
            var t = rol(al &+ f(round, bl, cl, dl) &+ x[rl[j]] &+ kl[round], sl[j]) &+ el
            al = el; el = dl; dl = rol(cl, 10); cl = bl; bl = t
            t = rol(ar &+ f(4 - round, br, cr, dr) &+ x[rr[j]] &+ kr[round], sr[j]) &+ er
            ar = er; er = dr; dr = rol(cr, 10); cr = br; br = t
        }
        let t = h.h1 &+ cl &+ dr
        h.h1 = h.h2 &+ dl &+ er
        h.h2 = h.h3 &+ el &+ ar
        h.h3 = h.h4 &+ al &+ br
        h.h4 = h.h0 &+ bl &+ cr
        h.h0 = t
    }
}
