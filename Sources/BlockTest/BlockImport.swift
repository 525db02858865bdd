import EVM
import EVMPrimitives
import EthereumBlock
import NativeCrypto

/// A block known to a native chain (`rvx evm blocktest`, `rvx evm diff --blocks`): its header, post-state,
/// and what its child needs of the chain: the BLOCKHASH window, the ancestor headers a block witness carries,
/// the ommers the last seven blocks included (`validate_ommers`) and the total difficulty (pre-Merge fork
/// choice).
public struct ChainEntry {
    public var header: BlockHeader
    public var state: InMemoryState
    /// The hashes of up to 256 blocks ending with this one, oldest first (the child's `blockHashes`).
    public var hashes: [UInt256]
    /// This block's header and its ancestors', newest first, at most 256 (the child's witness headers).
    public var lineage: [BlockHeader]
    /// The hashes of the ommers included by this block and its ancestors, newest block first, seven blocks.
    public var ommerHashes: [[[UInt8]]]
    /// `rlp(ommers)` of this block and its ancestors, newest first, seven blocks (a block input's ancestor
    /// ommers, docs/FORMAT.md §7.3).
    public var ommerLists: [[UInt8]]
    /// The sum of the difficulties from the genesis to this block.
    public var totalDifficulty: UInt256

    /// The genesis entry.
    public init(genesis: BlockHeader, state: InMemoryState, crypto: NativeCryptoProvider) {
        header = genesis
        self.state = state
        hashes = [UInt256(bigEndian: genesis.hash(crypto))]
        lineage = [genesis]
        ommerHashes = [[]]
        ommerLists = [PreMergeRules.encodeOmmers([])]
        totalDifficulty = genesis.difficulty
    }

    init(header: BlockHeader, state: InMemoryState, hashes: [UInt256], lineage: [BlockHeader], ommerHashes: [[[UInt8]]],
         ommerLists: [[UInt8]], totalDifficulty: UInt256) {
        self.header = header
        self.state = state
        self.hashes = hashes
        self.lineage = lineage
        self.ommerHashes = ommerHashes
        self.ommerLists = ommerLists
        self.totalDifficulty = totalDifficulty
    }

    /// What `validate_ommers` reads of the chain for a child of this block.
    public var ancestryForChild: BlockAncestry {
        BlockAncestry(headers: Array(lineage.prefix(Int(PreMergeRules.maxOmmerDepth) + 1)), includedOmmers: ommerHashes.flatMap { $0 })
    }
}

/// A block imported on its parent: its hash, chain entry and execution output.
public struct ImportedBlock {
    public var hash: [UInt8]
    public var entry: ChainEntry
    public var output: BlockOutput
}

/// The one native block import: decode, find the parent by hash, run `BlockTransition.execute` on the parent's
/// in-memory state with the parent's BLOCKHASH window and ommer ancestry.
public enum BlockImport {
    public static let maxAncestors = 256

    public static func importBlock(_ rlp: [UInt8], chain: [[UInt8]: ChainEntry], config: ChainConfig,
                                   crypto: NativeCryptoProvider) -> Result<ImportedBlock, BlockError> {
        let block: Block
        do { block = try Block.decode(rlp) } catch { return .failure(error) }
        guard let parent = chain[block.header.parentHash] else { return .failure(.unknownParent) }
        var post = parent.state
        let out: BlockOutput
        do {
            out = try BlockTransition.execute(
                block, parent: parent.header, config: config, blockHashes: parent.hashes, backend: parent.state,
                crypto: crypto, ancestry: parent.ancestryForChild
            ) { journal in
                post.apply(journal)
                return post.stateRoot(crypto)
            }
        } catch { return .failure(error) }
        let hash = block.header.hash(crypto)
        let entry = ChainEntry(
            header: block.header, state: post,
            hashes: Array((parent.hashes + [UInt256(bigEndian: hash)]).suffix(maxAncestors)),
            lineage: Array(([block.header] + parent.lineage).prefix(maxAncestors)),
            ommerHashes: Array(([block.ommers.map { $0.hash(crypto) }] + parent.ommerHashes).prefix(Int(PreMergeRules.maxOmmerDepth) + 1)),
            ommerLists: Array(([PreMergeRules.encodeOmmers(block.ommers)] + parent.ommerLists).prefix(Int(PreMergeRules.maxOmmerDepth) + 1)),
            totalDifficulty: parent.totalDifficulty &+ block.header.difficulty)
        return .success(ImportedBlock(hash: hash, entry: entry, output: out))
    }
}
