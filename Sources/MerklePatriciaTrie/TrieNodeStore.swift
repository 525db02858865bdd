import EVMPrimitives

/// The node preimages of a witness: RLP-encoded trie nodes, keyed by their Keccak-256 hash, from which
/// a trie known only by its root hash is resolved; the hashes are the node references n(x) of
/// Yellow Paper Appendix D, eq. 193 (see docs/MPT.md, "Witness tries").
///
/// Keys are always computed here, never taken from the witness, so a node found under a hash is
/// that hash's preimage. Storage is a sorted array searched by bisection rather than a Dictionary:
/// lookups cost O(log n) whatever hashes a hostile witness grinds for, nothing depends on a random
/// hash seed, and the Embedded build pulls in neither seeding (`arc4random_buf`) nor the
/// floating-point capacity arithmetic of Dictionary.
public struct TrieNodeStore: Sendable {
    /// Sorted ascending, distinct, each 32 bytes.
    var hashes: [[UInt8]] = []
    /// `nodes[i]` is the preimage of `hashes[i]`.
    var nodes: [[UInt8]] = []

    /// An empty store.
    public init() {}

    /// A store holding `nodes` (each an RLP-encoded trie node), keyed by their hash under `hasher`.
    /// Duplicates are kept once.
    public init<H: KeccakHasher>(nodes: [[UInt8]], hasher: H) {
        let keyed = nodes.map { (hash: hasher.keccak256($0), node: $0) }
            .sorted { $0.hash.lexicographicallyPrecedes($1.hash) }
        hashes.reserveCapacity(keyed.count)
        self.nodes.reserveCapacity(keyed.count)
        for entry in keyed where hashes.last != entry.hash {
            hashes.append(entry.hash)
            self.nodes.append(entry.node)
        }
    }

    /// Adds one RLP-encoded node under its hash (no effect if already present).
    public mutating func add<H: KeccakHasher>(_ node: [UInt8], hasher: H) {
        let hash = hasher.keccak256(node)
        let i = lowerBound(hash, 0, hash.count)
        if i < hashes.count && hashes[i] == hash { return }
        hashes.insert(hash, at: i)
        nodes.insert(node, at: i)
    }

    /// The node whose hash is `hash`, if present.
    public func node(forHash hash: [UInt8]) -> [UInt8]? {
        guard let i = index(ofHash: hash, at: 0, count: hash.count) else { return nil }
        return nodes[i]
    }

    /// Number of nodes held.
    public var count: Int { hashes.count }

    /// The index of the node whose hash is `bytes[start..<start + count]`, if present.
    func index(ofHash bytes: [UInt8], at start: Int, count: Int) -> Int? {
        let i = lowerBound(bytes, start, count)
        return i < hashes.count && TrieNodeStore.compare(hashes[i], bytes, start, count) == 0 ? i : nil
    }

    /// The first index whose hash is not below `bytes[start..<start + count]`.
    private func lowerBound(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int {
        var lo = 0
        var hi = hashes.count
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if TrieNodeStore.compare(hashes[mid], bytes, start, count) < 0 { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Lexicographic order of `a` against `bytes[start..<start + count]`: negative, zero or positive.
    private static func compare(_ a: [UInt8], _ bytes: [UInt8], _ start: Int, _ count: Int) -> Int {
        let n = min(a.count, count)
        var i = 0
        while i < n {
            let x = a[i], y = bytes[start &+ i]
            if x != y { return x < y ? -1 : 1 }
            i &+= 1
        }
        return a.count &- count
    }
}
