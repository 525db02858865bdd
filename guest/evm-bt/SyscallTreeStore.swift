// The runtime-managed state as a TreeStore: STATE_READ / STATE_WRITE (docs/ABI.md). Keys and values are
// 32-byte big-endian words (a key's last byte is the EIP-7864 subindex).

import EVMPrimitives
import RVX
import StatelessEVM

struct SyscallTreeStore: TreeStore {
    @inline(__always)
    static func word(_ v: UInt256) -> Word { v.bigEndianBytes.withUnsafeBytes { Word($0) } }

    func read(_ key: UInt256) -> UInt256? {
        guard let v = RVX.stateRead(Self.word(key)) else { return nil }
        return UInt256(bigEndian: v.bytes)
    }

    func write(_ key: UInt256, _ value: UInt256?) {
        RVX.stateWrite(Self.word(key), value.map { Self.word($0) })
    }
}
