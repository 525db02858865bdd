/// A fork's blob schedule (EIP-4844 §"Parameters", EIP-7691 for Prague, EIP-7840 `blobSchedule`, EIP-7892
/// blob-parameter-only forks): the target and maximum number of blobs per block and the blob base fee update
/// fraction; plus the per-transaction blob limit (EIP-7594 from Osaka; the block maximum before).
public struct BlobParameters: Equatable, Sendable {
    /// Blobs per block the fee market aims at.
    public var target: Int
    /// Blobs per block at most.
    public var max: Int
    /// BLOB_BASE_FEE_UPDATE_FRACTION.
    public var baseFeeUpdateFraction: UInt64
    /// Blobs per transaction at most.
    public var maxPerTransaction: Int

    public init(target: Int, max: Int, baseFeeUpdateFraction: UInt64, maxPerTransaction: Int) {
        self.target = target
        self.max = max
        self.baseFeeUpdateFraction = baseFeeUpdateFraction
        self.maxPerTransaction = maxPerTransaction
    }

    /// GAS_PER_BLOB: 2^17.
    public static let gasPerBlob: Int64 = 1 << 17
    /// BLOB_BASE_COST of EIP-7918: 2^13.
    public static let blobBaseCost: UInt64 = 1 << 13

    /// Before Cancun: no blobs.
    public static let none = BlobParameters(target: 0, max: 0, baseFeeUpdateFraction: 1, maxPerTransaction: 0)
    /// EIP-4844 (Cancun): 3 / 6, 3338477.
    public static let cancun = BlobParameters(target: 3, max: 6, baseFeeUpdateFraction: 3_338_477, maxPerTransaction: 6)
    /// EIP-7691 (Prague): 6 / 9, 5007716.
    public static let prague = BlobParameters(target: 6, max: 9, baseFeeUpdateFraction: 5_007_716, maxPerTransaction: 9)
    /// Osaka keeps Prague's schedule; EIP-7594 limits a transaction to 6 blobs.
    public static let osaka = BlobParameters(target: 6, max: 9, baseFeeUpdateFraction: 5_007_716, maxPerTransaction: 6)
    /// BPO1 (EIP-7892, mainnet Fusaka schedule): 10 / 15, 8346193.
    public static let bpo1 = BlobParameters(target: 10, max: 15, baseFeeUpdateFraction: 8_346_193, maxPerTransaction: 6)
    /// BPO2 (EIP-7892, mainnet Fusaka schedule): 14 / 21, 11684671.
    public static let bpo2 = BlobParameters(target: 14, max: 21, baseFeeUpdateFraction: 11_684_671, maxPerTransaction: 6)

    /// MAX_BLOB_GAS_PER_BLOCK.
    @inlinable
    public var maxBlobGasPerBlock: Int64 { Int64(max) * BlobParameters.gasPerBlob }
    /// TARGET_BLOB_GAS_PER_BLOCK.
    @inlinable
    public var targetBlobGasPerBlock: Int64 { Int64(target) * BlobParameters.gasPerBlob }
}
