import XCTest
import EVMPrimitives
@testable import MerklePatriciaTrie

/// Properties: the root depends only on the final contents, not on the order of operations.
/// Inputs come from a seeded SplitMix64, so runs are reproducible.
final class TriePropertyTests: XCTestCase {
    /// Random operations on short keys from a tiny alphabet (so keys collide, share prefixes and are
    /// prefixes of one another); after each round the trie must match a fresh build of the model.
    func testRandomOperationsMatchFreshBuild() throws {
        var rng = T.SplitMix64(state: 0x5eed)
        for round in 0..<40 {
            var trie = MerklePatriciaTrie()
            var model: [[UInt8]: [UInt8]] = [:]
            let operations = 1 + rng.below(120)
            for _ in 0..<operations {
                let key = (0..<rng.below(4)).map { _ in [0x00, 0x01, 0x10, 0x11, 0xff][rng.below(5)] as UInt8 }
                if rng.below(4) == 0 {
                    try trie.remove(key: key)
                    model[key] = nil
                } else {
                    // Values of 1…40 bytes: nodes both embedded (< 32 bytes) and hashed.
                    let value = rng.bytes(1 + rng.below(40))
                    try trie.insert(key: key, value: value)
                    model[key] = value
                }
            }
            // Deterministic order for the fresh builds: sorted keys, then a seeded shuffle.
            var pairs = model.map { (key: $0.key, value: $0.value) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
            let expected = MerklePatriciaTrie(pairs: pairs).rootHash(T.keccak)
            XCTAssertEqual(trie.rootHash(T.keccak), expected, "round \(round)")
            for i in stride(from: pairs.count - 1, to: 0, by: -1) { pairs.swapAt(i, rng.below(i + 1)) }
            var shuffled = MerklePatriciaTrie()
            for p in pairs { try shuffled.insert(key: p.key, value: p.value) }
            XCTAssertEqual(shuffled.rootHash(T.keccak), expected, "round \(round) shuffled")
            for (k, v) in model { XCTAssertEqual(try trie.get(key: k), v) }
            // Removing everything, in yet another order, gives the empty trie.
            for p in pairs.reversed() { try shuffled.remove(key: p.key) }
            XCTAssertTrue(shuffled.isEmpty)
            XCTAssertEqual(shuffled.rootHash(T.keccak), MerklePatriciaTrie.emptyRootHash)
        }
    }

    /// 32-byte keys (as in the secure state trie): insert 500, remove a random half, re-insert some;
    /// the result equals inserting the surviving set from scratch.
    func testHashedKeysWithRemovals() throws {
        var rng = T.SplitMix64(state: 42)
        var keys = (0..<500).map { _ in rng.bytes(32) }
        var trie = MerklePatriciaTrie()
        var model: [[UInt8]: [UInt8]] = [:]
        for k in keys {
            let v = rng.bytes(1 + rng.below(70))
            try trie.insert(key: k, value: v)
            model[k] = v
        }
        for i in stride(from: keys.count - 1, to: 0, by: -1) { keys.swapAt(i, rng.below(i + 1)) }
        for k in keys.prefix(250) {
            try trie.remove(key: k)
            model[k] = nil
        }
        for k in keys.prefix(50) {
            let v = rng.bytes(5)
            try trie.insert(key: k, value: v)
            model[k] = v
        }
        let fresh = MerklePatriciaTrie(pairs: model.map { (key: $0.key, value: $0.value) })
        XCTAssertEqual(trie.rootHash(T.keccak), fresh.rootHash(T.keccak))
        for k in keys { XCTAssertEqual(try trie.get(key: k), model[k]) }
    }
}
