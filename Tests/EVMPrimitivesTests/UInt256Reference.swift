import EVMPrimitives

/// A deliberately simple arbitrary-precision natural number (base 2^16 digits, least significant first),
/// independent of `UInt256`'s limb algorithms, used as the test oracle.
struct RefNat: Equatable {
    var d: [UInt32]  // each < 65536

    init(_ digits: [UInt32]) { d = digits; trim() }
    init(_ v: UInt256) {
        var out: [UInt32] = []
        for i in 0..<4 {
            let l = v[limb: i]
            for k in 0..<4 { out.append(UInt32((l >> UInt64(16 * k)) & 0xffff)) }
        }
        self.init(out)
    }

    mutating func trim() { while let l = d.last, l == 0 { d.removeLast() } }
    var isZero: Bool { d.isEmpty }

    /// Reduce modulo 2^256 and convert.
    var u256: UInt256 {
        var r = UInt256.zero
        for (i, x) in d.prefix(16).enumerated() {
            r[limb: i / 4] |= UInt64(x) << UInt64(16 * (i % 4))
        }
        return r
    }

    static func + (a: RefNat, b: RefNat) -> RefNat {
        var out: [UInt32] = []
        var carry: UInt32 = 0
        for i in 0..<max(a.d.count, b.d.count) {
            let s = (i < a.d.count ? a.d[i] : 0) + (i < b.d.count ? b.d[i] : 0) + carry
            out.append(s & 0xffff)
            carry = s >> 16
        }
        out.append(carry)
        return RefNat(out)
    }

    /// a - b, requires a >= b.
    static func - (a: RefNat, b: RefNat) -> RefNat {
        var out: [UInt32] = []
        var borrow: Int64 = 0
        for i in 0..<a.d.count {
            var s = Int64(a.d[i]) - Int64(i < b.d.count ? b.d[i] : 0) - borrow
            if s < 0 { s += 65536; borrow = 1 } else { borrow = 0 }
            out.append(UInt32(s))
        }
        return RefNat(out)
    }

    static func * (a: RefNat, b: RefNat) -> RefNat {
        if a.isZero || b.isZero { return RefNat([]) }
        var out = [UInt64](repeating: 0, count: a.d.count + b.d.count + 1)
        for i in 0..<a.d.count {
            for j in 0..<b.d.count { out[i + j] += UInt64(a.d[i]) * UInt64(b.d[j]) }
            var carry: UInt64 = 0
            for k in 0..<out.count {
                let s = out[k] + carry
                out[k] = s & 0xffff
                carry = s >> 16
            }
        }
        return RefNat(out.map { UInt32($0) })
    }

    static func < (a: RefNat, b: RefNat) -> Bool {
        if a.d.count != b.d.count { return a.d.count < b.d.count }
        for i in stride(from: a.d.count - 1, through: 0, by: -1) where a.d[i] != b.d[i] { return a.d[i] < b.d[i] }
        return false
    }

    var bitCount: Int { d.isEmpty ? 0 : (d.count - 1) * 16 + (32 - d.last!.leadingZeroBitCount) }
    func bit(_ i: Int) -> Bool { i / 16 < d.count && (d[i / 16] >> UInt32(i % 16)) & 1 == 1 }

    func shiftedLeft1(or low: Bool) -> RefNat {
        var out: [UInt32] = []
        var carry: UInt32 = low ? 1 : 0
        for x in d {
            let v = (x << 1) | carry
            out.append(v & 0xffff)
            carry = v >> 16
        }
        out.append(carry)
        return RefNat(out)
    }

    /// Binary long division (one bit at a time).
    static func divMod(_ a: RefNat, _ b: RefNat) -> (RefNat, RefNat) {
        var q = RefNat([])
        var r = RefNat([])
        var i = a.bitCount - 1
        while i >= 0 {
            r = r.shiftedLeft1(or: a.bit(i))
            q = q.shiftedLeft1(or: false)
            if !(r < b) {
                r = r - b
                q = q + RefNat([1])
            }
            i -= 1
        }
        return (q, r)
    }
}

/// SplitMix64, a seeded deterministic generator for the random cases.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A word with a shape likely to hit edge cases: random limbs, some zeroed, some all-ones, random width.
    mutating func word() -> UInt256 {
        var w = UInt256.zero
        for i in 0..<4 {
            switch next() % 6 {
            case 0: w[limb: i] = 0
            case 1: w[limb: i] = .max
            case 2: w[limb: i] = next() % 16
            default: w[limb: i] = next()
            }
        }
        let shift = Int(next() % 4 == 0 ? next() % 256 : 0)
        return w >> shift
    }
}

let two256 = RefNat(UInt256.max) + RefNat([1])

func refNegate(_ v: UInt256) -> UInt256 { v.isZero ? v : (two256 - RefNat(v)).u256 }
