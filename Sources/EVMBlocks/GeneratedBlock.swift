import EVM
import EVMPrimitives

/// Options of `rvx evm genblock` (docs/EVMBLOCKS.md §3).
public struct GenBlockOptions: Sendable {
    /// The block gas limit; transactions are added while their gas limit fits in the gas left.
    public var gas: UInt64 = 30_000_000
    /// Percentage (0…100) of transactions that are ERC-20 `transfer` calls; the rest are ETH transfers.
    public var erc20Share: UInt64 = 50
    /// Seed of every choice (keys, senders, recipients, amounts, anchor).
    public var seed: UInt64 = 1
    /// Number of funded accounts; nil means one per two transactions that fit (at least 8).
    public var accounts: Int?

    public init(gas: UInt64 = 30_000_000, erc20Share: UInt64 = 50, seed: UInt64 = 1, accounts: Int? = nil) {
        self.gas = gas
        self.erc20Share = erc20Share
        self.seed = seed
        self.accounts = accounts
    }

    /// Rejects options that cannot make a block.
    public func validate() throws(EVMBlocksError) {
        if gas < 21_000 { throw .invalidOption("--gas must be at least 21000") }
        if gas > 1_000_000_000 { throw .invalidOption("--gas must be at most 1000000000") }
        if erc20Share > 100 { throw .invalidOption("--erc20-share must be 0…100") }
        if let n = accounts, n < 2 || n > 1_000_000 { throw .invalidOption("--accounts must be 2…1000000") }
    }
}

/// A generated rollup block with its pre-state and the natively computed results.
public struct GeneratedBlock {
    public var options: GenBlockOptions
    public var pre: InMemoryState
    public var block: BlockEnv
    public var fork: Fork
    /// The 32-byte L1 anchor written by the system call before the transactions.
    public var anchor: [UInt8]
    /// Signed EIP-1559 envelopes, in block order.
    public var transactions: [[UInt8]]
    public var receipts: [BlockReceipt]
    public var gasUsed: Int64
    public var ethTransfers: Int
    public var erc20Transfers: Int
    public var post: InMemoryState
    /// MPT state roots (Yellow Paper §4.1) of the pre- and post-state.
    public var preRoot: [UInt8]
    public var postRoot: [UInt8]
    /// keccak256(rlp(logs)) over the block's logs.
    public var logsHash: [UInt8]
}
