import EVMPrimitives

/// Ethereum's modified Merkle Patricia trie (Yellow Paper Appendix D): a map from byte-string keys
/// to non-empty byte-string values, committed to by a 32-byte root hash.
///
/// A trie either holds all of its nodes (built empty, by inserts, or from a whole set of pairs with
/// `init(pairs:)`), or is opened over a witness with `init(rootHash:nodes:)`: then every node starts
/// out known only by its hash and is looked up in the witness when an operation walks through it;
/// an operation that needs a node the witness lacks throws `TrieError.missingNode`. Updates on such a
/// partial trie keep untouched subtrees as hashes, so `rootHash` is exact. See docs/MPT.md.
///
/// As in Ethereum, an empty value means "absent": inserting one removes the key.
public struct MerklePatriciaTrie: Sendable {
    var root: TrieNode
    var store: TrieNodeStore

    /// Root hash of the empty trie: Keccak-256(RLP("")) = Keccak-256(0x80).
    public static let emptyRootHash: [UInt8] = [
        0x56, 0xe8, 0x1f, 0x17, 0x1b, 0xcc, 0x55, 0xa6, 0xff, 0x83, 0x45, 0xe6, 0x92, 0xc0, 0xf8, 0x6e,
        0x5b, 0x48, 0xe0, 0x1b, 0x99, 0x6c, 0xad, 0xc0, 0x01, 0x62, 0x2f, 0xb5, 0xe3, 0x63, 0xb4, 0x21,
    ]

    /// The empty trie.
    public init() {
        root = .empty
        store = TrieNodeStore()
    }

    /// The trie whose root hash is `rootHash`, resolved on demand from the witness `nodes`.
    public init(rootHash: [UInt8], nodes: TrieNodeStore) throws(TrieError) {
        guard rootHash.count == 32 else { throw .invalidRootHash }
        store = nodes
        root = rootHash == MerklePatriciaTrie.emptyRootHash ? .empty : .hashed(rootHash)
    }

    /// Adds a node preimage to this trie's witness store (keyed by its hash under `hasher`), e.g. a node
    /// a prover supplies after an operation failed with `missingNode`; the failed operation can be retried.
    public mutating func addWitnessNode<H: KeccakHasher>(_ node: [UInt8], hasher: H) {
        store.add(node, hasher: hasher)
    }

    /// True when the trie holds no key (for a witness trie: when its root is the empty root).
    public var isEmpty: Bool { root.isEmpty }

    /// The value stored under `key`, or nil.
    public func get(key: [UInt8]) throws(TrieError) -> [UInt8]? {
        let path = Nibbles.of(key)
        var node = root
        var at = 0
        while true {
            switch node {
            case .empty:
                return nil
            case .hashed(let hash):
                return try store.lookUp(hash: hash, path: path, at: at)
            case .leaf(let p, let value):
                guard path.count - at == p.count, Nibbles.commonPrefixLength(p, 0, path, at) == p.count else { return nil }
                return value
            case .extensionNode(let p, let child):
                guard Nibbles.commonPrefixLength(p, 0, path, at) == p.count else { return nil }
                at += p.count
                node = child
            case .branch(let branch):
                if at == path.count { return branch.value }
                node = branch.children[Int(path[at])]
                at += 1
            }
        }
    }

    /// Stores `value` under `key`; an empty `value` removes the key.
    public mutating func insert(key: [UInt8], value: [UInt8]) throws(TrieError) {
        if value.isEmpty { return try remove(key: key) }
        root = try TrieUpdate.inserting(root, Nibbles.of(key), 0, value, store)
    }

    /// Removes `key` if present. On a witness trie this may need the sibling of the removed leaf,
    /// when its branch collapses.
    public mutating func remove(key: [UInt8]) throws(TrieError) {
        if let newRoot = try TrieUpdate.removing(root, Nibbles.of(key), 0, store) {
            root = newRoot
        }
    }

    /// The root hash (Yellow Paper eq. 192): Keccak-256 of the root node's RLP.
    public func rootHash<H: KeccakHasher>(_ hasher: H) -> [UInt8] {
        root.rootHash(hasher)
    }
}
