/// One node of the verifier's pruned tree (docs/STATE.md §5), stored in a flat array: no per-node allocation.
@usableFromInline struct WitnessNode: Sendable {
    @usableFromInline enum Kind: UInt8, Sendable { case empty, `internal`, opaque, stem, value }
    /// What a main-trie position holds after compression (the post-state view used for collapsing).
    @usableFromInline enum Shape: UInt8, Sendable {
        case empty
        /// Exactly one stem: `hash` is its stem node hash, `aux` its stem.
        case single
        /// Two or more stems: `hash` is the internal node hash.
        case multi
        /// Unknown (an opaque subtree): one or more stems, `hash` is its hash.
        case opaque
    }

    @usableFromInline var kind: Kind
    @usableFromInline var shape: Shape
    /// Something below was written since `hash`/`shape` were computed.
    @usableFromInline var dirty: Bool = false
    /// Internal: left child. Stem: root of its subtree.
    @usableFromInline var left: Int32 = -1
    /// Internal: right child.
    @usableFromInline var right: Int32 = -1
    /// The hash this position contributes (for a `single` main-trie position, the stem node hash; for a value
    /// leaf, hash(value)).
    @usableFromInline var hash: Bytes32 = .zero
    /// Stem node or `single` shape: the stem. Value leaf: the value.
    @usableFromInline var aux: Bytes32 = .zero

    @usableFromInline init(kind: Kind, shape: Shape) {
        self.kind = kind
        self.shape = shape
    }

    static let empty = WitnessNode(kind: .empty, shape: .empty)
}
