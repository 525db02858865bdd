/// A node of the modified Merkle Patricia trie (Yellow Paper Appendix D, eq. 194–197).
///
/// `hashed` is a node known only by its 32-byte Keccak-256 hash: every node of a trie opened over a
/// witness starts out that way, and is replaced by its decoded form when an update walks through it.
indirect enum TrieNode: Sendable {
    /// The empty trie (encoded as the empty byte array).
    case empty
    /// A leaf: the remaining key nibbles and a non-empty value.
    case leaf(path: [UInt8], value: [UInt8])
    /// An extension: a non-empty shared nibble path and the child (a branch, or `hashed`).
    case extensionNode(path: [UInt8], child: TrieNode)
    /// A branch: 16 children, one per next nibble, and the value of the key that ends here, if any.
    case branch(TrieBranch)
    /// A node not resolved yet, known by its hash (32 bytes).
    case hashed([UInt8])

    var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }
}

/// The payload of a branch node.
struct TrieBranch: Sendable {
    /// Always 16 entries.
    var children: [TrieNode]
    /// Value of the key that ends at this branch; nil (encoded as the empty byte array) when none.
    var value: [UInt8]?

    init() {
        children = [TrieNode](repeating: .empty, count: 16)
        value = nil
    }

    /// Number of non-empty children.
    var childCount: Int {
        var n = 0
        for c in children where !c.isEmpty { n += 1 }
        return n
    }
}
