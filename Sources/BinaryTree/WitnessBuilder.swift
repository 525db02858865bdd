/// A witness produced by `WitnessBuilder`.
public struct Witness: Sendable {
    /// The pruned tree.
    public let tree: WitnessTree
    /// Its canonical serialization (docs/STATE.md §3), what goes into the WITNESS section.
    public let bytes: [UInt8]
    /// `bytes.count`.
    public var size: Int { bytes.count }
}

/// Builds the minimal witness for a run (prover side, docs/STATE.md §6): from the full pre-state tree, the keys
/// the run read or wrote, and the full post-state tree.
///
/// The witness expands exactly (1) the main-trie path of every touched stem down to where it ends in the
/// pre-state (an empty subtree or a stem node), (2) inside every touched stem that exists, the paths to the
/// touched subindices, and (3) the shape of each opaque subtree that a removal leaves without a sibling, which
/// the verifier needs to compress the trie. (3) is found by replaying the run on a `WitnessState`.
public enum WitnessBuilder {
    /// A main-trie position: its first `depth` bits.
    struct Position: Hashable {
        let prefix: Bytes32
        let depth: Int
    }

    /// The minimal witness for a run that touched `touched` and turned `pre` into `post`, replayed with a
    /// verifier that accepts at most `maxNodes` nodes (`tooManyNodes` past them).
    public static func build<H>(pre: BinaryTree<H>, touched: some Sequence<Bytes32>, post: BinaryTree<H>,
                                maxNodes: Int = WitnessState<H>.defaultMaxNodes) throws(WitnessError) -> Witness
    {
        var byStem: [Bytes32: Set<UInt8>] = [:]
        for k in touched { byStem[k.stem, default: []].insert(k.subindex) }
        let stems = pre.sortedStems.map { (stem: $0, hash: pre.stemHash($0)) }
        let touchedStems = byStem.keys.sorted()
        let keys = byStem.flatMap { s, xs in xs.map { Bytes32(stem: s, subindex: $0) } }.sorted()
        let preRoot: Bytes32 = {
            var th = TreeHash<H>()
            return StemTrie.root(stems[...], depth: 0, &th)
        }()

        var expand = Set<Position>()
        // Each round adds one position; there are at most (number of touched stems) × 248 of them.
        while true {
            var b = Builder(pre: pre, stems: stems, touchedStems: touchedStems, byStem: byStem, expand: expand)
            let tree = b.main(stems.indices, touchedStems.indices, depth: 0, prefix: .zero)
            let bytes = tree.encoded()
            var state = try WitnessState<H>(root: preRoot.bytes, witness: bytes, maxNodes: maxNodes)
            for k in keys { _ = try state.read(key: k) }
            for k in keys { try state.write(key: k, value: post.get(k)) }
            do {
                _ = try state.root()
            } catch {
                // Each round must make progress; a repeated position would mean the builder cannot supply it.
                guard case let .incompleteSibling(prefix, depth) = error,
                      expand.insert(Position(prefix: prefix, depth: depth)).inserted
                else { throw error }
                continue
            }
            return Witness(tree: tree, bytes: bytes)
        }
    }

    /// One construction pass over the sorted pre-state stems.
    struct Builder<H: BinaryTreeHasher> {
        let pre: BinaryTree<H>
        let stems: [(stem: Bytes32, hash: Bytes32)]
        let touchedStems: [Bytes32]
        let byStem: [Bytes32: Set<UInt8>]
        let expand: Set<Position>
        var th = TreeHash<H>()

        init(pre: BinaryTree<H>, stems: [(stem: Bytes32, hash: Bytes32)], touchedStems: [Bytes32],
             byStem: [Bytes32: Set<UInt8>], expand: Set<Position>) {
            self.pre = pre
            self.stems = stems
            self.touchedStems = touchedStems
            self.byStem = byStem
            self.expand = expand
        }

        /// The witness of the main-trie position holding `stems[s]` (all sharing `prefix`'s first `depth` bits),
        /// with the touched stems `touchedStems[t]` under the same prefix.
        mutating func main(_ s: Range<Int>, _ t: Range<Int>, depth: Int, prefix: Bytes32) -> WitnessTree {
            if s.isEmpty { return .empty }
            if t.isEmpty && !expand.contains(Position(prefix: prefix, depth: depth)) {
                return .opaque(StemTrie.root(stems[s], depth: depth, &th))
            }
            if s.count == 1 {
                let stem = stems[s.lowerBound].stem
                guard let xs = byStem[stem] else { return .stem(stem, .opaque(pre.subtreeRoot(ofStem: stem))) }
                let values = pre.values(ofStem: stem)
                return .stem(stem, sub(values[...], xs.sorted()[...], level: 0))
            }
            let sm = split(s) { stems[$0].stem.bit(depth) }
            let tm = split(t) { touchedStems[$0].bit(depth) }
            return .internal(
                main(s.lowerBound..<sm, t.lowerBound..<tm, depth: depth + 1, prefix: prefix),
                main(sm..<s.upperBound, tm..<t.upperBound, depth: depth + 1, prefix: prefix.settingBit(depth, to: 1)))
        }

        /// The witness of a stem-subtree node at `level` over its present `values` and touched subindices `xs`.
        mutating func sub(_ values: ArraySlice<(index: UInt8, value: Bytes32)>, _ xs: ArraySlice<UInt8>, level: Int)
            -> WitnessTree
        {
            if values.isEmpty { return .empty }
            if xs.isEmpty { return .opaque(StemSubtree.root(values, level: level, &th)) }
            if level == 8 { return .value(values[values.startIndex].value) }
            let shift = UInt8(7 - level)
            let vm = values.firstIndex { ($0.index >> shift) & 1 == 1 } ?? values.endIndex
            let xm = xs.firstIndex { ($0 >> shift) & 1 == 1 } ?? xs.endIndex
            return .internal(
                sub(values[..<vm], xs[..<xm], level: level + 1),
                sub(values[vm...], xs[xm...], level: level + 1))
        }

        /// The first index of `r` whose bit is 1 (the elements are sorted, so bits are 0…0 1…1).
        func split(_ r: Range<Int>, _ bit: (Int) -> Int) -> Int {
            var lo = r.lowerBound, hi = r.upperBound
            while lo < hi {
                let mid = lo + (hi - lo) / 2
                if bit(mid) == 0 { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
    }
}
