import BlockInput
import EVM
import EVMPrimitives
import EVMProver
import EthereumBlock
import MerklePatriciaTrie
import NativeCrypto
import StatelessBlock

/// A generated block as an ordinary Ethereum block (docs/EVMBLOCKS.md §3, `--mode block`). The Cancun header
/// carries every commitment of execution-specs' `state_transition`: state, transactions, receipts and
/// withdrawals (no withdrawals) roots, logs bloom, gas used, blob gas used 0 and the zero parent beacon root.
/// Its parent is a genesis-like header over the pre-state: number − 1, timestamp − 12, the same gas limit, and
/// half of it used so that the base fee stays 1 gwei (EIP-1559). The guests verify the block in block mode
/// with the L1 anchor, the same path as a fixture block.
public struct EthereumBlockProof {
    public var parent: BlockHeader
    public var block: Block
    public var chain: ChainConfig
    /// The block input, container (BATCH, PRE_STATE_ROOT, L1_ANCHOR) and witness size from `BlockProver`.
    public var proof: BlockProver.Proof

    /// Builds the block from `g`, checks it with the native `state_transition` and proves it.
    public static func make(_ g: GeneratedBlock) throws -> EthereumBlockProof {
        let crypto = NativeCryptoProvider()
        let env = g.block
        let chain = ChainConfig(chainId: env.chainId, schedule: [ForkActivation(fork: g.fork, timestamp: 0)])
        let emptyRoot = MerklePatriciaTrie.emptyRootHash
        let zero = [UInt8](repeating: 0, count: 32)
        let parent = BlockHeader(
            parentHash: zero, ommersHash: HeaderValidation.emptyOmmersHash, coinbase: env.coinbase, stateRoot: g.preRoot,
            transactionsRoot: emptyRoot, receiptsRoot: emptyRoot, logsBloom: [UInt8](repeating: 0, count: 256), difficulty: .zero,
            number: env.number - 1, gasLimit: env.gasLimit, gasUsed: env.gasLimit / 2, timestamp: env.timestamp.uint64! - 12,
            extraData: [], prevRandao: zero, nonce: [UInt8](repeating: 0, count: 8), baseFeePerGas: env.baseFee,
            withdrawalsRoot: emptyRoot, blobGasUsed: 0, excessBlobGas: 0, parentBeaconBlockRoot: zero)
        var header = parent
        header.parentHash = parent.hash(crypto)
        header.number = env.number
        header.timestamp = env.timestamp.uint64!
        header.gasUsed = 0
        header.prevRandao = env.prevRandao.bigEndianBytes
        header.extraData = Array("rvx genblock".utf8)
        var block = Block(header: header, transactions: g.transactions, withdrawals: [])
        // The body's commitments: apply the body over the pre-state (as `state_transition` does), then fill them in.
        guard let rules = BlockRules(fork: g.fork) else { throw EVMBlocksError.executionMismatch("no block rules for \(g.fork.name)") }
        let hashes = [UInt256(bigEndian: header.parentHash)]
        let evm = EVM(state: JournaledState(backend: g.pre), crypto: crypto, spec: rules.spec,
                      block: BlockTransition.environment(header, chainId: chain.chainId, blockHashes: hashes))
        let out = try BlockTransition.applyBody(block, rules: rules, evm: evm, anchor: g.anchor, depositContract: chain.depositContract)
        var post = g.pre
        post.apply(evm.state)
        block.header.stateRoot = post.stateRoot(crypto)
        block.header.gasUsed = out.gasUsed
        block.header.transactionsRoot = out.transactionsRoot
        block.header.receiptsRoot = out.receiptsRoot
        block.header.withdrawalsRoot = out.withdrawalsRoot
        block.header.logsBloom = out.logsBloom
        block.header.blobGasUsed = out.blobGasUsed
        guard block.header.stateRoot == g.postRoot else { throw EVMBlocksError.executionMismatch("block post root differs from the batch's") }
        // The whole transition natively, header validation included.
        _ = try BlockTransition.execute(block, parent: parent, config: chain, blockHashes: hashes, backend: g.pre, crypto: crypto,
                                        anchor: g.anchor) { journal in
            var p = g.pre
            p.apply(journal)
            return p.stateRoot(crypto)
        }
        let proof = try BlockProver.prove(block: block.encode(), ancestors: [parent], parentState: g.pre, config: chain,
                                          anchor: g.anchor, crypto: crypto)
        return EthereumBlockProof(parent: parent, block: block, chain: chain, proof: proof)
    }
}
