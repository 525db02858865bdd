import EVM
import EVMPrimitives

/// One entry of a chain's fork schedule: from `timestamp` on, blocks follow `fork`'s rules, with `blob` as
/// the chain's own blob schedule for the fork (EIP-7840 `blobSchedule`; nil: the fork's `ForkSpec.blob`).
public struct ForkActivation: Equatable, Sendable {
    public var fork: Fork
    public var timestamp: UInt64
    public var blob: BlobParameters?

    public init(fork: Fork, timestamp: UInt64, blob: BlobParameters? = nil) {
        self.fork = fork
        self.timestamp = timestamp
        self.blob = blob
    }
}

/// The chain configuration a block is validated under (geth's `ChainConfig`, EEST's `config`): the chain id,
/// the timestamp-activated fork schedule of the post-Merge forks, ascending by timestamp, and the EIP-6110
/// deposit contract (mainnet's by default).
public struct ChainConfig: Equatable, Sendable {
    public var chainId: UInt256
    public var schedule: [ForkActivation]
    public var depositContract: Address

    public init(chainId: UInt256, schedule: [ForkActivation], depositContract: Address = SystemContracts.depositContract) {
        self.chainId = chainId
        self.schedule = schedule
        self.depositContract = depositContract
    }

    /// The activation in force at `timestamp`: the last whose timestamp is ≤ it; nil before the first.
    public func activation(at timestamp: UInt64) -> ForkActivation? {
        var found: ForkActivation? = nil
        for a in schedule where a.timestamp <= timestamp { found = a }
        return found
    }

    /// The rules for a block with `timestamp`; nil when no supported fork is active.
    public func rules(at timestamp: UInt64) -> BlockRules? {
        guard let a = activation(at: timestamp) else { return nil }
        return BlockRules(fork: a.fork, blob: a.blob)
    }
}

/// The block-level rules of one fork, in one place (execution-specs `forks/<fork>/fork.py`): the fork, its
/// `ForkSpec` with the chain's blob schedule applied, and the header fields and block-level EIPs it has.
/// Post-Merge forks are supported: Paris through BPO2.
public struct BlockRules: Equatable, Sendable {
    public var fork: Fork
    /// The chain's blob schedule for the fork (target, max, update fraction), or nil for the fork's own.
    public var blobOverride: BlobParameters?

    public init?(fork: Fork, blob: BlobParameters? = nil) {
        guard fork >= .paris else { return nil }
        self.fork = fork
        self.blobOverride = fork >= .cancun ? blob : nil
    }

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

    /// The header's field count under this fork (16 for Paris, 17 Shanghai, 20 Cancun, 21 Prague on).
    public var headerFieldCount: Int {
        if hasRequests { return 21 }
        if hasBeaconRoot { return 20 }
        if hasWithdrawals { return 17 }
        return 16
    }
}
