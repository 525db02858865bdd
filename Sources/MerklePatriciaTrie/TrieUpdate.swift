/// Insertion and removal on trie nodes, keeping the trie canonical (Yellow Paper Appendix D: no
/// empty extension paths, extensions only above branches, branches with at least two entries).
/// Nodes known only by hash are resolved from the witness store as the walk reaches them.
enum TrieUpdate {
    /// `node` with `value` stored under the nibble path `key[at...]`.
    static func inserting(_ node: TrieNode, _ key: [UInt8], _ at: Int, _ value: [UInt8], _ store: TrieNodeStore) throws(TrieError) -> TrieNode {
        switch node {
        case .empty:
            return .leaf(path: Nibbles.slice(key, at, key.count), value: value)
        case .hashed(let hash):
            return try inserting(TrieNode.resolve(hash: hash, in: store), key, at, value, store)
        case .leaf(let path, let oldValue):
            let cp = Nibbles.commonPrefixLength(path, 0, key, at)
            if cp == path.count && cp == key.count - at {
                return .leaf(path: path, value: value)
            }
            var branch = TrieBranch()
            if cp == path.count {
                branch.value = oldValue
            } else {
                branch.children[Int(path[cp])] = .leaf(path: Nibbles.slice(path, cp + 1, path.count), value: oldValue)
            }
            place(value, key, at + cp, in: &branch)
            return wrap(Nibbles.slice(path, 0, cp), .branch(branch))
        case .extensionNode(let path, let child):
            let cp = Nibbles.commonPrefixLength(path, 0, key, at)
            if cp == path.count {
                return .extensionNode(path: path, child: try inserting(child, key, at + cp, value, store))
            }
            var branch = TrieBranch()
            branch.children[Int(path[cp])] = wrap(Nibbles.slice(path, cp + 1, path.count), child)
            place(value, key, at + cp, in: &branch)
            return wrap(Nibbles.slice(path, 0, cp), .branch(branch))
        case .branch(var branch):
            if at == key.count {
                branch.value = value
            } else {
                let n = Int(key[at])
                let child = branch.children[n]
                branch.children[n] = .empty  // drop the reference so the child is uniquely owned below
                branch.children[n] = try inserting(child, key, at + 1, value, store)
            }
            return .branch(branch)
        }
    }

    /// Puts a new leaf for `key[at...]` into a fresh branch: as its value when the key ends here.
    @inline(__always)
    private static func place(_ value: [UInt8], _ key: [UInt8], _ at: Int, in branch: inout TrieBranch) {
        if at == key.count {
            branch.value = value
        } else {
            branch.children[Int(key[at])] = .leaf(path: Nibbles.slice(key, at + 1, key.count), value: value)
        }
    }

    /// `node` behind an extension with `path`, or `node` itself when the path is empty.
    @inline(__always)
    private static func wrap(_ path: [UInt8], _ node: TrieNode) -> TrieNode {
        path.isEmpty ? node : .extensionNode(path: path, child: node)
    }

    /// `node` without the key `key[at...]`, or nil when that key is absent (the node is unchanged).
    static func removing(_ node: TrieNode, _ key: [UInt8], _ at: Int, _ store: TrieNodeStore) throws(TrieError) -> TrieNode? {
        switch node {
        case .empty:
            return nil
        case .hashed(let hash):
            return try removing(TrieNode.resolve(hash: hash, in: store), key, at, store)
        case .leaf(let path, _):
            guard path.count == key.count - at, Nibbles.commonPrefixLength(path, 0, key, at) == path.count else { return nil }
            return .empty
        case .extensionNode(let path, let child):
            guard Nibbles.commonPrefixLength(path, 0, key, at) == path.count,
                  let newChild = try removing(child, key, at + path.count, store) else { return nil }
            return joined(path, newChild)
        case .branch(var branch):
            if at == key.count {
                guard branch.value != nil else { return nil }
                branch.value = nil
            } else {
                let n = Int(key[at])
                guard let newChild = try removing(branch.children[n], key, at + 1, store) else { return nil }
                branch.children[n] = newChild
            }
            return try normalized(branch, store)
        }
    }

    /// The path `path` followed by `node`, merged into one leaf or extension where the node allows.
    private static func joined(_ path: [UInt8], _ node: TrieNode) -> TrieNode {
        switch node {
        case .empty:
            return .empty
        case .leaf(let p, let value):
            return .leaf(path: path + p, value: value)
        case .extensionNode(let p, let child):
            return .extensionNode(path: path + p, child: child)
        case .branch, .hashed:
            return wrap(path, node)
        }
    }

    /// A branch that lost an entry: kept if it still has two, else collapsed into what remains.
    /// Collapsing onto a single child needs that child's node (from the witness, if hashed).
    private static func normalized(_ branch: TrieBranch, _ store: TrieNodeStore) throws(TrieError) -> TrieNode {
        var only = -1
        var count = 0
        for i in 0..<16 where !branch.children[i].isEmpty {
            count += 1
            only = i
        }
        if count + (branch.value == nil ? 0 : 1) >= 2 { return .branch(branch) }
        if count == 0 {
            guard let value = branch.value else { return .empty }
            return .leaf(path: [], value: value)
        }
        var child = branch.children[only]
        if case .hashed(let hash) = child { child = try TrieNode.resolve(hash: hash, in: store) }
        return joined([UInt8(only)], child)
    }
}
