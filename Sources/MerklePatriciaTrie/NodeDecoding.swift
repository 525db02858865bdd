import EVMPrimitives

/// Decoding witness nodes (the inverse of c(J, i), Yellow Paper Appendix D), strictly: only the
/// shapes a canonical trie produces are accepted, so a hostile witness cannot smuggle in a structure
/// the update rules do not expect. Nodes are read in place from their RLP (`NodeShape`); only the
/// parts a `TrieNode` keeps are copied out.
extension TrieNode {
    /// The decoded node whose hash is `hash`, from `store`.
    static func resolve(hash: [UInt8], in store: TrieNodeStore) throws(TrieError) -> TrieNode {
        guard let bytes = store.node(forHash: hash) else { throw .missingNode(hash: hash) }
        guard let shape = NodeShape(bytes, at: 0, end: bytes.count) else { throw .malformedNode(hash: hash) }
        return decode(bytes, shape)
    }

    /// The node `shape` describes (already validated) in `bytes`.
    static func decode(_ bytes: [UInt8], _ shape: NodeShape) -> TrieNode {
        switch shape.kind {
        case .leaf:
            return .leaf(path: Nibbles.decodeHexPrefix(bytes, shape.first), value: RLP.payload(bytes, shape.second))
        case .extensionNode:
            return .extensionNode(path: Nibbles.decodeHexPrefix(bytes, shape.first), child: reference(bytes, shape.second))
        case .branch:
            var branch = TrieBranch()
            var field = shape.first
            for i in 0..<16 {
                branch.children[i] = reference(bytes, field)
                field = NodeShape.header(bytes, at: field.end, end: shape.list.end) ?? field
            }
            branch.value = shape.second.payloadLength == 0 ? nil : RLP.payload(bytes, shape.second)
            return .branch(branch)
        }
    }

    /// The child that a validated reference n(child) at `field` describes: the empty string, a 32-byte
    /// hash, or an embedded node.
    static func reference(_ bytes: [UInt8], _ field: RLPHeader) -> TrieNode {
        if field.isList, let shape = NodeShape(bytes, at: field.payloadOffset &- 1, end: field.end) {
            return decode(bytes, shape)
        }
        return field.payloadLength == 0 ? .empty : .hashed(RLP.payload(bytes, field))
    }
}

/// Where the fields of one canonical trie node sit in its RLP (Yellow Paper Appendix D, eq. 194–197),
/// found by reading item headers in place. Constructing one validates the whole node, embedded
/// children included: strict RLP (`RLP.decodeHeader`) spanning exactly its range, 2 or 17 fields, a
/// valid hex-prefix path (non-empty for an extension), a non-empty leaf value, references that are
/// empty, 32 bytes, or an embedded node shorter than 32 bytes, an extension child that is a branch or
/// a hash, and a branch with at least two entries.
struct NodeShape {
    enum Kind { case leaf, extensionNode, branch }
    var kind: Kind
    /// The node's list header.
    var list: RLPHeader
    /// Leaf, extension: the hex-prefix path. Branch: child 0.
    var first: RLPHeader
    /// Leaf: the value. Extension: the child reference. Branch: the value (field 16).
    var second: RLPHeader

    /// The node whose list starts at `offset` and ends exactly at `end`, or nil when it is not canonical.
    init?(_ bytes: [UInt8], at offset: Int, end: Int) {
        guard let list = NodeShape.header(bytes, at: offset, end: end), list.isList, list.end == end else { return nil }
        guard let first = NodeShape.header(bytes, at: list.payloadOffset, end: end),
            let second = NodeShape.header(bytes, at: first.end, end: end)
        else { return nil }
        self.list = list
        self.first = first
        if second.end == end {
            guard !first.isList, let hp = Nibbles.hexPrefixInfo(bytes, first), !second.isList || !hp.leaf else { return nil }
            self.second = second
            if hp.leaf {
                guard second.payloadLength > 0 else { return nil }
                kind = .leaf
                return
            }
            guard hp.length > 0 else { return nil }
            if second.isList {
                guard let child = NodeShape.embedded(bytes, second), child.kind == .branch else { return nil }
            } else if second.payloadLength != 32 {
                return nil
            }
            kind = .extensionNode
            return
        }
        // A branch: 16 references, then the value.
        var entries = 0
        var field = first
        var value = first
        for i in 0..<16 {
            if field.isList {
                guard NodeShape.embedded(bytes, field) != nil else { return nil }
                entries += 1
            } else if field.payloadLength == 32 {
                entries += 1
            } else if field.payloadLength != 0 {
                return nil
            }
            guard let next = NodeShape.header(bytes, at: field.end, end: end) else { return nil }
            if i == 15 {
                guard !next.isList, next.end == end else { return nil }
                if next.payloadLength > 0 { entries += 1 }
                value = next
            }
            field = next
        }
        guard entries >= 2 else { return nil }
        self.second = value
        kind = .branch
        return
    }

    /// The embedded node at `field` (a list item shorter than 32 bytes), or nil.
    /// Its RLP is then one header byte and the payload.
    static func embedded(_ bytes: [UInt8], _ field: RLPHeader) -> NodeShape? {
        guard field.payloadLength < 31 else { return nil }
        return NodeShape(bytes, at: field.payloadOffset &- 1, end: field.end)
    }

    /// The header of the item at `offset` ending by `end`, or nil when it is not strict RLP.
    @inline(__always)
    static func header(_ bytes: [UInt8], at offset: Int, end: Int) -> RLPHeader? {
        try? RLP.decodeHeader(bytes, at: offset, end: end)
    }

    /// The header of branch child `index` (0…15), of a node already validated.
    func child(_ bytes: [UInt8], _ index: Int) -> RLPHeader {
        var field = first
        var i = 0
        while i < index {
            field = NodeShape.header(bytes, at: field.end, end: list.end) ?? field
            i += 1
        }
        return field
    }
}
