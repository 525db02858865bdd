import EVM
import EVMPrimitives

/// One entry of a chain's fork schedule: from `timestamp` on, blocks follow `fork`'s rules, with `blob` as
/// the chain's own blob schedule for the fork (EIP-7840 `blobSchedule`; nil: the fork's `ForkSpec.blob`).
/// The forks before the Merge (Berlin, London) activate by block number instead (execution-specs
/// `ByBlockNumber` fork criteria, geth's `berlinBlock`/`londonBlock`): `block` is that number and
/// `timestamp` is 0.
public struct ForkActivation: Equatable, Sendable {
    public var fork: Fork
    public var timestamp: UInt64
    public var blob: BlobParameters?
    /// The activation block number of a block-activated (pre-Merge) fork; nil for timestamp activation.
    public var block: UInt64?

    public init(fork: Fork, timestamp: UInt64, blob: BlobParameters? = nil) {
        self.fork = fork
        self.timestamp = timestamp
        self.blob = blob
        self.block = nil
    }

    /// A block-activated fork (Berlin, London): active from block `block` on.
    public init(fork: Fork, block: UInt64) {
        self.fork = fork
        self.timestamp = 0
        self.blob = nil
        self.block = block
    }

    /// Whether the fork is active for a block with `number` and `timestamp`.
    public func isActive(number: UInt64, timestamp t: UInt64) -> Bool {
        if let block { return number >= block }
        return t >= timestamp
    }
}

/// The chain configuration a block is validated under (geth's `ChainConfig`, EEST's `config`): the chain id,
/// the fork schedule in fork order (Berlin and London activated by block number, Paris on by timestamp), and
/// the EIP-6110 deposit contract (mainnet's by default).
public struct ChainConfig: Equatable, Sendable {
    public var chainId: UInt256
    public var schedule: [ForkActivation]
    public var depositContract: Address

    public init(chainId: UInt256, schedule: [ForkActivation], depositContract: Address = SystemContracts.depositContract) {
        self.chainId = chainId
        self.schedule = schedule
        self.depositContract = depositContract
    }

    /// The activation in force for a block with `number` and `timestamp`: the last active one; nil before the
    /// first.
    public func activation(number: UInt64, timestamp: UInt64) -> ForkActivation? {
        var found: ForkActivation? = nil
        for a in schedule where a.isActive(number: number, timestamp: timestamp) { found = a }
        return found
    }

    /// The rules for a block with `number` and `timestamp`; nil when no supported fork is active.
    public func rules(number: UInt64, timestamp: UInt64) -> BlockRules? {
        guard let a = activation(number: number, timestamp: timestamp) else { return nil }
        var rules = BlockRules(fork: a.fork, blob: a.blob)
        rules?.activationBlock = a.block
        return rules
    }

    /// The rules for a block with `timestamp` on a chain whose block-activated forks are all active.
    public func rules(at timestamp: UInt64) -> BlockRules? { rules(number: .max, timestamp: timestamp) }
}

/// The block-level rules of one fork, in one place (execution-specs `forks/<fork>/fork.py`): the fork, its
/// `ForkSpec` with the chain's blob schedule applied, and the header fields and block-level EIPs it has.
/// Berlin through BPO2 are supported (the forks the EVM runs); Berlin and London with the proof-of-work block
/// rules (`PreMergeRules`).
public struct BlockRules: Equatable, Sendable {
    public var fork: Fork
    /// The chain's blob schedule for the fork (target, max, update fraction), or nil for the fork's own.
    public var blobOverride: BlobParameters?
    /// The block the fork activated at, for block-activated forks (London's `FORK_CRITERIA.block_number`:
    /// that block's base fee is INITIAL_BASE_FEE).
    public var activationBlock: UInt64?

    public init?(fork: Fork, blob: BlobParameters? = nil) {
        guard fork >= .berlin else { return nil }
        self.fork = fork
        self.blobOverride = fork >= .cancun ? blob : nil
        self.activationBlock = nil
    }

    /// Before Paris (EIP-3675): difficulty, ommers and block rewards (`PreMergeRules`).
    public var isPreMerge: Bool { fork < .paris }
    /// EIP-1559 (London): `baseFeePerGas` in the header.
    public var hasBaseFee: Bool { fork >= .london }

    /// The EVM's rules for the block: `fork.spec` with the chain's blob schedule.
    public var spec: ForkSpec {
        guard let b = blobOverride else { return fork.spec }
        return fork.spec.withBlobSchedule(target: b.target, max: b.max, baseFeeUpdateFraction: b.baseFeeUpdateFraction)
    }

    /// The blob parameters in force (nil before Cancun).
    public var blob: BlobParameters? { hasBlobs ? spec.blob : nil }

    /// EIP-4895 (Shanghai): withdrawals in the body and `withdrawalsRoot` in the header.
    public var hasWithdrawals: Bool { fork >= .shanghai }
    /// EIP-4844 and EIP-4788 (Cancun): blob gas fields and the parent beacon block root.
    public var hasBlobs: Bool { fork >= .cancun }
    public var hasBeaconRoot: Bool { fork >= .cancun }
    /// EIP-7685 (Prague): `requestsHash` in the header; EIP-2935, EIP-6110, EIP-7002, EIP-7251 with it.
    public var hasRequests: Bool { fork.spec.has(.eip7685) }
    /// EIP-7934 (Osaka): the block RLP size limit.
    public var hasBlockSizeLimit: Bool { fork.spec.has(.eip7934) }

    /// The header's field count under this fork (15 for Berlin, 16 London and Paris, 17 Shanghai, 20 Cancun,
    /// 21 Prague on).
    public var headerFieldCount: Int {
        if hasRequests { return 21 }
        if hasBeaconRoot { return 20 }
        if hasWithdrawals { return 17 }
        return hasBaseFee ? 16 : 15
    }
}
