/// SHA-256 (FIPS 180-4 §6.2) specialised to the two input sizes of the tree: 32 bytes (one block) and 64 bytes
/// (two blocks, the second being the constant padding block whose message schedule is precomputed).
///
/// Allocation-free and written for the hot path of witness verification and root recomputation; checked
/// against swift-crypto in the tests.
@usableFromInline enum SHA256Block {
    /// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    @usableFromInline static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// FIPS 180-4 §5.3.3: the initial hash value.
    @usableFromInline static let iv: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]

    /// The message schedule of the padding block that follows a 64-byte message (0x80, zeros, length 512).
    @usableFromInline static let pad64Schedule: [UInt32] = {
        var w = [UInt32](repeating: 0, count: 64)
        w[0] = 0x8000_0000
        w[15] = 512
        w.withUnsafeMutableBufferPointer { expand($0.baseAddress!) }
        return w
    }()

    @inline(__always) @usableFromInline static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &>> n) | (x &<< (32 &- n))
    }

    /// FIPS 180-4 §6.2.2 step 1 for t = 16…63; `w[0..<16]` holds the block.
    @inline(__always) @usableFromInline static func expand(_ w: UnsafeMutablePointer<UInt32>) {
        for t in 16..<64 {
            let a = w[t - 15], b = w[t - 2]
            let s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a &>> 3)
            let s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b &>> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
    }

    /// FIPS 180-4 §6.2.2 steps 2–4: 64 rounds over the schedule `w`, added into `h`.
    @inline(__always) @usableFromInline static func rounds(_ h: UnsafeMutablePointer<UInt32>,
                                                            _ w: UnsafePointer<UInt32>) {
        k.withUnsafeBufferPointer { kb in
            let k = kb.baseAddress!
            var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
            for t in 0..<64 {
                let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                let ch = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ ch &+ k[t] &+ w[t]
                let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                let maj = (a & b) ^ (a & c) ^ (b & c)
                let t2 = s0 &+ maj
                hh = g; g = f; f = e; e = d &+ t1
                d = c; c = b; b = a; a = t1 &+ t2
            }
            h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d
            h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
        }
    }

    @inline(__always) @usableFromInline static func load(_ w: UnsafeMutablePointer<UInt32>, _ at: Int, _ x: Bytes32) {
        w[at] = UInt32(truncatingIfNeeded: x.w0 &>> 32); w[at + 1] = UInt32(truncatingIfNeeded: x.w0)
        w[at + 2] = UInt32(truncatingIfNeeded: x.w1 &>> 32); w[at + 3] = UInt32(truncatingIfNeeded: x.w1)
        w[at + 4] = UInt32(truncatingIfNeeded: x.w2 &>> 32); w[at + 5] = UInt32(truncatingIfNeeded: x.w2)
        w[at + 6] = UInt32(truncatingIfNeeded: x.w3 &>> 32); w[at + 7] = UInt32(truncatingIfNeeded: x.w3)
    }

    @inline(__always) @usableFromInline static func digest(_ h: UnsafePointer<UInt32>) -> Bytes32 {
        Bytes32(UInt64(h[0]) << 32 | UInt64(h[1]), UInt64(h[2]) << 32 | UInt64(h[3]),
                UInt64(h[4]) << 32 | UInt64(h[5]), UInt64(h[6]) << 32 | UInt64(h[7]))
    }

    /// SHA-256 of the 32 bytes of `a`.
    @usableFromInline static func hash(_ a: Bytes32) -> Bytes32 {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 72) { buf in
            let w = buf.baseAddress!, h = w + 64
            load(w, 0, a)
            w[8] = 0x8000_0000
            for i in 9..<15 { w[i] = 0 }
            w[15] = 256
            expand(w)
            iv.withUnsafeBufferPointer { h.update(from: $0.baseAddress!, count: 8) }
            rounds(h, w)
            return digest(h)
        }
    }

    /// SHA-256 of the 64 bytes `a ‖ b`.
    @usableFromInline static func hash(_ a: Bytes32, _ b: Bytes32) -> Bytes32 {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 72) { buf in
            let w = buf.baseAddress!, h = w + 64
            load(w, 0, a)
            load(w, 8, b)
            expand(w)
            iv.withUnsafeBufferPointer { h.update(from: $0.baseAddress!, count: 8) }
            rounds(h, w)
            pad64Schedule.withUnsafeBufferPointer { rounds(h, $0.baseAddress!) }
            return digest(h)
        }
    }
}
