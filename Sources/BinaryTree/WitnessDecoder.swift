/// Decodes a witness (docs/STATE.md §3) into the flat node array of `WitnessState`, enforcing the canonical-form
/// and shape rules of docs/STATE.md §4 and hashing bottom-up as it goes (docs/STATE.md §5).
///
/// Work is linear in the witness length; recursion depth is at most 248 + 9.
struct WitnessDecoder<H: BinaryTreeHasher> {
    let p: UnsafeRawBufferPointer
    var pos = 0
    var nodes: [WitnessNode] = []
    var th: TreeHash<H>
    let maxNodes: Int

    init(_ p: UnsafeRawBufferPointer, maxNodes: Int, hashing th: TreeHash<H>) {
        self.p = p
        self.maxNodes = maxNodes
        self.th = th
        nodes.reserveCapacity(min(p.count, maxNodes))
    }

    mutating func tag() throws(WitnessError) -> UInt8 {
        guard pos < p.count else { throw .truncated(offset: pos) }
        defer { pos += 1 }
        return p[pos]
    }

    mutating func read32() throws(WitnessError) -> Bytes32 {
        guard p.count - pos >= 32 else { throw .truncated(offset: p.count) }
        defer { pos += 32 }
        return Bytes32(loading: p.baseAddress! + pos)
    }

    /// A 31-byte stem, returned in `Bytes32.stem` form.
    mutating func readStem() throws(WitnessError) -> Bytes32 {
        guard p.count - pos >= 31 else { throw .truncated(offset: p.count) }
        var buf = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &buf) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: p[pos..<pos + 31])) }
        pos += 31
        return withUnsafeBytes(of: &buf) { Bytes32(loading: $0.baseAddress!) }
    }

    mutating func append(_ n: WitnessNode) throws(WitnessError) -> Int32 {
        guard nodes.count < maxNodes else { throw .tooManyNodes(limit: maxNodes) }
        nodes.append(n)
        return Int32(nodes.count - 1)
    }

    /// Decodes the node at main-trie `depth` whose path (first `depth` bits) is `path`.
    mutating func main(depth: Int, path: Bytes32) throws(WitnessError) -> Int32 {
        let at = pos
        let t = try tag()
        switch t {
        case WitnessTag.empty.rawValue:
            return try append(.empty)
        case WitnessTag.opaque.rawValue:
            let h = try read32()
            if h.isZero { throw .opaqueZeroHash(offset: at) }
            var n = WitnessNode(kind: .opaque, shape: .opaque)
            n.hash = h
            return try append(n)
        case WitnessTag.internal.rawValue:
            if depth >= 248 { throw .tooDeep(offset: at) }
            let i = try append(WitnessNode(kind: .internal, shape: .multi))
            let l = try main(depth: depth + 1, path: path)
            let r = try main(depth: depth + 1, path: path.settingBit(depth, to: 1))
            let lk = nodes[Int(l)].kind, rk = nodes[Int(r)].kind
            if lk == .empty && rk == .empty { throw .emptyInternal(offset: at) }
            if (lk == .empty && rk == .stem) || (lk == .stem && rk == .empty) { throw .uncompressedStem(offset: at) }
            nodes[Int(i)].left = l
            nodes[Int(i)].right = r
            nodes[Int(i)].hash = th.node(nodes[Int(l)].hash, nodes[Int(r)].hash)
            return i
        case WitnessTag.stem.rawValue:
            let stem = try readStem()
            if stem.commonPrefixLength(path) < depth { throw .stemPathMismatch(offset: at) }
            let i = try append(WitnessNode(kind: .stem, shape: .single))
            let s = try sub(level: 0)
            if nodes[Int(s)].kind == .empty { throw .emptyStem(offset: at) }
            nodes[Int(i)].left = s
            nodes[Int(i)].aux = stem
            nodes[Int(i)].hash = th.stemNode(stem, nodes[Int(s)].hash)
            return i
        case WitnessTag.value.rawValue:
            throw .unexpectedTag(t, offset: at)
        default:
            throw .unknownTag(t, offset: at)
        }
    }

    /// Decodes the node at `level` (0 = subtree root, 8 = leaf) of a stem subtree.
    mutating func sub(level: Int) throws(WitnessError) -> Int32 {
        let at = pos
        let t = try tag()
        switch t {
        case WitnessTag.empty.rawValue:
            return try append(.empty)
        case WitnessTag.opaque.rawValue:
            let h = try read32()
            if h.isZero { throw .opaqueZeroHash(offset: at) }
            var n = WitnessNode(kind: .opaque, shape: .opaque)
            n.hash = h
            return try append(n)
        case WitnessTag.internal.rawValue where level < 8:
            let i = try append(WitnessNode(kind: .internal, shape: .multi))
            let l = try sub(level: level + 1)
            let r = try sub(level: level + 1)
            let lk = nodes[Int(l)].kind, rk = nodes[Int(r)].kind
            if lk == .empty && rk == .empty { throw .emptyInternal(offset: at) }
            if lk == .opaque && rk == .opaque { throw .redundantInternal(offset: at) }
            nodes[Int(i)].left = l
            nodes[Int(i)].right = r
            nodes[Int(i)].hash = th.node(nodes[Int(l)].hash, nodes[Int(r)].hash)
            return i
        case WitnessTag.value.rawValue where level == 8:
            let v = try read32()
            var n = WitnessNode(kind: .value, shape: .single)
            n.aux = v
            n.hash = th.leaf(v)
            return try append(n)
        case WitnessTag.internal.rawValue, WitnessTag.value.rawValue, WitnessTag.stem.rawValue:
            throw .unexpectedTag(t, offset: at)
        default:
            throw .unknownTag(t, offset: at)
        }
    }
}
