import EVM
import EVMPrimitives

/// The 2048-bit logs bloom (Yellow Paper §4.3.1 eq. 26–30; execution-specs `bloom.py`): for the address and
/// each topic of every log, three bits chosen by the low 11 bits of the first three byte pairs of its keccak.
public enum LogsBloom {
    public static func add<H: KeccakHasher>(_ data: [UInt8], to bloom: inout [UInt8], _ hasher: H) {
        add(digest: data.withUnsafeBytes { hasher.keccak256Word($0) }, to: &bloom)
    }

    /// The three bits of a keccak digest (as a big-endian word: its first six bytes are the top of `w3`).
    static func add(digest h: UInt256, to bloom: inout [UInt8]) {
        var shift: UInt64 = 48
        while shift >= 16 {
            let bit = Int(truncatingIfNeeded: h.w3 &>> shift) & 2047
            bloom[255 &- bit &>> 3] |= UInt8(1) << UInt8(bit & 7)
            shift &-= 16
        }
    }

    /// Adds a log's address and topics, each hashed from the stack (no arrays).
    public static func add<H: KeccakHasher>(_ log: Log, to bloom: inout [UInt8], _ hasher: H) {
        var raw: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &raw) { log.address.word.storeBigEndian(to: $0.baseAddress!) }
        add(digest: withUnsafeBytes(of: &raw) { hasher.keccak256Word(UnsafeRawBufferPointer(rebasing: $0[12..<32])) }, to: &bloom)
        for t in log.topics {
            withUnsafeMutableBytes(of: &raw) { t.storeBigEndian(to: $0.baseAddress!) }
            add(digest: withUnsafeBytes(of: &raw) { hasher.keccak256Word($0) }, to: &bloom)
        }
    }

    /// logs_bloom(logs): 256 bytes.
    public static func of<H: KeccakHasher>(_ logs: [Log], _ hasher: H) -> [UInt8] {
        var bloom = [UInt8](repeating: 0, count: 256)
        for log in logs { add(log, to: &bloom, hasher) }
        return bloom
    }

    /// `bloom` |= `other` (the bloom of a union of logs).
    public static func merge(_ other: [UInt8], into bloom: inout [UInt8]) {
        for i in 0..<256 { bloom[i] |= other[i] }
    }
}

/// A transaction receipt as the receipts trie stores it (EIP-658 status, EIP-2718 typed envelope;
/// execution-specs `make_receipt`, `encode_receipt`): `rlp([status, cumulativeGasUsed, bloom, logs])`,
/// prefixed with the transaction type for typed transactions.
public enum ReceiptEncoding {
    public static func encode<H: KeccakHasher>(type: UInt8, succeeded: Bool, cumulativeGasUsed: UInt64, logs: [Log],
                                                _ hasher: H) -> [UInt8] {
        encode(type: type, succeeded: succeeded, cumulativeGasUsed: cumulativeGasUsed, logs: logs,
               bloom: LogsBloom.of(logs, hasher))
    }

    /// The same with the logs' bloom already computed; lengths first, one buffer.
    public static func encode(type: UInt8, succeeded: Bool, cumulativeGasUsed: UInt64, logs: [Log], bloom: [UInt8]) -> [UInt8] {
        var logsLength = 0
        for log in logs { logsLength &+= LogsHash.encodedLength(log) }
        let gasLength = cumulativeGasUsed < 0x80 && cumulativeGasUsed != 0 ? 1 : 1 &+ RLP.byteCount(cumulativeGasUsed)
        let payloadLength = 1 &+ gasLength &+ 3 &+ 256 &+ RLP.headerLength(payloadLength: logsLength) &+ logsLength
        var out: [UInt8] = []
        out.reserveCapacity(1 &+ RLP.headerLength(payloadLength: payloadLength) &+ payloadLength)
        if type != 0 { out.append(type) }
        RLP.encodeListHeader(payloadLength: payloadLength, into: &out)
        RLP.encodeUInt64(succeeded ? 1 : 0, into: &out)
        RLP.encodeUInt64(cumulativeGasUsed, into: &out)
        RLP.encodeBytes(bloom, into: &out)
        RLP.encodeListHeader(payloadLength: logsLength, into: &out)
        for log in logs { LogsHash.encode(log, into: &out) }
        return out
    }
}
