import EVMPrimitives
import InputContainer

/// The witness of one block under one state commitment (docs/STATE.md §9, "Data availability"): its bytes by
/// kind, the container that carries it, and that container compressed (docs/FORMAT.md §8).
public struct CommitmentWitness: Sendable, Equatable, Encodable {
    /// The encoded WITNESS section (or, for block inputs, the encoded `witness` list of docs/FORMAT.md §7).
    public var witnessBytes: Int
    /// Trie nodes: MPT node bytes, or the binary tree's pruned-tree bytes other than code-chunk leaves.
    public var nodeBytes: Int
    /// Whole contract codes (MPT) — 0 for the tree, which holds code as chunks.
    public var codeBytes: Int
    /// Code-chunk leaves of the tree (a VALUE tag and 32 bytes each) — 0 for the MPT.
    public var codeChunkBytes: Int
    /// Number of MPT nodes or code chunks / touched tree keys.
    public var nodes: Int
    /// The EXECUTE container and its compressed form (`ContainerCompression.compress`), and the decode charge.
    public var containerBytes: Int
    public var compressedContainerBytes: Int
    public var decodeCycles: UInt64
    /// Stateless savings measured on the witness (docs/STATE.md §9.2): child references the verifier can
    /// recompute from nodes present in the witness (32 bytes each), and repeated nodes or codes.
    public var recomputableHashBytes: Int
    public var duplicateBytes: Int
    /// The witness alone under each stateless transform (docs/STATE.md §9.2): zlib (`8 + stream`, as in a
    /// compressed section), the dropped-references layout (`MPTReferenceDropping`; the witness itself for
    /// the tree), and that layout under zlib.
    public var witnessZlibBytes: Int = 0
    public var referencesDroppedBytes: Int = 0
    public var referencesDroppedZlibBytes: Int = 0
    /// The tree witness has more nodes than `WitnessState.defaultMaxNodes` (2^22): no verifier accepts it.
    public var exceedsVerifierBound = false

    public init(witnessBytes: Int, nodeBytes: Int, codeBytes: Int, codeChunkBytes: Int, nodes: Int, containerBytes: Int,
                compressedContainerBytes: Int, decodeCycles: UInt64, recomputableHashBytes: Int, duplicateBytes: Int) {
        self.witnessBytes = witnessBytes
        self.nodeBytes = nodeBytes
        self.codeBytes = codeBytes
        self.codeChunkBytes = codeChunkBytes
        self.nodes = nodes
        self.containerBytes = containerBytes
        self.compressedContainerBytes = compressedContainerBytes
        self.decodeCycles = decodeCycles
        self.recomputableHashBytes = recomputableHashBytes
        self.duplicateBytes = duplicateBytes
    }

    /// Fills the three transform sizes from the plain witness and its dropped-references layout.
    mutating func measureTransforms(witness: [UInt8], referencesDropped: [UInt8]) {
        witnessZlibBytes = 8 + ContainerCompression.deflateStream(witness).count
        referencesDroppedBytes = referencesDropped.count
        referencesDroppedZlibBytes = referencesDropped == witness
            ? witnessZlibBytes : 8 + ContainerCompression.deflateStream(referencesDropped).count
    }

    /// Measures `container` (its WITNESS section, or `witnessBytes` when the witness rides in the batch).
    static func containerFigures(_ container: [UInt8]) throws(ContainerError) -> (compressed: Int, cycles: UInt64) {
        let packed = try ContainerCompression.compress(try InputContainer(decoding: container))
        return (packed.count, try ContainerCompression.expand(packed).cycles)
    }
}

/// One row of `rvx evm witness-report`: a block, its batch, and its witness under the MPT and the binary tree.
public struct WitnessMeasurement: Sendable, Equatable, Encodable {
    public var name: String
    /// "fixture", "transfer", "erc20" or "worst-case".
    public var kind: String
    public var gasUsed: Int64
    public var transactions: Int
    /// The BATCH section without the witness: the encoded transactions (or the RLP block of a block input).
    public var batchBytes: Int
    public var mpt: CommitmentWitness
    /// nil when the block has no binary-tree layout (blockchain-test fixtures).
    public var tree: CommitmentWitness?

    public init(name: String, kind: String, gasUsed: Int64, transactions: Int, batchBytes: Int,
                mpt: CommitmentWitness, tree: CommitmentWitness?) {
        self.name = name
        self.kind = kind
        self.gasUsed = gasUsed
        self.transactions = transactions
        self.batchBytes = batchBytes
        self.mpt = mpt
        self.tree = tree
    }
}

/// Stateless savings inside an MPT witness (docs/STATE.md §9.2).
public enum MPTWitnessSavings {
    /// Bytes of 32-byte child references that point at a node (or code) also in the witness, so a verifier
    /// could recompute them: branch and extension children, and an account leaf's storage root and code hash.
    public static func recomputableHashBytes(nodes: [[UInt8]], codes: [[UInt8]]) -> Int {
        var present = Set<[UInt8]>()
        for n in nodes { present.insert(Keccak256.hash(n)) }
        for c in codes { present.insert(Keccak256.hash(c)) }
        var saved = 0
        func reference(_ item: RLPItem) {
            if case .bytes(let b) = item, b.count == 32, present.contains(b) { saved += 32 }
        }
        for n in nodes {
            guard case .list(let items)? = try? RLP.decode(n) else { continue }
            if items.count == 17 {
                items.prefix(16).forEach(reference)
            } else if items.count == 2 {
                reference(items[1])
                // An account leaf's value is rlp([nonce, balance, storageRoot, codeHash]).
                if case .bytes(let v) = items[1], case .list(let account)? = try? RLP.decode(v), account.count == 4 {
                    reference(account[2])
                    reference(account[3])
                }
            }
        }
        return saved
    }

    /// Bytes of nodes and codes that occur more than once (only the repeats).
    public static func duplicateBytes(_ items: [[UInt8]]) -> Int {
        var seen = Set<[UInt8]>()
        var bytes = 0
        for i in items where !seen.insert(i).inserted { bytes += i.count }
        return bytes
    }
}
