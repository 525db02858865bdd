import EVM
import EVMPrimitives

/// The blob parameters of one fork (EIP-4844 for Cancun; EIP-7840 `blobSchedule`): target and maximum blobs
/// per block, and the base-fee update fraction.
public struct ChainBlobSchedule: Equatable, Sendable {
    public var target: UInt64
    public var max: UInt64
    public var baseFeeUpdateFraction: UInt64

    public init(target: UInt64, max: UInt64, baseFeeUpdateFraction: UInt64) {
        self.target = target
        self.max = max
        self.baseFeeUpdateFraction = baseFeeUpdateFraction
    }

    /// Cancun (EIP-4844): target 3, max 6, update fraction 3,338,477.
    public static let cancun = ChainBlobSchedule(target: 3, max: 6, baseFeeUpdateFraction: 3_338_477)

    /// GAS_PER_BLOB of EIP-4844.
    public static let gasPerBlob: UInt64 = 131_072
    public var targetBlobGas: UInt64 { target &* Self.gasPerBlob }
    public var maxBlobGas: UInt64 { max &* Self.gasPerBlob }
}

/// One entry of a chain's fork schedule: from `timestamp` on, blocks follow `fork`'s rules (with `blob`'s
/// parameters when the fork has blobs).
public struct ForkActivation: Equatable, Sendable {
    public var fork: Fork
    public var timestamp: UInt64
    public var blob: ChainBlobSchedule?

    public init(fork: Fork, timestamp: UInt64, blob: ChainBlobSchedule? = nil) {
        self.fork = fork
        self.timestamp = timestamp
        self.blob = blob
    }
}

/// The chain configuration a block is validated under (geth's `ChainConfig`, EEST's `config`): the chain id
/// and the timestamp-activated fork schedule of the post-Merge forks, ascending by timestamp.
public struct ChainConfig: Equatable, Sendable {
    public var chainId: UInt256
    public var schedule: [ForkActivation]

    public init(chainId: UInt256, schedule: [ForkActivation]) {
        self.chainId = chainId
        self.schedule = schedule
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

/// The block-level rules of one fork, in one place (execution-specs `forks/<fork>/fork.py` constants and the
/// header fields each fork adds). Only post-Merge forks whose block rules are implemented are supported:
/// Paris, Shanghai, Cancun.
public struct BlockRules: Equatable, Sendable {
    public var fork: Fork
    /// Blob parameters from Cancun on (the fork's defaults when the chain configuration gives none).
    public var blob: ChainBlobSchedule?

    public init?(fork: Fork, blob: ChainBlobSchedule? = nil) {
        guard fork >= .paris, fork <= .cancun else { return nil }
        self.fork = fork
        if fork >= .cancun { self.blob = blob ?? .cancun } else { self.blob = nil }
    }

    /// EIP-4895 (Shanghai): withdrawals in the body and `withdrawalsRoot` in the header.
    public var hasWithdrawals: Bool { fork >= .shanghai }
    /// EIP-4844 and EIP-4788 (Cancun): blob gas fields and the parent beacon block root.
    public var hasBlobs: Bool { fork >= .cancun }
    public var hasBeaconRoot: Bool { fork >= .cancun }

    /// The header's field count under this fork (16 for Paris, 17 Shanghai, 20 Cancun).
    public var headerFieldCount: Int {
        if hasBeaconRoot { return 20 }
        if hasWithdrawals { return 17 }
        return 16
    }
}
