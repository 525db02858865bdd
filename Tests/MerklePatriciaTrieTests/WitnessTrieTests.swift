import XCTest
import EVMPrimitives
@testable import MerklePatriciaTrie

/// Tries opened over a witness: a root hash plus node preimages.
final class WitnessTrieTests: XCTestCase {
    private let pairs = TrieVectorTests.generatedPairs(300)

    private func full() -> MerklePatriciaTrie { MerklePatriciaTrie(pairs: pairs) }

    private func open(_ root: [UInt8], _ nodes: [[UInt8]]) throws -> MerklePatriciaTrie {
        try MerklePatriciaTrie(rootHash: root, nodes: TrieNodeStore(nodes: nodes, hasher: T.keccak))
    }

    func testFullWitnessAnswersEverything() throws {
        let trie = full()
        let root = trie.rootHash(T.keccak)
        let nodes = trie.allNodes(T.keccak)
        let witness = try open(root, nodes)
        XCTAssertEqual(witness.rootHash(T.keccak), root)
        for p in pairs { XCTAssertEqual(try witness.get(key: p.key), p.value) }
        XCTAssertNil(try witness.get(key: [UInt8](repeating: 0xab, count: 32)))
        XCTAssertNil(try witness.get(key: [0x01]))
    }

    /// Proof shape cross-checked with py-trie's `HexaryTrie.get_proof` on the 1000-pair trie of
    /// TrieVectorTests (key index 5): four nodes of 532, 532, 243 and 40 bytes.
    func testProofMatchesPyTrie() throws {
        let big = MerklePatriciaTrie(pairs: TrieVectorTests.generatedPairs(1000))
        let key = TrieVectorTests.generatedPairs(6)[5].key
        let proof = try big.proof(key: key, T.keccak)
        XCTAssertEqual(proof.map(\.count), [532, 532, 243, 40])
        XCTAssertEqual(T.keccak.keccak256(proof[0]), big.rootHash(T.keccak))
    }

    func testProofOnlyWitness() throws {
        let trie = full()
        let root = trie.rootHash(T.keccak)
        let target = pairs[17]
        let witness = try open(root, try trie.proof(key: target.key, T.keccak))
        XCTAssertEqual(try witness.get(key: target.key), target.value)
        // Another key leaves the proven path at some hashed node the witness lacks.
        let everyHash = Set(trie.allNodes(T.keccak).map { T.keccak.keccak256($0) })
        var missing = 0
        for p in pairs where p.key != target.key {
            do {
                let value = try witness.get(key: p.key)
                XCTAssertEqual(value, p.value)
            } catch {
                guard case .missingNode(let hash) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(everyHash.contains(hash))
                missing += 1
            }
        }
        XCTAssertGreaterThan(missing, 0)
        XCTAssertThrowsError(try open(root, []).get(key: target.key)) {
            XCTAssertEqual($0 as? TrieError, .missingNode(hash: root))
        }
    }

    /// Absence proofs work too: the proof of a key not in the trie shows where it would be.
    func testAbsenceProof() throws {
        let trie = full()
        let absent = [UInt8](repeating: 0x5a, count: 32)
        let witness = try open(trie.rootHash(T.keccak), try trie.proof(key: absent, T.keccak))
        XCTAssertNil(try witness.get(key: absent))
    }

    /// Updating, inserting and removing on a witness trie gives the root the full trie would have.
    /// Removals may need a sibling: the test supplies each node the trie reports missing (which
    /// must be a genuine node of the full trie) and retries, as a witness generator would.
    func testUpdatesOverWitnessMatchFullTrie() throws {
        var reference = full()
        let everyNode = reference.allNodes(T.keccak)
        var known: [[UInt8]: [UInt8]] = [:]
        for n in everyNode { known[T.keccak.keccak256(n)] = n }

        let updated = pairs[3].key, removed = pairs[100].key, removed2 = pairs[101].key
        let inserted = T.keccak.keccak256([0xde, 0xad])
        var nodes: [[UInt8]] = []
        for k in [updated, removed, removed2, inserted] { nodes += try reference.proof(key: k, T.keccak) }
        var store = TrieNodeStore(nodes: nodes, hasher: T.keccak)

        let ops: [(key: [UInt8], value: [UInt8])] = [
            (updated, [1, 2, 3]), (inserted, [UInt8](repeating: 7, count: 40)), (removed, []), (removed2, []),
        ]
        for op in ops { try reference.insert(key: op.key, value: op.value) }

        var fetched = 0
        while true {
            var witness = try MerklePatriciaTrie(rootHash: full().rootHash(T.keccak), nodes: store)
            do {
                for op in ops { try witness.insert(key: op.key, value: op.value) }
                XCTAssertEqual(witness.rootHash(T.keccak), reference.rootHash(T.keccak))
                XCTAssertEqual(try witness.get(key: updated), [1, 2, 3])
                XCTAssertNil(try witness.get(key: removed))
                break
            } catch {
                guard case .missingNode(let hash) = error, let node = known[hash] else { return XCTFail("\(error)") }
                store.add(node, hasher: T.keccak)
                fetched += 1
                XCTAssertLessThan(fetched, 10)
            }
        }
    }

