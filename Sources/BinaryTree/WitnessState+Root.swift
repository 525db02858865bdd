/// Post-state root recomputation (docs/STATE.md §5.3): only dirty nodes are rehashed; a main-trie position whose
/// post content is a single stem takes that stem node's hash (compression after removals).
extension WitnessState {
    /// The root of the current state. Throws `.incompleteSibling` when a removal emptied a subtree next to an
    /// opaque one whose shape (one stem, or more) the witness does not give.
    public mutating func root() throws(WitnessError) -> Bytes32 {
        try post(0, depth: 0, path: .zero)
        return nodes[0].shape == .empty ? .zero : nodes[0].hash
    }

    /// `root()` as bytes.
    public mutating func rootBytes() throws(WitnessError) -> [UInt8] { try root().bytes }

    /// Brings `shape`/`hash`/`aux` of main-trie node `i` up to date.
    mutating func post(_ i: Int, depth: Int, path: Bytes32) throws(WitnessError) {
        guard nodes[i].dirty else { return }
        switch nodes[i].kind {
        case .stem:
            let subRoot = postSub(Int(nodes[i].left))
            if subRoot.isZero {
                nodes[i].shape = .empty
                nodes[i].hash = .zero
            } else {
                nodes[i].shape = .single
                nodes[i].hash = meter.stemNode(nodes[i].aux, subRoot)
            }
        case .internal:
            let l = Int(nodes[i].left), r = Int(nodes[i].right)
            try post(l, depth: depth + 1, path: path)
            let rightPath = path.settingBit(depth, to: 1)
            try post(r, depth: depth + 1, path: rightPath)
            let ls = nodes[l].shape, rs = nodes[r].shape
            if ls == .empty || rs == .empty {
                let (o, oPath) = ls == .empty ? (r, rightPath) : (l, path)
                switch nodes[o].shape {
                case .empty:
                    nodes[i].shape = .empty
                    nodes[i].hash = .zero
                case .single:
                    nodes[i].shape = .single
                    nodes[i].hash = nodes[o].hash
                    nodes[i].aux = nodes[o].aux
                case .opaque:
                    throw .incompleteSibling(prefix: oPath, depth: depth + 1)
                case .multi:
                    nodes[i].shape = .multi
                    nodes[i].hash = meter.node(nodes[l].hash, nodes[r].hash)
                }
            } else {
                nodes[i].shape = .multi
                nodes[i].hash = meter.node(nodes[l].hash, nodes[r].hash)
            }
        default:
            break
        }
        nodes[i].dirty = false
    }

    /// The up-to-date hash of stem-subtree node `j`.
    mutating func postSub(_ j: Int) -> Bytes32 {
        guard nodes[j].dirty else { return nodes[j].hash }
        switch nodes[j].kind {
        case .internal:
            let l = postSub(Int(nodes[j].left))
            let r = postSub(Int(nodes[j].right))
            nodes[j].hash = meter.node(l, r)
        case .value:
            nodes[j].hash = meter.leaf(nodes[j].aux)
        default:
            nodes[j].hash = .zero
        }
        nodes[j].dirty = false
        return nodes[j].hash
    }
}
