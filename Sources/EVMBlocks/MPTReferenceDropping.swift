import EVMPrimitives
import StatelessEVM

/// The stateless "dropped references" layout of an MPT witness (docs/STATE.md §9.2), measured by
/// `rvx evm witness-report`: every 32-byte reference a verifier can recompute from an item of the witness
/// itself is replaced by that item's position.
///
/// Layout: `ExecutionWitness` encoding (`rlp([[node…], [code…]])`) with items numbered codes first, then
/// nodes; nodes are ordered children before parents, so each reference points backwards. A reference is a
/// branch child (Yellow Paper Appendix D), an extension's child, or an account leaf's storage root or code
/// hash; when it equals the Keccak-256 of an earlier item it becomes that item's index as a 1–3-byte
/// big-endian string — a length no real reference has (a child is empty, 32 bytes or an inline list). A
/// decoder restores each reference from the hashes it computes anyway, in one pass.
public enum MPTReferenceDropping {
    /// The encoded layout and the number of references dropped.
    public static func encode(_ witness: ExecutionWitness) -> (bytes: [UInt8], dropped: Int) {
        var index: [[UInt8]: Int] = [:]
        for (i, c) in witness.codes.enumerated() where index[Keccak256.hash(c)] == nil { index[Keccak256.hash(c)] = i }
        var byHash: [[UInt8]: Int] = [:]
        for (i, n) in witness.nodes.enumerated() { byHash[Keccak256.hash(n)] = i }
        let decoded = witness.nodes.map { try? RLP.decode($0) }
        // Post-order over the node graph: a node is emitted after every node it references.
        var order: [Int] = [], state = [UInt8](repeating: 0, count: witness.nodes.count)
        for root in witness.nodes.indices where state[root] == 0 {
            var stack: [(node: Int, expanded: Bool)] = [(root, false)]
            while let (n, expanded) = stack.popLast() {
                if expanded { order.append(n); continue }
                guard state[n] == 0 else { continue }
                state[n] = 1
                stack.append((n, true))
                for r in references(decoded[n]) { if let c = byHash[r], state[c] == 0 { stack.append((c, false)) } }
            }
        }
        var dropped = 0
        var nodes: [[UInt8]] = []
        for n in order {
            var node = witness.nodes[n]
            if let item = decoded[n] {
                var count = 0
                let rewritten = rewrite(item) { ref in
                    guard let i = index[ref] else { return nil }
                    count += 1
                    return position(i)
                }
                if count > 0 { node = rlp(rewritten); dropped += count }
            }
            index[Keccak256.hash(witness.nodes[n])] = witness.codes.count + nodes.count
            nodes.append(node)
        }
        return (ExecutionWitness(nodes: nodes, codes: witness.codes).encode(), dropped)
    }

    /// The RLP encoding of `item`.
    static func rlp(_ item: RLPItem) -> [UInt8] {
        switch item {
        case .bytes(let b):
            var out: [UInt8] = []
            RLP.encodeBytes(b, into: &out)
            return out
        case .list(let items):
            return RLP.encodeList(encodedItems: items.map(rlp))
        }
    }

    /// `i` as the shortest big-endian string of at least one byte.
    static func position(_ i: Int) -> [UInt8] {
        var out: [UInt8] = []
        var v = i
        repeat { out.insert(UInt8(v & 0xFF), at: 0); v >>= 8 } while v > 0
        return out
    }

    /// Whether a two-item node is an extension (hex-prefix flag 0 or 1 in its path's first nibble).
    static func isExtension(_ path: RLPItem) -> Bool {
        if case .bytes(let p) = path, let first = p.first { return first >> 4 < 2 }
        return false
    }

    /// The 32-byte references of a node, in the positions `rewrite` visits.
    static func references(_ item: RLPItem?) -> [[UInt8]] {
        var out: [[UInt8]] = []
        if let item { _ = rewrite(item) { out.append($0); return nil } }
        return out
    }

    /// `item` with every 32-byte reference `replace` maps to a value replaced by it.
    static func rewrite(_ item: RLPItem, _ replace: ([UInt8]) -> [UInt8]?) -> RLPItem {
        guard case .list(var items) = item else { return item }
        func swap(_ i: Int) {
            if case .bytes(let b) = items[i], b.count == 32, let r = replace(b) { items[i] = .bytes(r) }
        }
        if items.count == 17 {
            for i in 0..<16 { swap(i) }
        } else if items.count == 2 {
            if isExtension(items[0]) {
                swap(1)
            } else if case .bytes(let v) = items[1], case .list(var account)? = try? RLP.decode(v), account.count == 4 {
                for i in [2, 3] {
                    if case .bytes(let b) = account[i], b.count == 32, let r = replace(b) { account[i] = .bytes(r) }
                }
                items[1] = .bytes(rlp(.list(account)))
            }
        }
        return .list(items)
    }
}
