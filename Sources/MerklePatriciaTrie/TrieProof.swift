import EVMPrimitives

/// Producing witnesses: the RLP of the nodes that are referenced by hash (the root, and every node
/// whose RLP is 32 bytes or longer, Yellow Paper eq. 193), i.e. the preimages a `TrieNodeStore`
/// needs to open the trie by its root hash.
extension MerklePatriciaTrie {
    /// The hash-referenced nodes on the path of `key`, root first: enough to `get(key:)` (present or
    /// absent) on a trie opened from the root hash. A witness trie supplies nodes from its store.
    public func proof<H: KeccakHasher>(key: [UInt8], _ hasher: H) throws(TrieError) -> [[UInt8]] {
        let path = Nibbles.of(key)
        var out = [[UInt8]]()
        var node = root
        var byHash = true  // the root is always referenced by its hash
        var at = 0
        while true {
            if case .hashed(let hash) = node {
                guard let bytes = store.node(forHash: hash) else { throw .missingNode(hash: hash) }
                out.append(bytes)
                node = try TrieNode.resolve(hash: hash, in: store)
                byHash = false
                continue
            }
            if byHash || node.isHashReferenced(hasher) {
                if case .empty = node { return out }
                out.append(node.encoded(hasher))
            }
            byHash = false
            switch node {
            case .empty, .leaf, .hashed:
                return out
            case .extensionNode(let p, let child):
                guard Nibbles.commonPrefixLength(p, 0, path, at) == p.count else { return out }
                at += p.count
                node = child
            case .branch(let branch):
                if at == path.count { return out }
                node = branch.children[Int(path[at])]
                at += 1
            }
        }
    }

    /// Every hash-referenced node of the trie, root first, in depth-first order (subtrees that are
    /// still unresolved hashes of a witness trie are not expanded). For the empty trie: none.
    public func allNodes<H: KeccakHasher>(_ hasher: H) -> [[UInt8]] {
        var out = [[UInt8]]()
        if case .empty = root { return out }
        if case .hashed = root { return out }
        out.append(root.encoded(hasher))
        root.collectChildren(into: &out, hasher)
        return out
    }
}

extension TrieNode {
    /// True when a reference to this node is its hash (RLP of 32 bytes or more).
    func isHashReferenced<H: KeccakHasher>(_ hasher: H) -> Bool {
        switch self {
        case .empty: return false
        case .hashed: return true
        default: return encoded(hasher).count >= 32
        }
    }

    /// Appends the hash-referenced nodes below this one.
    func collectChildren<H: KeccakHasher>(into out: inout [[UInt8]], _ hasher: H) {
        switch self {
        case .empty, .leaf, .hashed:
            return
        case .extensionNode(_, let child):
            child.collectSelfAndChildren(into: &out, hasher)
        case .branch(let branch):
            for child in branch.children { child.collectSelfAndChildren(into: &out, hasher) }
        }
    }

    private func collectSelfAndChildren<H: KeccakHasher>(into out: inout [[UInt8]], _ hasher: H) {
        switch self {
        case .empty, .hashed:
            return
        default:
            let rlp = encoded(hasher)
            if rlp.count >= 32 { out.append(rlp) }
            collectChildren(into: &out, hasher)
        }
    }
}