    func testEmptyRootWitness() throws {
        var trie = try open(MerklePatriciaTrie.emptyRootHash, [])
        XCTAssertTrue(trie.isEmpty)
        XCTAssertNil(try trie.get(key: [1, 2, 3]))
        try trie.insert(key: Array("foo".utf8), value: Array("bar".utf8))
        try trie.insert(key: Array("food".utf8), value: Array("bass".utf8))
        XCTAssertEqual(T.hex(trie.rootHash(T.keccak)), "17beaa1648bafa633cda809c90c04af50fc8aed3cb40d16efbddee6fdf63c4c3")
    }

    func testInvalidRootHash() {
        XCTAssertThrowsError(try open([1, 2, 3], [])) { XCTAssertEqual($0 as? TrieError, .invalidRootHash) }
    }

    /// Hostile witnesses: whatever the preimage of the root is, a malformed node is a typed error.
    func testMalformedNodes() throws {
        let leaf = RLPItem.list([.bytes([0x30, 0x01]), .bytes([0x05])])  // leaf, path [0, 0, 1]
        let leafRef = RLPItem.bytes(T.keccak.keccak256(RLPItem.list([.bytes([0x20]), .bytes([UInt8](repeating: 9, count: 40))]).encode()))
        func branch(_ children: [Int: RLPItem], value: [UInt8] = []) -> RLPItem {
            .list((0..<16).map { children[$0] ?? .bytes([]) } + [.bytes(value)])
        }
        let bad: [(String, [UInt8])] = [
            ("not RLP", [0x81, 0x00]),
            ("trailing bytes", leaf.encode() + [0x00]),
            ("a byte string", RLPItem.bytes([UInt8](repeating: 1, count: 40)).encode()),
            ("empty list", [0xc0]),
            ("three items", RLPItem.list([.bytes([0x20]), .bytes([1]), .bytes([1])]).encode()),
            ("bad HP flag", RLPItem.list([.bytes([0x40]), .bytes([1])]).encode()),
            ("bad HP padding", RLPItem.list([.bytes([0x21]), .bytes([1])]).encode()),
            ("leaf with empty value", RLPItem.list([.bytes([0x20]), .bytes([])]).encode()),
            ("leaf value is a list", RLPItem.list([.bytes([0x20]), .list([])]).encode()),
            ("extension with empty path", RLPItem.list([.bytes([0x00]), leafRef]).encode()),
            ("extension to nothing", RLPItem.list([.bytes([0x11]), .bytes([])]).encode()),
            ("extension to an embedded leaf", RLPItem.list([.bytes([0x11]), leaf]).encode()),
            ("31-byte reference", RLPItem.list([.bytes([0x11]), .bytes([UInt8](repeating: 1, count: 31))]).encode()),
            ("branch with one entry", branch([3: leafRef]).encode()),
            ("branch with value list", RLPItem.list((0..<16).map { _ in leafRef } + [.list([])]).encode()),
            ("sixteen items", RLPItem.list((0..<16).map { _ in leafRef }).encode()),
            ("eighteen items", RLPItem.list((0..<18).map { _ in leafRef }).encode()),
            ("long-form header for a short list", [0xf8, 0x02, 0x20, 0x05]),
            ("branch child of 20 bytes", branch([0: .bytes([UInt8](repeating: 1, count: 20)), 7: leafRef]).encode()),
            ("malformed embedded child", branch([0: .list([.bytes([0x20]), .bytes([])]), 7: leafRef]).encode()),
            ("branch child too long to embed", branch([1: .list([.bytes([0x20]), .bytes([UInt8](repeating: 9, count: 40))]), 2: leafRef]).encode()),
        ]
        for (name, node) in bad {
            let hash = T.keccak.keccak256(node)
            let trie = try open(hash, [node])
            XCTAssertThrowsError(try trie.get(key: [0x01]), name) {
                XCTAssertEqual($0 as? TrieError, .malformedNode(hash: hash), name)
            }
            var mutable = trie
            XCTAssertThrowsError(try mutable.insert(key: [0x01], value: [1]), name)
        }
        // Sanity: a well-formed branch with an embedded leaf is accepted.
        let good = branch([0: leaf, 7: leafRef]).encode()
        let trie = try open(T.keccak.keccak256(good), [good])
        XCTAssertEqual(try trie.get(key: [0x00, 0x01]), [0x05])
    }
}
