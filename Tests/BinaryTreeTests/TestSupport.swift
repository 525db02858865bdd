import BinaryTree

typealias Tree = SHA256BinaryTree

/// Parses hex (whitespace ignored) into bytes.
func hexBytes(_ s: String) -> [UInt8] {
    let d = Array(s.filter { !$0.isWhitespace })
    return stride(from: 0, to: d.count, by: 2).map { UInt8(String(d[$0...$0 + 1]), radix: 16)! }
}

func b32(_ s: String) -> Bytes32 { Bytes32(hexBytes(s))! }

/// A key from a 31-byte stem and a subindex.
func key(_ stem: [UInt8], _ sub: UInt8) -> Bytes32 { Bytes32(stem + [sub])! }

func rep(_ b: UInt8, _ n: Int) -> [UInt8] { [UInt8](repeating: b, count: n) }

/// A deterministic xorshift generator for property tests (no system randomness).
struct XorShift {
    var s: UInt64
    init(_ seed: UInt64) { s = seed | 1 }
    mutating func next() -> UInt64 {
        s ^= s << 13; s ^= s >> 7; s ^= s << 17
        return s
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func bytes32() -> Bytes32 { Bytes32(next(), next(), next(), next()) }
}
