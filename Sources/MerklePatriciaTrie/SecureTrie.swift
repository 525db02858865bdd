import EVMPrimitives

/// The "secure" trie of Ethereum's state and storage (Yellow Paper §4.1, the TRIE of KEC(key)):
/// a `MerklePatriciaTrie` whose keys are the Keccak-256 hashes of the given keys.
public struct SecureTrie<H: KeccakHasher> {
    /// The underlying trie, keyed by hashed keys.
    public var trie: MerklePatriciaTrie
    /// The Keccak-256 implementation used for keys and nodes.
    public let hasher: H

    /// The empty secure trie.
    public init(hasher: H) {
        trie = MerklePatriciaTrie()
        self.hasher = hasher
    }

    /// The secure trie holding `pairs` (unhashed keys; the last pair for a key wins; empty values are absent).
    public init(pairs: [(key: [UInt8], value: [UInt8])], hasher: H) {
        trie = MerklePatriciaTrie(pairs: pairs.map { (key: hasher.keccak256($0.key), value: $0.value) })
        self.hasher = hasher
    }

    /// Root hash of the secure trie holding `pairs` (e.g. a state root from address → account RLP,
    /// or a storage root from slot → RLP(value)).
    public static func rootHash(of pairs: [(key: [UInt8], value: [UInt8])], hasher: H) -> [UInt8] {
        SecureTrie(pairs: pairs, hasher: hasher).rootHash()
    }

    /// The secure trie with root `rootHash`, resolved on demand from the witness `nodes`.
    public init(rootHash: [UInt8], nodes: TrieNodeStore, hasher: H) throws(TrieError) {
        trie = try MerklePatriciaTrie(rootHash: rootHash, nodes: nodes)
        self.hasher = hasher
    }

    /// The value stored under Keccak-256(`key`), or nil.
    public func get(key: [UInt8]) throws(TrieError) -> [UInt8]? {
        try trie.get(key: hasher.keccak256(key))
    }

    /// Stores `value` under Keccak-256(`key`); an empty value removes the key.
    public mutating func insert(key: [UInt8], value: [UInt8]) throws(TrieError) {
        try trie.insert(key: hasher.keccak256(key), value: value)
    }

    /// Removes Keccak-256(`key`) if present.
    public mutating func remove(key: [UInt8]) throws(TrieError) {
        try trie.remove(key: hasher.keccak256(key))
    }

    /// The root hash.
    public func rootHash() -> [UInt8] {
        trie.rootHash(hasher)
    }
}
