import EVMPrimitives

/// Node serialisation c(J, i) and node references n(J, i) (Yellow Paper Appendix D, eq. 193–197).
extension TrieNode {
    /// RLP of this node: leaf [HP(path, 1), value]; extension [HP(path, 0), n(child)];
    /// branch [n(child₀), …, n(child₁₅), value]; the empty trie is the empty byte array.
    /// A `hashed` node cannot be serialised (its preimage is not known); it yields the RLP string of
    /// its hash, which is what a reference to it looks like.
    func encoded<H: KeccakHasher>(_ hasher: H) -> [UInt8] {
        var payload = [UInt8]()
        switch self {
        case .empty:
            return [0x80]
        case .hashed(let hash):
            RLP.encodeBytes(hash, into: &payload)
            return payload
        case .leaf(let path, let value):
            RLP.encodeBytes(Nibbles.hexPrefix(path, leaf: true), into: &payload)
            RLP.encodeBytes(value, into: &payload)
        case .extensionNode(let path, let child):
            RLP.encodeBytes(Nibbles.hexPrefix(path, leaf: false), into: &payload)
            child.appendReference(into: &payload, hasher)
        case .branch(let branch):
            payload.reserveCapacity(16 * 33 + 1)
            for child in branch.children { child.appendReference(into: &payload, hasher) }
            RLP.encodeBytes(branch.value ?? [], into: &payload)
        }
        var out = [UInt8]()
        out.reserveCapacity(payload.count + 9)
        RLP.encodeListHeader(payloadLength: payload.count, into: &out)
        out.append(contentsOf: payload)
        return out
    }

    /// Appends n(self): the empty string for the empty node; the node's own RLP, embedded, when it is
    /// shorter than 32 bytes; otherwise the RLP string of its Keccak-256 hash.
    func appendReference<H: KeccakHasher>(into payload: inout [UInt8], _ hasher: H) {
        switch self {
        case .empty:
            payload.append(0x80)
        case .hashed(let hash):
            RLP.encodeBytes(hash, into: &payload)
        default:
            let rlp = encoded(hasher)
            if rlp.count < 32 {
                payload.append(contentsOf: rlp)
            } else {
                RLP.encodeBytes(hasher.keccak256(rlp), into: &payload)
            }
        }
    }

    /// The hash committing to this node as a trie root: Keccak-256 of its RLP, whatever its length
    /// (Yellow Paper eq. 192). The empty trie gives Keccak-256(0x80).
    func rootHash<H: KeccakHasher>(_ hasher: H) -> [UInt8] {
        if case .hashed(let hash) = self { return hash }
        return hasher.keccak256(encoded(hasher))
    }
}
