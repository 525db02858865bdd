import EVM
import EVMPrimitives

/// The L1 attributes an L1 attributes deposit writes into the L1Block predeploy, in the Ecotone calldata of
/// `setL1BlockValuesEcotone` (ethereum-optimism/specs `specs/protocol/ecotone/l1-attributes.md`: selector
/// 0x440a5e20, then baseFeeScalar u32, blobBaseFeeScalar u32, sequenceNumber u64, timestamp u64, number u64,
/// basefee, blobBaseFee, hash, batcherHash; exactly 164 bytes).
public struct L1BlockInfo: Equatable, Sendable {
    public static let selector: [UInt8] = [0x44, 0x0a, 0x5e, 0x20]
    public static let calldataLength = 164

    public var baseFeeScalar: UInt32
    public var blobBaseFeeScalar: UInt32
    public var sequenceNumber: UInt64
    public var timestamp: UInt64
    public var number: UInt64
    public var baseFee: UInt256
    public var blobBaseFee: UInt256
    public var hash: UInt256
    public var batcherHash: UInt256

    public init(baseFeeScalar: UInt32, blobBaseFeeScalar: UInt32, sequenceNumber: UInt64, timestamp: UInt64,
                number: UInt64, baseFee: UInt256, blobBaseFee: UInt256, hash: UInt256, batcherHash: UInt256) {
        self.baseFeeScalar = baseFeeScalar
        self.blobBaseFeeScalar = blobBaseFeeScalar
        self.sequenceNumber = sequenceNumber
        self.timestamp = timestamp
        self.number = number
        self.baseFee = baseFee
        self.blobBaseFee = blobBaseFee
        self.hash = hash
        self.batcherHash = batcherHash
    }

    /// The 164-byte calldata of `setL1BlockValuesEcotone`.
    public func ecotoneCalldata() -> [UInt8] {
        var out = Self.selector
        Self.appendBigEndian(UInt64(baseFeeScalar), bytes: 4, to: &out)
        Self.appendBigEndian(UInt64(blobBaseFeeScalar), bytes: 4, to: &out)
        Self.appendBigEndian(sequenceNumber, bytes: 8, to: &out)
        Self.appendBigEndian(timestamp, bytes: 8, to: &out)
        Self.appendBigEndian(number, bytes: 8, to: &out)
        for w in [baseFee, blobBaseFee, hash, batcherHash] { out.append(contentsOf: w.bigEndianBytes) }
        return out
    }

    /// Parses `setL1BlockValuesEcotone` calldata; nil unless it is 164 bytes with the selector.
    public static func decodeEcotone(_ data: [UInt8]) -> L1BlockInfo? {
        guard data.count == calldataLength, Array(data[0..<4]) == selector else { return nil }
        func be(_ at: Int, _ n: Int) -> UInt64 {
            var v: UInt64 = 0
            for i in at..<(at + n) { v = v << 8 | UInt64(data[i]) }
            return v
        }
        func word(_ at: Int) -> UInt256 { UInt256(bigEndian: data[at..<(at + 32)]) }
        return L1BlockInfo(baseFeeScalar: UInt32(be(4, 4)), blobBaseFeeScalar: UInt32(be(8, 4)), sequenceNumber: be(12, 8),
                           timestamp: be(20, 8), number: be(28, 8), baseFee: word(36), blobBaseFee: word(68),
                           hash: word(100), batcherHash: word(132))
    }

    static func appendBigEndian(_ v: UInt64, bytes n: Int, to out: inout [UInt8]) {
        for i in (0..<n).reversed() { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }
}

/// The Ecotone L1 data fee (ethereum-optimism/specs `specs/protocol/exec-engine.md` §Ecotone L1-Cost fee
/// changes): for a non-deposit transaction with EIP-2718 encoding `envelope`,
/// `calldataGas = 4·zeroBytes + 16·nonZeroBytes` and
/// `l1Cost = calldataGas · (16·baseFeeScalar·l1BaseFee + blobBaseFeeScalar·l1BlobBaseFee) / 16e6`,
/// with the parameters read from the L1Block predeploy's storage (`OPStack.L1BlockSlot`).
public struct L1FeeParameters: Equatable, Sendable {
    public var l1BaseFee: UInt256
    public var blobBaseFee: UInt256
    public var baseFeeScalar: UInt32
    public var blobBaseFeeScalar: UInt32

    public init(l1BaseFee: UInt256, blobBaseFee: UInt256, baseFeeScalar: UInt32, blobBaseFeeScalar: UInt32) {
        self.l1BaseFee = l1BaseFee
        self.blobBaseFee = blobBaseFee
        self.baseFeeScalar = baseFeeScalar
        self.blobBaseFeeScalar = blobBaseFeeScalar
    }

    /// The parameters stored in the L1Block predeploy: slot 1 the L1 base fee, slot 7 the blob base fee,
    /// slot 3 bytes [16, 20) baseFeeScalar and [20, 24) blobBaseFeeScalar (Solidity offsets 12 and 8).
    public static func read<B: StateBackend>(_ state: inout JournaledState<B>) -> L1FeeParameters {
        let a = OPStack.l1Block
        let scalars = state.storage(a, OPStack.L1BlockSlot.feeScalars)
        return L1FeeParameters(
            l1BaseFee: state.storage(a, OPStack.L1BlockSlot.baseFee), blobBaseFee: state.storage(a, OPStack.L1BlockSlot.blobBaseFee),
            baseFeeScalar: UInt32(truncatingIfNeeded: scalars.w1 >> 32), blobBaseFeeScalar: UInt32(truncatingIfNeeded: scalars.w1))
    }

    /// The L1 data fee of `envelope` (0 for an empty envelope).
    public func l1Cost(_ envelope: [UInt8]) -> UInt256 {
        var zeros: UInt64 = 0
        for b in envelope where b == 0 { zeros += 1 }
        let calldataGas = UInt256(zeros * 4 + (UInt64(envelope.count) - zeros) * 16)
        let scaled = Self.add(Self.mul(UInt256(16 * UInt64(baseFeeScalar)), l1BaseFee),
                              Self.mul(UInt256(UInt64(blobBaseFeeScalar)), blobBaseFee))
        return UInt256.div(Self.mul(calldataGas, scaled), UInt256(16_000_000))
    }

    /// Products and sums beyond 256 bits saturate: such a fee exceeds every balance, so the transaction is
    /// rejected for insufficient funds, as with op-geth's unbounded integers.
    static func mul(_ a: UInt256, _ b: UInt256) -> UInt256 {
        let p = UInt256.fullMultiply(a, b)
        if (p[4] | p[5] | p[6] | p[7]) != 0 { return .max }
        return UInt256(w0: p[0], w1: p[1], w2: p[2], w3: p[3])
    }

    static func add(_ a: UInt256, _ b: UInt256) -> UInt256 {
        let (s, o) = a.addingReportingOverflow(b)
        return o ? .max : s
    }
}
