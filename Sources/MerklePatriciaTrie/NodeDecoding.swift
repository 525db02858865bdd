import EVMPrimitives

/// Decoding witness nodes (the inverse of c(J, i), Yellow Paper Appendix D), strictly: only the
/// shapes a canonical trie produces are accepted, so a hostile witness cannot smuggle in a structure
/// the update rules do not expect.
extension TrieNode {
    /// The decoded node whose hash is `hash`, from `store`.
    static func resolve(hash: [UInt8], in store: TrieNodeStore) throws(TrieError) -> TrieNode {
        guard let bytes = store.node(forHash: hash) else { throw .missingNode(hash: hash) }
        guard let item = try? RLP.decode(bytes), let node = fromItem(item) else {
            throw .malformedNode(hash: hash)
        }
        return node
    }

    /// The node that `item` (a decoded node RLP) describes, or nil when it is not a canonical node.
    static func fromItem(_ item: RLPItem) -> TrieNode? {
        guard case .list(let fields) = item else { return nil }
        if fields.count == 2 {
            guard case .bytes(let hp) = fields[0], let (path, isLeaf) = Nibbles.decodeHexPrefix(hp) else { return nil }
            if isLeaf {
                guard case .bytes(let value) = fields[1], !value.isEmpty else { return nil }
                return .leaf(path: path, value: value)
            }
            guard !path.isEmpty, let child = reference(fields[1]) else { return nil }
            switch child {
            case .branch, .hashed: return .extensionNode(path: path, child: child)
            default: return nil  // empty, or an extension/leaf that should have been merged into this path
            }
        }
        if fields.count == 17 {
            var branch = TrieBranch()
            for i in 0..<16 {
                guard let child = reference(fields[i]) else { return nil }
                branch.children[i] = child
            }
            guard case .bytes(let value) = fields[16] else { return nil }
            branch.value = value.isEmpty ? nil : value
            guard branch.childCount + (branch.value == nil ? 0 : 1) >= 2 else { return nil }
            return .branch(branch)
        }
        return nil
    }

    /// The child that a reference n(child) describes: the empty string, a 32-byte hash, or a node
    /// embedded because its RLP is shorter than 32 bytes.
    static func reference(_ item: RLPItem) -> TrieNode? {
        switch item {
        case .bytes(let b):
            if b.isEmpty { return .empty }
            if b.count == 32 { return .hashed(b) }
            return nil
        case .list:
            guard item.encodedLength < 32 else { return nil }
            return fromItem(item)
        }
    }
}
