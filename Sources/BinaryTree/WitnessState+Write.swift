/// Writes into the verifier's pruned tree (docs/STATE.md §5.2): a write needs the same coverage as a read;
/// inserting a new stem splits a compressed path in place; removal only marks values absent (collapsing is done
/// by `root()`).
extension WitnessState {
    /// Sets `key` to `value`, or makes it absent when `value` is nil. Throws `.incomplete(key)` when the witness
    /// does not cover `key`; the state is unchanged then.
    public mutating func write(key: Bytes32, value: Bytes32?) throws(WitnessError) {
        let s = key.stem
        trail.removeAll(keepingCapacity: true)
        var i = 0
        var d = 0
        while true {
            let n = nodes[i]
            switch n.kind {
            case .internal:
                trail.append(Int32(i))
                i = Int(s.bit(d) == 0 ? n.left : n.right)
                d += 1
                continue
            case .opaque:
                throw .incomplete(key: key)
            case .empty, .value:
                guard let v = value else { return }
                let sub = try newSubtree(key: key, value: v)
                var stem = WitnessNode(kind: .stem, shape: .single)
                stem.left = sub
                stem.aux = s
                stem.dirty = true
                nodes[i] = stem
            case .stem:
                if n.aux == s {
                    guard try writeLeaf(subtree: Int(n.left), key: key, value: value) else { return }
                    nodes[i].dirty = true
                } else {
                    guard let v = value else { return }
                    try split(at: i, depth: d, existing: n.aux, key: key, value: v)
                }
            }
            break
        }
        for t in trail { nodes[Int(t)].dirty = true }
    }

    /// `write(key:value:)` with byte arrays.
    public mutating func write(key: [UInt8], value: [UInt8]?) throws(WitnessError) {
        guard let k = Bytes32(key) else { throw .invalidLength(key.count) }
        var v: Bytes32? = nil
        if let value {
            guard let b = Bytes32(value) else { throw .invalidLength(value.count) }
            v = b
        }
        try write(key: k, value: v)
    }

    /// Writes a leaf of the subtree rooted at `subtree`; returns false when nothing changed. Expands empty ranges
    /// into internal nodes with empty siblings (the subtree has no compression).
    mutating func writeLeaf(subtree: Int, key: Bytes32, value: Bytes32?) throws(WitnessError) -> Bool {
        let x = key.subindex
        // Check coverage before mutating: the walk meets an opaque node only before any empty range.
        var j = subtree
        var level = 0
        while level < 8 && nodes[j].kind == .internal {
            j = Int((x >> UInt8(7 - level)) & 1 == 0 ? nodes[j].left : nodes[j].right)
            level += 1
        }
        switch nodes[j].kind {
        case .opaque: throw .incomplete(key: key)
        case .empty where value == nil: return false
        default: break
        }
        j = subtree
        for level in 0..<8 {
            nodes[j].dirty = true
            if nodes[j].kind == .empty {
                nodes[j].kind = .internal
                nodes[j].left = try appendNode(.empty)
                nodes[j].right = try appendNode(.empty)
            }
            j = Int((x >> UInt8(7 - level)) & 1 == 0 ? nodes[j].left : nodes[j].right)
        }
        nodes[j].dirty = true
        if let v = value {
            nodes[j].kind = .value
            nodes[j].aux = v
        } else {
            nodes[j].kind = .empty
        }
        return true
    }

    /// A new stem subtree holding only `value` at `key`'s subindex.
    mutating func newSubtree(key: Bytes32, value: Bytes32) throws(WitnessError) -> Int32 {
        let root = try appendNode(.empty)
        _ = try writeLeaf(subtree: Int(root), key: key, value: value)
        return root
    }

    /// Replaces the stem node at `i` (depth `depth`, stem `existing`) by internal nodes down to the first bit
    /// where `key`'s stem differs, with both stem nodes below it.
    mutating func split(at i: Int, depth: Int, existing: Bytes32, key: Bytes32, value: Bytes32) throws(WitnessError) {
        let s = key.stem
        let c = s.commonPrefixLength(existing)  // < 248: the stems differ and their last byte is 0
        let moved = try appendNode(nodes[i])
        var stem = WitnessNode(kind: .stem, shape: .single)
        stem.left = try newSubtree(key: key, value: value)
        stem.aux = s
        stem.dirty = true
        let fresh = try appendNode(stem)
        var cur = i
        for k in depth...c {
            var n = WitnessNode(kind: .internal, shape: .multi)
            n.dirty = true
            if k == c {
                (n.left, n.right) = s.bit(k) == 0 ? (fresh, moved) : (moved, fresh)
                nodes[cur] = n
            } else {
                let e = try appendNode(.empty)
                let next = try appendNode(.empty)
                (n.left, n.right) = s.bit(k) == 0 ? (next, e) : (e, next)
                nodes[cur] = n
                cur = Int(next)
            }
        }
    }

    mutating func appendNode(_ n: WitnessNode) throws(WitnessError) -> Int32 {
        nodes.append(n)
        return Int32(nodes.count - 1)
    }
}
