import EVMPrimitives

/// Looking a key up in the witness nodes themselves (Yellow Paper Appendix D, the path through
/// eq. 194–197): each node on the path is validated and read in place (`NodeShape`), following
/// embedded children within the same RLP and hash references through the store, so a lookup copies
/// out only the value it returns.
extension TrieNodeStore {
    /// The value under the nibble path `path` from nibble `at` on, in the subtrie whose root node has
    /// hash `hash`, or nil when absent.
    func lookUp(hash: [UInt8], path: [UInt8], at start: Int) throws(TrieError) -> [UInt8]? {
        guard var index = index(ofHash: hash, at: 0, count: hash.count) else { throw .missingNode(hash: hash) }
        var at = start
        while true {
            let bytes = nodes[index]
            var offset = 0
            var end = bytes.count
            while true {
                guard let shape = NodeShape(bytes, at: offset, end: end) else { throw .malformedNode(hash: hashes[index]) }
                let next: RLPHeader
                switch shape.kind {
                case .leaf:
                    let p = shape.first
                    guard let info = Nibbles.hexPrefixInfo(bytes, p), path.count &- at == info.length else { return nil }
                    for i in 0..<info.length where Nibbles.hexPrefixNibble(bytes, p, i) != path[at &+ i] { return nil }
                    return RLP.payload(bytes, shape.second)
                case .extensionNode:
                    let p = shape.first
                    guard let info = Nibbles.hexPrefixInfo(bytes, p), path.count &- at >= info.length else { return nil }
                    for i in 0..<info.length where Nibbles.hexPrefixNibble(bytes, p, i) != path[at &+ i] { return nil }
                    at &+= info.length
                    next = shape.second
                case .branch:
                    if at == path.count {
                        return shape.second.payloadLength == 0 ? nil : RLP.payload(bytes, shape.second)
                    }
                    next = shape.child(bytes, Int(path[at]))
                    at &+= 1
                }
                if next.isList {  // an embedded node: continue in the same RLP
                    offset = next.payloadOffset &- 1
                    end = next.end
                    continue
                }
                if next.payloadLength == 0 { return nil }
                guard let i = self.index(ofHash: bytes, at: next.payloadOffset, count: next.payloadLength) else {
                    throw .missingNode(hash: RLP.payload(bytes, next))
                }
                index = i
                break
            }
        }
    }
}
