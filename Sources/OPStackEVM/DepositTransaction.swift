import EVM
import EVMPrimitives

/// An OP Stack deposited transaction, EIP-2718 type 0x7E (ethereum-optimism/specs `specs/protocol/deposits.md`
/// §The Deposited Transaction Type): `0x7E ‖ rlp([sourceHash, from, to, mint, value, gas, isSystemTx, data])`.
/// No nonce, no signature, no fee fields: `from` is explicit and gas is paid on L1.
public struct DepositTransaction: Equatable, Sendable {
    public static let type: UInt8 = 0x7e

    public var sourceHash: [UInt8]
    public var from: Address
    /// nil: contract creation.
    public var to: Address?
    /// Wei credited to `from` before execution, kept even when the deposit fails.
    public var mint: UInt256
    public var value: UInt256
    public var gas: UInt64
    /// Must be false from Regolith (a system deposit fails).
    public var isSystemTx: Bool
    public var data: [UInt8]
    /// Set when applied: the nonce of `from` before the transaction (the receipt's `depositNonce`, Regolith).
    public var depositNonce: UInt64? = nil

    public init(sourceHash: [UInt8], from: Address, to: Address?, mint: UInt256, value: UInt256, gas: UInt64,
                isSystemTx: Bool, data: [UInt8]) {
        self.sourceHash = sourceHash
        self.from = from
        self.to = to
        self.mint = mint
        self.value = value
        self.gas = gas
        self.isSystemTx = isSystemTx
        self.data = data
    }

    /// The EIP-2718 envelope.
    public func encode() -> [UInt8] {
        var p: [UInt8] = []
        RLP.encodeBytes(sourceHash, into: &p)
        RLP.encodeBytes(from.bytes, into: &p)
        RLP.encodeBytes(to?.bytes ?? [], into: &p)
        RLP.encodeBytes(mint.minimalBigEndianBytes, into: &p)
        RLP.encodeBytes(value.minimalBigEndianBytes, into: &p)
        RLP.encodeUInt64(gas, into: &p)
        RLP.encodeUInt64(isSystemTx ? 1 : 0, into: &p)
        RLP.encodeBytes(data, into: &p)
        var out: [UInt8] = [Self.type]
        RLP.encodeListHeader(payloadLength: p.count, into: &out)
        out.append(contentsOf: p)
        return out
    }

    /// Decodes an envelope: the type byte, then exactly eight canonical RLP fields (32-byte source hash,
    /// 20-byte addresses, integers without leading zeros, a boolean 0 or 1). Anything else is
    /// `.malformedEncoding`.
    public static func decode(_ envelope: [UInt8]) throws(TransactionError) -> DepositTransaction {
        guard envelope.first == type else { throw .typeNotSupported }
        let item: RLPItem
        do { item = try RLP.decode(Array(envelope[1...])) } catch { throw .malformedEncoding }
        guard case .list(let f) = item, f.count == 8 else { throw .malformedEncoding }
        let sourceHash = try TransactionDecoder.raw(f[0])
        guard sourceHash.count == 32 else { throw .malformedEncoding }
        let fromBytes = try TransactionDecoder.raw(f[1])
        guard fromBytes.count == 20 else { throw .malformedEncoding }
        let toBytes = try TransactionDecoder.raw(f[2])
        guard toBytes.isEmpty || toBytes.count == 20 else { throw .malformedEncoding }
        guard let gas = try TransactionDecoder.word(f[5]).uint64 else { throw .malformedEncoding }
        let system = try TransactionDecoder.word(f[6])
        guard system <= UInt256.one else { throw .malformedEncoding }
        return DepositTransaction(
            sourceHash: sourceHash, from: Address(bytes: fromBytes), to: toBytes.isEmpty ? nil : Address(bytes: toBytes),
            mint: try TransactionDecoder.word(f[3]), value: try TransactionDecoder.word(f[4]), gas: gas,
            isSystemTx: system == UInt256.one, data: try TransactionDecoder.raw(f[7]))
    }

    /// The source hash of a user deposit (deposits.md §Source hash computation):
    /// keccak256(bytes32(0) ‖ keccak256(l1BlockHash ‖ bytes32(l1LogIndex))); domain 1 for L1 attributes
    /// deposits (with the sequence number in place of the log index).
    public static func sourceHash<H: KeccakHasher>(domain: UInt64, l1BlockHash: [UInt8], index: UInt64, _ hasher: H) -> [UInt8] {
        let inner = hasher.keccak256(l1BlockHash + UInt256(index).bigEndianBytes)
        return hasher.keccak256(UInt256(domain).bigEndianBytes + inner)
    }
}

/// The receipt of a deposit from Canyon (deposits.md §Deposit Receipt):
/// `0x7E ‖ rlp([status, cumulativeGasUsed, logsBloom, logs, depositNonce, depositReceiptVersion = 1])`.
public enum DepositReceipt {
    public static let version: UInt64 = 1

    public static func encode(succeeded: Bool, cumulativeGasUsed: UInt64, logsBloom: [UInt8], logs: [Log],
                              depositNonce: UInt64) -> [UInt8] {
        var p: [UInt8] = []
        RLP.encodeUInt64(succeeded ? 1 : 0, into: &p)
        RLP.encodeUInt64(cumulativeGasUsed, into: &p)
        RLP.encodeBytes(logsBloom, into: &p)
        var logList: [UInt8] = []
        for log in logs { LogsHash.encode(log, into: &logList) }
        RLP.encodeListHeader(payloadLength: logList.count, into: &p)
        p.append(contentsOf: logList)
        RLP.encodeUInt64(depositNonce, into: &p)
        RLP.encodeUInt64(version, into: &p)
        var out: [UInt8] = [DepositTransaction.type]
        RLP.encodeListHeader(payloadLength: p.count, into: &out)
        out.append(contentsOf: p)
        return out
    }
}
