import EVMPrimitives

/// The node preimages of a witness: RLP-encoded trie nodes, keyed by their Keccak-256 hash, from which
/// a trie known only by its root hash is resolved (see docs/MPT.md, "Witness tries").
///
/// Keys are always computed here, never taken from the witness, so a node found under a hash is
/// that hash's preimage. Lookups only: nothing depends on the dictionary's iteration order.
public struct TrieNodeStore: Sendable {
    var nodes: [[UInt8]: [UInt8]] = [:]

    /// An empty store.
    public init() {}

    /// A store holding `nodes` (each an RLP-encoded trie node), keyed by their hash under `hasher`.
    public init<H: KeccakHasher>(nodes: [[UInt8]], hasher: H) {
        for node in nodes { add(node, hasher: hasher) }
    }

    /// Adds one RLP-encoded node under its hash.
    public mutating func add<H: KeccakHasher>(_ node: [UInt8], hasher: H) {
        nodes[hasher.keccak256(node)] = node
    }

    /// The node whose hash is `hash`, if present.
    public func node(forHash hash: [UInt8]) -> [UInt8]? {
        nodes[hash]
    }

    /// Number of nodes held.
    public var count: Int { nodes.count }
}
