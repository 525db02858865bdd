import EVMPrimitives
import MerklePatriciaTrie

/// A complete world state held in memory (the native backend; the guest uses a witness instead).
public struct InMemoryState: StateBackend {
    public struct Entry: Equatable {
        public var account: Account
        public var storage: [UInt256: UInt256]
        public init(account: Account, storage: [UInt256: UInt256]) {
            self.account = account
            self.storage = storage
        }
    }

    public var entries: [Address: Entry] = [:]

    public init() {}

    public func account(_ address: Address) -> Account? { entries[address]?.account }
    public func storage(_ address: Address, _ key: UInt256) -> UInt256 { entries[address]?.storage[key] ?? .zero }
    public func hasStorage(_ address: Address) -> Bool { !(entries[address]?.storage.isEmpty ?? true) }

    /// Writes the changes of a `JournaledState` overlay (after `endTransaction`) into this state.
    public mutating func apply<B: StateBackend>(_ overlay: JournaledState<B>) {
        for (a, c) in overlay.accounts where c.dirty {
            if !c.exists {
                entries[a] = nil
                continue
            }
            var e = entries[a] ?? Entry(account: c.info, storage: [:])
            e.account = c.info
            if c.storageCleared { e.storage = [:] }
            for (k, v) in c.storage {
                e.storage[k] = v.isZero ? nil : v
            }
            entries[a] = e
        }
    }

    /// The state root (Yellow Paper §4.1 eq. 8–10): secure trie of keccak(address) →
    /// rlp([nonce, balance, storageRoot, codeHash]), storage tries of keccak(slot) → rlp(minimal value).
    public func stateRoot<H: KeccakHasher>(_ hasher: H) -> [UInt8] {
        var pairs: [(key: [UInt8], value: [UInt8])] = []
        pairs.reserveCapacity(entries.count)
        for (a, e) in entries {
            var slots: [(key: [UInt8], value: [UInt8])] = []
            slots.reserveCapacity(e.storage.count)
            for (k, v) in e.storage where !v.isZero {
                var enc: [UInt8] = []
                RLP.encodeBytes(v.minimalBigEndianBytes, into: &enc)
                slots.append((key: k.bigEndianBytes, value: enc))
            }
            let storageRoot = SecureTrie(pairs: slots, hasher: hasher).rootHash()
            var payload: [UInt8] = []
            RLP.encodeUInt64(e.account.nonce, into: &payload)
            RLP.encodeBytes(e.account.balance.minimalBigEndianBytes, into: &payload)
            RLP.encodeBytes(storageRoot, into: &payload)
            RLP.encodeBytes(e.account.codeHash.bigEndianBytes, into: &payload)
            var enc: [UInt8] = []
            RLP.encodeListHeader(payloadLength: payload.count, into: &enc)
            enc.append(contentsOf: payload)
            pairs.append((key: a.bytes, value: enc))
        }
        return SecureTrie(pairs: pairs, hasher: hasher).rootHash()
    }
}

/// The logs hash of the state tests: keccak256(rlp(logs)), each log rlp([address, [topics…], data])
/// (Yellow Paper §4.3.1).
public enum LogsHash {
    public static func compute<H: KeccakHasher>(_ logs: [Log], _ hasher: H) -> [UInt8] {
        var payload: [UInt8] = []
        for log in logs { encode(log, into: &payload) }
        var enc: [UInt8] = []
        RLP.encodeListHeader(payloadLength: payload.count, into: &enc)
        enc.append(contentsOf: payload)
        return hasher.keccak256(enc)
    }

    /// Appends rlp([address, [topics…], data]) of one log (also the receipts' log encoding).
    public static func encode(_ log: Log, into out: inout [UInt8]) {
        var inner: [UInt8] = []
        RLP.encodeBytes(log.address.bytes, into: &inner)
        var topics: [UInt8] = []
        for t in log.topics { RLP.encodeBytes(t.bigEndianBytes, into: &topics) }
        RLP.encodeListHeader(payloadLength: topics.count, into: &inner)
        inner.append(contentsOf: topics)
        RLP.encodeBytes(log.data, into: &inner)
        RLP.encodeListHeader(payloadLength: inner.count, into: &out)
        out.append(contentsOf: inner)
    }
}
