import EVM
import EVMPrimitives

/// The 2048-bit logs bloom (Yellow Paper §4.3.1 eq. 26–30; execution-specs `bloom.py`): for the address and
/// each topic of every log, three bits chosen by the low 11 bits of the first three byte pairs of its keccak.
public enum LogsBloom {
    public static func add<H: KeccakHasher>(_ data: [UInt8], to bloom: inout [UInt8], _ hasher: H) {
        let h = hasher.keccak256(data)
        var i = 0
        while i < 6 {
            let bit = (Int(h[i]) << 8 | Int(h[i + 1])) & 2047
            bloom[255 - bit / 8] |= UInt8(1) << UInt8(bit % 8)
            i += 2
        }
    }

    /// logs_bloom(logs): 256 bytes.
    public static func of<H: KeccakHasher>(_ logs: [Log], _ hasher: H) -> [UInt8] {
        var bloom = [UInt8](repeating: 0, count: 256)
        for log in logs {
            add(log.address.bytes, to: &bloom, hasher)
            for t in log.topics { add(t.bigEndianBytes, to: &bloom, hasher) }
        }
        return bloom
    }
}

/// A transaction receipt as the receipts trie stores it (EIP-658 status, EIP-2718 typed envelope;
/// execution-specs `make_receipt`, `encode_receipt`): `rlp([status, cumulativeGasUsed, bloom, logs])`,
/// prefixed with the transaction type for typed transactions.
public enum ReceiptEncoding {
    public static func encode<H: KeccakHasher>(type: UInt8, succeeded: Bool, cumulativeGasUsed: UInt64, logs: [Log],
                                                _ hasher: H) -> [UInt8] {
        var p: [UInt8] = []
        RLP.encodeUInt64(succeeded ? 1 : 0, into: &p)
        RLP.encodeUInt64(cumulativeGasUsed, into: &p)
        RLP.encodeBytes(LogsBloom.of(logs, hasher), into: &p)
        var logList: [UInt8] = []
        for log in logs { LogsHash.encode(log, into: &logList) }
        RLP.encodeListHeader(payloadLength: logList.count, into: &p)
        p.append(contentsOf: logList)
        var out: [UInt8] = []
        if type != 0 { out.append(type) }
        RLP.encodeListHeader(payloadLength: p.count, into: &out)
        out.append(contentsOf: p)
        return out
    }
}
