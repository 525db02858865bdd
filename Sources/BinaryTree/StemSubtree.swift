/// The 256-leaf subtree below a stem node (EIP-7864 §"Node merkelization": the 8-level Merkle tree over
/// `values[0…255]`, leaf = hash(value) or 0^32 when absent).
///
/// Computed sparsely: an empty range of leaves hashes to 0^32 at every level because `hash(0^64) = 0^32`, so
/// only the paths to present values are hashed.
public enum StemSubtree {
    /// The subtree root over `values`, which must be sorted by subindex with no duplicates.
    public static func root<H>(_ values: ArraySlice<(index: UInt8, value: Bytes32)>, level: Int = 0,
                               _ th: inout TreeHash<H>) -> Bytes32 {
        guard let first = values.first else { return .zero }
        if level == 8 { return th.leaf(first.value) }
        let shift = UInt8(7 - level)
        let split = values.firstIndex { ($0.index >> shift) & 1 == 1 } ?? values.endIndex
        let l = root(values[values.startIndex..<split], level: level + 1, &th)
        let r = root(values[split..<values.endIndex], level: level + 1, &th)
        return th.node(l, r)
    }
}

/// The main binary trie over stems (EIP-7864 §"Tree structure"): a subtree holding one stem is that stem node;
/// one holding two or more is an internal node at the depth of its common prefix, `hash(left ‖ right)`.
public enum StemTrie {
    /// The root of the trie over `stems` (stem, stem node hash), sorted by stem with no duplicates, all sharing
    /// their first `depth` bits.
    public static func root<H>(_ stems: ArraySlice<(stem: Bytes32, hash: Bytes32)>, depth: Int,
                               _ th: inout TreeHash<H>) -> Bytes32 {
        if stems.isEmpty { return .zero }
        if stems.count == 1 { return stems[stems.startIndex].hash }
        let split = partition(stems, depth)
        let l = root(stems[stems.startIndex..<split], depth: depth + 1, &th)
        let r = root(stems[split..<stems.endIndex], depth: depth + 1, &th)
        return th.node(l, r)
    }

    /// The first index whose stem has bit `depth` set (binary search; `stems` sorted, sharing `depth` bits).
    static func partition(_ stems: ArraySlice<(stem: Bytes32, hash: Bytes32)>, _ depth: Int) -> Int {
        var lo = stems.startIndex, hi = stems.endIndex
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if stems[mid].stem.bit(depth) == 0 { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
