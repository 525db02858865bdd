import BinaryTree
import BlockInput
import EVM
import EVMPrimitives
import EthereumBlock
import InputContainer
import NativeCrypto
import StatelessBlock
import StatelessEVM

/// The prover of the binary-tree EVM guest's block mode (docs/EVMBLOCKS.md §10): a block, the headers of the
/// chain it extends and the parent's full state → the container `evm-bt-guest` verifies under the
/// runtime-managed state mode (docs/STATE.md). The parent state is laid out by EIP-7864 keys (`TreeLayout`); the
/// one block driver (`StatelessBlockVerifier.verifyOverTree`) runs natively over a recording view of that tree,
/// and the witness is the minimal binary-tree witness of exactly the keys the run read or wrote
/// (`RecordingState`, docs/STATE.md §6). The block input carries the ancestor headers (and ommer lists) only: its
/// `state` and `codes` are unused over the tree.
extension BlockProver {
    /// A tree-mode container and what the prover's own run found.
    public struct TreeProof {
        /// BATCH (the block input), PRE_STATE_ROOT (the parent's tree root), WITNESS and the optional L1_ANCHOR.
        public var container: [UInt8]
        /// The size of the WITNESS section.
        public var witnessBytes: Int
        public var preStateRoot: [UInt8]
        /// The tree root after the prover's run (the parent's root when the block is invalid).
        public var postStateRoot: [UInt8]
        /// The block driver's verdict in the prover's run.
        public var result: Result<BlockOutput, BlockVerificationError>
    }

    /// The tree-mode input of `block` on top of `ancestors` (parent first) whose parent state is `parentState`.
    /// Throws the layout error when the parent state does not fit EIP-7864's leaves (a balance ≥ 2^128).
    public static func proveOverTree(block: [UInt8], ancestors: [BlockHeader], ancestorOmmers: [[UInt8]] = [],
                                     parentState: InMemoryState, config: ChainConfig, anchor: [UInt8]? = nil,
                                     crypto: NativeCryptoProvider = NativeCryptoProvider()) throws -> TreeProof {
        let pre = try TreeLayout.tree(parentState)
        let input = blockInput(block: block, ancestors: ancestors, ancestorOmmers: ancestorOmmers, config: config)
        let store = RecordingTreeStore(pre)
        let result = Result { () throws(BlockVerificationError) in
            try StatelessBlockVerifier.verifyOverTree(input, store: store, anchor: anchor, crypto: crypto)
        }
        let witness = try store.state.witness()
        let preRoot = pre.root().bytes
        var sections: [(SectionKind, [UInt8])] = [(.batch, input.encode()), (.preStateRoot, preRoot), (.witness, witness.bytes)]
        if let anchor { sections.append((.l1Anchor, anchor)) }
        sections.sort { $0.0 < $1.0 }
        return TreeProof(container: try InputContainer.encode(sections: sections), witnessBytes: witness.size,
                         preStateRoot: preRoot, postStateRoot: store.state.current.root().bytes, result: result)
    }
}

/// A `TreeStore` over a recording run of the full tree (the prover's side of STATE_READ / STATE_WRITE).
final class RecordingTreeStore: TreeStore {
    var state: RecordingState<SHA256TreeHasher>

    init(_ pre: SHA256BinaryTree) { state = RecordingState(pre) }

    func read(_ key: UInt256) -> UInt256? {
        state.read(key: Bytes32(key.bigEndianBytes)!).map { UInt256(bigEndian: $0.bytes) }
    }

    func write(_ key: UInt256, _ value: UInt256?) {
        state.write(key: Bytes32(key.bigEndianBytes)!, value: value.map { Bytes32($0.bigEndianBytes)! })
    }
}
