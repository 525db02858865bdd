/// The Keccak-f[1600] permutation (FIPS 202 §3.3–3.4; Keccak reference §1.2): 24 rounds of
/// θ, ρ, π, χ, ι on a 5×5 array of 64-bit lanes.
///
/// Written for speed: the 25 lanes live in locals for all 24 rounds, each round is fully unrolled,
/// and nothing allocates.
extension Keccak256 {
    /// Round constant RC[round] of the ι step (FIPS 202 Algorithms 5–6). A switch, so it compiles to
    /// a constant table: no global initialisation, no reference counting.
    @inline(__always)
    static func roundConstant(_ round: Int) -> UInt64 {
        switch round {
        case 0: return 0x0000_0000_0000_0001
        case 1: return 0x0000_0000_0000_8082
        case 2: return 0x8000_0000_0000_808A
        case 3: return 0x8000_0000_8000_8000
        case 4: return 0x0000_0000_0000_808B
        case 5: return 0x0000_0000_8000_0001
        case 6: return 0x8000_0000_8000_8081
        case 7: return 0x8000_0000_0000_8009
        case 8: return 0x0000_0000_0000_008A
        case 9: return 0x0000_0000_0000_0088
        case 10: return 0x0000_0000_8000_8009
        case 11: return 0x0000_0000_8000_000A
        case 12: return 0x0000_0000_8000_808B
        case 13: return 0x8000_0000_0000_008B
        case 14: return 0x8000_0000_0000_8089
        case 15: return 0x8000_0000_0000_8003
        case 16: return 0x8000_0000_0000_8002
        case 17: return 0x8000_0000_0000_0080
        case 18: return 0x0000_0000_0000_800A
        case 19: return 0x8000_0000_8000_000A
        case 20: return 0x8000_0000_8000_8081
        case 21: return 0x8000_0000_0000_8080
        case 22: return 0x0000_0000_8000_0001
        case 23: return 0x8000_0000_8000_8008
        default: return 0
        }
    }

    /// Applies Keccak-f[1600] to `state` in place.
    public static func keccakF1600(_ state: inout KeccakState) {
        var (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24) = state.lanes
        for round in 0..<24 {
            // θ
            let c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20
            let c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21
            let c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22
            let c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23
            let c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24
            let d0 = c4 ^ (c1 &<< 1 | c1 &>> 63)
            let d1 = c0 ^ (c2 &<< 1 | c2 &>> 63)
            let d2 = c1 ^ (c3 &<< 1 | c3 &>> 63)
            let d3 = c2 ^ (c4 &<< 1 | c4 &>> 63)
            let d4 = c3 ^ (c0 &<< 1 | c0 &>> 63)
            // ρ and π
            let b0 = (a0 ^ d0)
            let t1 = a1 ^ d1; let b10 = t1 &<< 1 | t1 &>> 63
            let t2 = a2 ^ d2; let b20 = t2 &<< 62 | t2 &>> 2
            let t3 = a3 ^ d3; let b5 = t3 &<< 28 | t3 &>> 36
            let t4 = a4 ^ d4; let b15 = t4 &<< 27 | t4 &>> 37
            let t5 = a5 ^ d0; let b16 = t5 &<< 36 | t5 &>> 28
            let t6 = a6 ^ d1; let b1 = t6 &<< 44 | t6 &>> 20
            let t7 = a7 ^ d2; let b11 = t7 &<< 6 | t7 &>> 58
            let t8 = a8 ^ d3; let b21 = t8 &<< 55 | t8 &>> 9
            let t9 = a9 ^ d4; let b6 = t9 &<< 20 | t9 &>> 44
            let t10 = a10 ^ d0; let b7 = t10 &<< 3 | t10 &>> 61
            let t11 = a11 ^ d1; let b17 = t11 &<< 10 | t11 &>> 54
            let t12 = a12 ^ d2; let b2 = t12 &<< 43 | t12 &>> 21
            let t13 = a13 ^ d3; let b12 = t13 &<< 25 | t13 &>> 39
            let t14 = a14 ^ d4; let b22 = t14 &<< 39 | t14 &>> 25
            let t15 = a15 ^ d0; let b23 = t15 &<< 41 | t15 &>> 23
            let t16 = a16 ^ d1; let b8 = t16 &<< 45 | t16 &>> 19
            let t17 = a17 ^ d2; let b18 = t17 &<< 15 | t17 &>> 49
            let t18 = a18 ^ d3; let b3 = t18 &<< 21 | t18 &>> 43
            let t19 = a19 ^ d4; let b13 = t19 &<< 8 | t19 &>> 56
            let t20 = a20 ^ d0; let b14 = t20 &<< 18 | t20 &>> 46
            let t21 = a21 ^ d1; let b24 = t21 &<< 2 | t21 &>> 62
            let t22 = a22 ^ d2; let b9 = t22 &<< 61 | t22 &>> 3
            let t23 = a23 ^ d3; let b19 = t23 &<< 56 | t23 &>> 8
            let t24 = a24 ^ d4; let b4 = t24 &<< 14 | t24 &>> 50
            // χ
            a0 = b0 ^ (~b1 & b2)
            a1 = b1 ^ (~b2 & b3)
            a2 = b2 ^ (~b3 & b4)
            a3 = b3 ^ (~b4 & b0)
            a4 = b4 ^ (~b0 & b1)
            a5 = b5 ^ (~b6 & b7)
            a6 = b6 ^ (~b7 & b8)
            a7 = b7 ^ (~b8 & b9)
            a8 = b8 ^ (~b9 & b5)
            a9 = b9 ^ (~b5 & b6)
            a10 = b10 ^ (~b11 & b12)
            a11 = b11 ^ (~b12 & b13)
            a12 = b12 ^ (~b13 & b14)
            a13 = b13 ^ (~b14 & b10)
            a14 = b14 ^ (~b10 & b11)
            a15 = b15 ^ (~b16 & b17)
            a16 = b16 ^ (~b17 & b18)
            a17 = b17 ^ (~b18 & b19)
            a18 = b18 ^ (~b19 & b15)
            a19 = b19 ^ (~b15 & b16)
            a20 = b20 ^ (~b21 & b22)
            a21 = b21 ^ (~b22 & b23)
            a22 = b22 ^ (~b23 & b24)
            a23 = b23 ^ (~b24 & b20)
            a24 = b24 ^ (~b20 & b21)
            // ι
            a0 ^= roundConstant(round)
        }
        state.lanes = (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24)
    }
}
