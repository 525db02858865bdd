import BinaryTree
import EVMPrimitives
import EVMProver
import InputContainer
import NativeCrypto
import StatelessEVM

/// A `TreeStore` over a key→value map that records every key read or written: the touched set of
/// `WitnessBuilder.build` (docs/STATE.md §6), so the tree witness of a block is built natively.
public final class RecordingTreeStore: TreeStore {
    public private(set) var entries: [Bytes32: Bytes32]
    public private(set) var touched: Set<Bytes32> = []

    public init(_ entries: [Bytes32: Bytes32]) { self.entries = entries }

    public func read(_ key: UInt256) -> UInt256? {
        let k = Bytes32(key.bigEndianBytes)!
        touched.insert(k)
        return entries[k].map { UInt256(bigEndian: $0.bytes) }
    }

    public func write(_ key: UInt256, _ value: UInt256?) {
        let k = Bytes32(key.bigEndianBytes)!
        touched.insert(k)
        entries[k] = value.map { Bytes32($0.bigEndianBytes)! }
    }
}

extension GeneratedBlock {
    /// The block's witness under both commitments (docs/STATE.md §9): the MPT witness of `EVMProver` and the
    /// binary-tree witness `WitnessBuilder` builds from the keys a native runtime-managed run touched, each
    /// in the container its guest takes, plain and compressed. `containers` receives the two plain containers
    /// ("mpt", "tree") for measurements outside rvx (`witness-report --containers`).
    public func measureWitness(name: String, kind: String,
                               containers: (String, [UInt8]) -> Void = { _, _ in }) throws(EVMBlocksError) -> WitnessMeasurement {
        let proof = try mptProof()
        containers("mpt", proof.container)
        let batch = Batch.encode(transactions)
        let mptFigures: (compressed: Int, cycles: UInt64)
        do { mptFigures = try CommitmentWitness.containerFigures(proof.container) } catch { throw .proverFailed("\(error)") }
        let w = proof.witness
        var mpt = CommitmentWitness(
            witnessBytes: proof.witnessBytes, nodeBytes: w.nodes.reduce(0) { $0 + $1.count },
            codeBytes: w.codes.reduce(0) { $0 + $1.count }, codeChunkBytes: 0, nodes: w.nodes.count,
            containerBytes: proof.container.count, compressedContainerBytes: mptFigures.compressed,
            decodeCycles: mptFigures.cycles,
            recomputableHashBytes: MPTWitnessSavings.recomputableHashBytes(nodes: w.nodes, codes: w.codes),
            duplicateBytes: MPTWitnessSavings.duplicateBytes(w.nodes) + MPTWitnessSavings.duplicateBytes(w.codes))
        mpt.measureTransforms(witness: w.encode(), referencesDropped: MPTReferenceDropping.encode(w).bytes)
        return WitnessMeasurement(name: name, kind: kind, gasUsed: gasUsed, transactions: transactions.count,
                                  batchBytes: batch.count, mpt: mpt, tree: try treeWitness(batch: batch, containers))
    }

    /// The tree half of `measureWitness`.
    func treeWitness(batch: [UInt8], _ containers: (String, [UInt8]) -> Void) throws(EVMBlocksError) -> CommitmentWitness {
        let crypto = NativeCryptoProvider()
        let preEntries: [Bytes32: Bytes32]
        do { preEntries = try TreeLayout.entries(pre) } catch { throw .executionMismatch(error.description) }
        let store = RecordingTreeStore(preEntries)
        do {
            _ = try RuntimeManagedExecutor.execute(store: store, fork: fork, block: block, transactions: transactions,
                                                   anchor: anchor, crypto: crypto)
        } catch {
            throw .executionMismatch("tree run: \(error)")
        }
        let preTree = SHA256BinaryTree(preEntries)
        let witness: Witness
        let post = SHA256BinaryTree(store.entries)
        var beyondBound = false
        do { witness = try WitnessBuilder.build(pre: preTree, touched: store.touched, post: post) } catch {
            // Past the verifier's node bound (docs/STATE.md §4): measured all the same, and marked.
            guard case .tooManyNodes = error else { throw .proverFailed("tree witness: \(error)") }
            beyondBound = true
            do { witness = try WitnessBuilder.build(pre: preTree, touched: store.touched, post: post, maxNodes: Int(Int32.max)) } catch {
                throw .proverFailed("tree witness: \(error)")
            }
        }
        let codeStems = codeChunkStems(crypto)
        let chunks = store.touched.filter { k in
            guard let first = codeStems[Bytes32(stem: k.stem, subindex: 0)] else { return false }
            return k.subindex >= first && preEntries[k] != nil
        }.count
        let container: [UInt8]
        do {
            container = try InputContainer.encode(sections: [
                (.batch, batch), (.witness, witness.bytes), (.preStateRoot, preTree.root().bytes), (.l1Anchor, anchor),
                (.blockEnv, statelessBlockEnv.encode()),
            ])
        } catch { throw .proverFailed("\(error)") }
        containers("tree", container)
        let figures: (compressed: Int, cycles: UInt64)
        do { figures = try CommitmentWitness.containerFigures(container) } catch { throw .proverFailed("\(error)") }
        var tree = CommitmentWitness(
            witnessBytes: witness.size, nodeBytes: witness.size - 33 * chunks, codeBytes: 0, codeChunkBytes: 33 * chunks,
            nodes: store.touched.count, containerBytes: container.count, compressedContainerBytes: figures.compressed,
            decodeCycles: figures.cycles, recomputableHashBytes: 0, duplicateBytes: 0)
        tree.exceedsVerifierBound = beyondBound
        // The pruned tree holds only the hashes of subtrees it omits: nothing to recompute.
        tree.measureTransforms(witness: witness.bytes, referencesDropped: witness.bytes)
        return tree
    }

    /// The stems holding code chunks in the pre-state (EIP-7864 `get_tree_key_for_code_chunk`), each with
    /// the first subindex that holds a chunk (128 in the account header stem, 0 in the others).
    func codeChunkStems(_ crypto: NativeCryptoProvider) -> [Bytes32: UInt8] {
        var stems: [Bytes32: UInt8] = [:]
        for (a, e) in pre.entries where !e.account.code.isEmpty {
            let chunks = (e.account.code.count + 30) / 31
            let last = TreeKeys.codeChunkLocation(chunks - 1).treeIndex
            var index = UInt256.zero
            while index <= last {
                let stem = Bytes32(TreeKeys.stem(a, treeIndex: index, crypto: crypto).bigEndianBytes)!
                stems[stem] = index.isZero ? UInt8(TreeKeys.codeOffset) : 0
                index = index &+ UInt256(1)
            }
        }
        return stems
    }
}
