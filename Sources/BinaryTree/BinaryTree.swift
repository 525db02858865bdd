/// The full binary state tree of EIP-7864 (prover side): every stem with its present values, and its root.
///
/// Keys are `stem (31 bytes) ‖ subindex (1 byte)`; values are 32 bytes or absent. Deletion is defined (EIP-7864
/// has none) so that the tree is a function of its key→value map: removing a key makes its value absent, and a
/// stem with no present value left is removed from the trie (its neighbours move up as compression requires).
public struct BinaryTree<H: BinaryTreeHasher> {
    /// The present values, by stem (`Bytes32.stem` form: last byte zero) and subindex.
    public private(set) var stems: [Bytes32: [UInt8: Bytes32]] = [:]

    public init() {}

    /// A tree holding `entries`.
    public init(_ entries: [Bytes32: Bytes32]) {
        for (k, v) in entries { insert(k, v) }
    }

    /// The value at `key`, nil when absent.
    public func get(_ key: Bytes32) -> Bytes32? { stems[key.stem]?[key.subindex] }

    /// Sets `key` to `value` (present).
    public mutating func insert(_ key: Bytes32, _ value: Bytes32) {
        stems[key.stem, default: [:]][key.subindex] = value
    }

    /// Makes `key` absent; removes its stem when no value is left in it.
    public mutating func remove(_ key: Bytes32) {
        let s = key.stem
        guard var values = stems[s] else { return }
        values[key.subindex] = nil
        stems[s] = values.isEmpty ? nil : values
    }

    /// Sets (`value` non-nil) or removes (`nil`) `key`.
    public subscript(key: Bytes32) -> Bytes32? {
        get { get(key) }
        set { if let v = newValue { insert(key, v) } else { remove(key) } }
    }

    /// Number of present values.
    public var count: Int { stems.values.reduce(0) { $0 + $1.count } }

    /// All stems, sorted.
    public var sortedStems: [Bytes32] { stems.keys.sorted() }

    /// The sorted (subindex, value) pairs of `stem`.
    public func values(ofStem stem: Bytes32) -> [(index: UInt8, value: Bytes32)] {
        (stems[stem.stem] ?? [:]).map { (index: $0.key, value: $0.value) }.sorted { $0.index < $1.index }
    }

    /// The root of the 256-leaf subtree of `stem`.
    public func subtreeRoot(ofStem stem: Bytes32) -> Bytes32 {
        var th = TreeHash<H>()
        return StemSubtree.root(values(ofStem: stem)[...], &th)
    }

    /// The stem node hash of `stem`: hash(stem ‖ 0x00 ‖ subtree root).
    public func stemHash(_ stem: Bytes32) -> Bytes32 {
        var th = TreeHash<H>()
        return th.stemNode(stem.stem, StemSubtree.root(values(ofStem: stem)[...], &th))
    }

    /// The state root (0^32 for the empty tree).
    public func root() -> Bytes32 {
        let items = sortedStems.map { (stem: $0, hash: stemHash($0)) }
        var th = TreeHash<H>()
        return StemTrie.root(items[...], depth: 0, &th)
    }
}

/// The binary tree with rvx's default hash, SHA-256.
public typealias SHA256BinaryTree = BinaryTree<SHA256TreeHasher>
