extension WitnessState {
    /// Every key/value pair the verified witness reveals (value leaves under a stem), in ascending key order:
    /// the state view of the standard-IO mode (docs/EXECUTE.md §2.1). Keys the witness proves absent and
    /// opaque subtrees contribute nothing. Iterative, so a deep hostile witness cannot exhaust the stack.
    public func entries() -> [(key: Bytes32, value: Bytes32)] {
        var out: [(key: Bytes32, value: Bytes32)] = []
        // (node, stem of the enclosing stem node or nil in the main trie, subindex bits so far, depth in stem)
        var stack: [(node: Int32, stem: Bytes32?, bits: UInt8, level: Int)] = [(0, nil, 0, 0)]
        while let (i, stem, bits, level) = stack.popLast() {
            let n = nodes[Int(i)]
            switch n.kind {
            case .internal:
                if let s = stem {
                    // Right pushed first so that the left (bit 0) subtree is visited first: ascending order.
                    stack.append((n.right, s, bits << 1 | 1, level + 1))
                    stack.append((n.left, s, bits << 1, level + 1))
                } else {
                    stack.append((n.right, nil, 0, 0))
                    stack.append((n.left, nil, 0, 0))
                }
            case .stem:
                if stem == nil { stack.append((n.left, n.aux, 0, 0)) }
            case .value:
                if let s = stem, level == 8 { out.append((Bytes32(stem: s, subindex: bits), n.aux)) }
            case .empty, .opaque:
                break
            }
        }
        return out
    }
}
