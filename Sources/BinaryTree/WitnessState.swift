/// The verifier's view of the state (docs/STATE.md §5): a witness checked against the pre-state root, serving
/// reads of the keys it covers, accepting writes to them and recomputing the post-state root over the touched
/// paths only.
///
/// Nodes live in one flat array; reads and writes walk it without allocating (a write that creates nodes
/// appends at most 2·(248 + 9) of them). `hashCalls`/`hashedBytes` report the hashing work done so far,
/// verification included, so the runtime can meter it.
public struct WitnessState<H: BinaryTreeHasher> {
    /// Default bound on the number of decoded nodes (each node takes at least one witness byte).
    public static var defaultMaxNodes: Int { 1 << 22 }

    @usableFromInline var nodes: [WitnessNode]
    @usableFromInline var meter: TreeHash<H>
    /// Path of the current write (node indices); kept to avoid allocating per write.
    @usableFromInline var trail: [Int32] = []
    /// The pre-state root the witness was verified against.
    public let preStateRoot: Bytes32

    /// Number of hash-function calls so far (verification, root recomputation).
    public var hashCalls: Int { meter.calls }
    /// Number of bytes hashed so far.
    public var hashedBytes: Int { meter.bytes }
    /// Number of nodes held (witness nodes plus nodes created by writes).
    public var nodeCount: Int { nodes.count }

    /// Decodes `witness`, checks its canonical form and that it hashes to `root`. Nothing is served before this
    /// succeeds.
    public init(root: Bytes32, witness: UnsafeRawBufferPointer, maxNodes: Int = defaultMaxNodes)
        throws(WitnessError)
    {
        var d = WitnessDecoder<H>(witness, maxNodes: maxNodes, hashing: TreeHash<H>())
        let top = try d.main(depth: 0, path: .zero)
        if d.pos != witness.count { throw .trailingBytes(offset: d.pos) }
        if d.nodes[Int(top)].hash != root { throw .rootMismatch(expected: root, computed: d.nodes[Int(top)].hash) }
        // `top` is 0: the root is decoded first.
        nodes = d.nodes
        meter = d.th
        preStateRoot = root
        trail.reserveCapacity(260)
    }

    /// `init(root:witness:)` over an array; `root` must be 32 bytes.
    public init(root: [UInt8], witness: [UInt8], maxNodes: Int = defaultMaxNodes) throws(WitnessError) {
        guard let r = Bytes32(root) else { throw .invalidLength(root.count) }
        let result = witness.withUnsafeBytes { w in
            Result { () throws(WitnessError) -> WitnessState in try WitnessState(root: r, witness: w, maxNodes: maxNodes) }
        }
        self = try result.get()
    }

    // MARK: - Reads

    /// The pre- or last written value of `key`, nil when absent. Throws `.incomplete(key)` when the witness does
    /// not cover `key`.
    public func read(key: Bytes32) throws(WitnessError) -> Bytes32? {
        let s = key.stem
        var i = 0
        var d = 0
        while true {
            let n = nodes[i]
            switch n.kind {
            case .internal:
                i = Int(s.bit(d) == 0 ? n.left : n.right)
                d += 1
            case .opaque:
                throw .incomplete(key: key)
            case .empty, .value:
                return nil
            case .stem:
                if n.aux != s { return nil }
                return try readLeaf(subtree: Int(n.left), key: key)
            }
        }
    }

    func readLeaf(subtree: Int, key: Bytes32) throws(WitnessError) -> Bytes32? {
        let x = key.subindex
        var j = subtree
        for level in 0..<8 {
            let n = nodes[j]
            switch n.kind {
            case .internal: j = Int((x >> UInt8(7 - level)) & 1 == 0 ? n.left : n.right)
            case .empty: return nil
            default: throw .incomplete(key: key)
            }
        }
        switch nodes[j].kind {
        case .value: return nodes[j].aux
        case .empty: return nil
        default: throw .incomplete(key: key)
        }
    }

    /// `read(key:)` with byte arrays.
    public func read(key: [UInt8]) throws(WitnessError) -> [UInt8]? {
        guard let k = Bytes32(key) else { throw .invalidLength(key.count) }
        return try read(key: k)?.bytes
    }
}

/// The verifier state with rvx's default hash, SHA-256.
public typealias SHA256WitnessState = WitnessState<SHA256TreeHasher>
