import EVMPrimitives

/// Building a whole trie at once from its key/value pairs, by recursion over the sorted keys: each
/// node is created once, with no intermediate restructuring (the same trie that inserting the pairs
/// one by one gives, Yellow Paper Appendix D).
extension MerklePatriciaTrie {
    /// The trie holding `pairs`. When a key occurs more than once the last pair wins; pairs with an
    /// empty value are absent (as with `insert`).
    public init(pairs: [(key: [UInt8], value: [UInt8])]) {
        let order = Array(pairs.indices).sorted { a, b in
            let ka = pairs[a].key, kb = pairs[b].key
            if ka == kb { return a < b }
            return ka.lexicographicallyPrecedes(kb)
        }
        var keys = [[UInt8]]()
        var values = [[UInt8]]()
        keys.reserveCapacity(order.count)
        values.reserveCapacity(order.count)
        var i = 0
        while i < order.count {
            var last = order[i]
            var j = i + 1
            while j < order.count && pairs[order[j]].key == pairs[last].key {
                last = order[j]
                j += 1
            }
            if !pairs[last].value.isEmpty {
                keys.append(Nibbles.of(pairs[last].key))
                values.append(pairs[last].value)
            }
            i = j
        }
        self.init()
        root = SortedBuild(keys: keys, values: values).node(0, keys.count, 0)
    }

    /// Root hash of the trie holding `pairs` (see `init(pairs:)`).
    public static func rootHash<H: KeccakHasher>(of pairs: [(key: [UInt8], value: [UInt8])], _ hasher: H) -> [UInt8] {
        MerklePatriciaTrie(pairs: pairs).rootHash(hasher)
    }
}

/// Sorted, distinct nibble keys with their values.
struct SortedBuild {
    let keys: [[UInt8]]
    let values: [[UInt8]]

    /// The node holding entries `lo..<hi`, whose keys all share their first `depth` nibbles.
    func node(_ lo: Int, _ hi: Int, _ depth: Int) -> TrieNode {
        if lo == hi { return .empty }
        if hi - lo == 1 { return .leaf(path: Nibbles.slice(keys[lo], depth, keys[lo].count), value: values[lo]) }
        // Sorted keys: the prefix common to all of them is the one common to the first and the last.
        let cp = Nibbles.commonPrefixLength(keys[lo], depth, keys[hi - 1], depth)
        let branch = self.branch(lo, hi, depth + cp)
        return cp == 0 ? branch : .extensionNode(path: Nibbles.slice(keys[lo], depth, depth + cp), child: branch)
    }

    /// The branch holding entries `lo..<hi` (at least two) at `depth`; a key ending here sorts first.
    private func branch(_ lo: Int, _ hi: Int, _ depth: Int) -> TrieNode {
        var branch = TrieBranch()
        var i = lo
        if keys[i].count == depth {
            branch.value = values[i]
            i += 1
        }
        while i < hi {
            let n = keys[i][depth]
            var j = i + 1
            while j < hi && keys[j][depth] == n { j += 1 }
            branch.children[Int(n)] = node(i, j, depth + 1)
            i = j
        }
        return .branch(branch)
    }
}
