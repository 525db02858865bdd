import EVM
import EVMPrimitives

/// The state-trie leaf of an account, rlp([nonce, balance, storageRoot, codeHash]), and the storage-trie leaf
/// of a slot, rlp(minimal big-endian value) (Yellow Paper §4.1 eq. 8–10). Decoding is strict: canonical
/// scalars, 32-byte hashes, exactly four fields, a non-zero slot value.
public enum AccountCodec {
    public struct Fields: Equatable {
        public var nonce: UInt64
        public var balance: UInt256
        public var storageRoot: [UInt8]
        public var codeHash: UInt256
    }

    public static func encode(nonce: UInt64, balance: UInt256, storageRoot: [UInt8], codeHash: UInt256) -> [UInt8] {
        var payload: [UInt8] = []
        RLP.encodeUInt64(nonce, into: &payload)
        RLP.encodeBytes(balance.minimalBigEndianBytes, into: &payload)
        RLP.encodeBytes(storageRoot, into: &payload)
        RLP.encodeBytes(codeHash.bigEndianBytes, into: &payload)
        var out: [UInt8] = []
        RLP.encodeListHeader(payloadLength: payload.count, into: &out)
        out.append(contentsOf: payload)
        return out
    }

    public static func decode(_ rlp: [UInt8]) -> Fields? {
        guard let item = try? RLP.decode(rlp, maxDepth: 1), case .list(let f) = item, f.count == 4,
              case .bytes(let n) = f[0], let nonce = try? RLP.decodeUInt64(n),
              case .bytes(let b) = f[1], b.count <= 32, b.first != 0,
              case .bytes(let root) = f[2], root.count == 32,
              case .bytes(let code) = f[3], code.count == 32
        else { return nil }
        return Fields(nonce: nonce, balance: UInt256(bigEndian: b), storageRoot: root, codeHash: UInt256(bigEndian: code))
    }

    public static func encodeSlot(_ value: UInt256) -> [UInt8] {
        var out: [UInt8] = []
        RLP.encodeBytes(value.minimalBigEndianBytes, into: &out)
        return out
    }

    public static func decodeSlot(_ rlp: [UInt8]) -> UInt256? {
        guard let item = try? RLP.decode(rlp, maxDepth: 0), case .bytes(let b) = item, !b.isEmpty, b.count <= 32,
              b.first != 0 else { return nil }
        return UInt256(bigEndian: b)
    }
}
