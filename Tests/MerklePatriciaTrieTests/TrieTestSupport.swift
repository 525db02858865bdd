import EVMPrimitives
@testable import MerklePatriciaTrie

/// Test helpers shared by the trie tests.
enum T {
    static let keccak = SwiftKeccak()

    /// A test-vector string: `0x…` is hex, anything else is its UTF-8 bytes (ethereum/tests convention).
    static func bytes(_ s: String) -> [UInt8] {
        if s.hasPrefix("0x") { return try! Hex.decode(s) }
        return Array(s.utf8)
    }

    static func hex(_ b: [UInt8]) -> String { Hex.encode(b) }

    /// Deterministic pseudo-random numbers (SplitMix64) for property tests.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
    }
}
