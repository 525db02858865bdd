import BlockInput
import EVM
import EVMPrimitives
import EthereumBlock
import InputContainer
import NativeCrypto
import StatelessBlock
import StatelessEVM

/// The prover of the EVM guests' block mode (docs/EVMBLOCKS.md §7, docs/FORMAT.md §7): a block, the headers of
/// the chain it extends and the parent's full state → the block input with the minimal witness, collected by
/// running the one block driver (`StatelessBlockVerifier`) in prover mode over the parent state's tries. The
/// witness holds the state nodes and codes the run read, and the ancestor headers given (parent first, at most
/// 256); `keys` stays empty (preimages are informational, docs/FORMAT.md §7.1).
public enum BlockProver {
    /// A block input and its EXECUTE container (BATCH = the block input, PRE_STATE_ROOT = the parent's root).
    public struct Proof {
        public var input: BlockInput
        public var container: [UInt8]
        /// The encoded witness (state nodes, codes, keys and headers).
        public var witnessBytes: Int
    }

    /// The input of `block` on top of `ancestors` (parent first) whose parent state is `parentState`;
    /// `ancestorOmmers` are the `rlp(ommers)` of the ancestors' blocks, parent first (`validate_ommers`' ancestry,
    /// docs/FORMAT.md §7.3), carried only when the block has ommers.
    public static func prove(block: [UInt8], ancestors: [BlockHeader], ancestorOmmers: [[UInt8]] = [], parentState: InMemoryState,
                             config: ChainConfig, anchor: [UInt8]? = nil, crypto: NativeCryptoProvider = NativeCryptoProvider()) throws -> Proof {
        let full = FullState(parentState, hasher: crypto)
        return try prove(block: block, ancestors: ancestors, ancestorOmmers: ancestorOmmers, full: full, config: config, anchor: anchor,
                         crypto: crypto)
    }

    /// The same from the parent state's tries (`FullState`).
    public static func prove(block: [UInt8], ancestors: [BlockHeader], ancestorOmmers: [[UInt8]] = [], full: FullState, config: ChainConfig,
                             anchor: [UInt8]? = nil, crypto: NativeCryptoProvider = NativeCryptoProvider()) throws -> Proof {
        let headers = Array(ancestors.prefix(BlockWitness.maxHeaders))
        let hasOmmers = ((try? Block.decode(block))?.ommers.isEmpty == false)
        let ommers = hasOmmers ? Array(ancestorOmmers.prefix(min(BlockAncestryInput.maxBlocks, headers.count))) : []
        var input = BlockInput(block: block, witness: BlockWitness(headers: headers), chain: config, ancestorOmmers: ommers)
        let prover = try WitnessBackend(preStateRoot: full.stateRoot, witness: ExecutionWitness(), hasher: crypto,
                                        fallbackNodes: full.nodes, fallbackCodes: full.codes)
        _ = try? StatelessBlockVerifier.verify(input, preStateRoot: full.stateRoot, backend: prover, anchor: anchor, crypto: crypto)
        input.witness.state = prover.addedNodes
        input.witness.codes = prover.addedCodes
        var witness: [UInt8] = []
        input.witness.encode(into: &witness)
        var sections: [(SectionKind, [UInt8])] = [(.batch, input.encode()), (.preStateRoot, full.stateRoot)]
        if let anchor { sections.append((.l1Anchor, anchor)) }
        return Proof(input: input, container: try InputContainer.encode(sections: sections), witnessBytes: witness.count)
    }
}
