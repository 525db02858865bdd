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
        var payloadLength = 0
        for log in logs { payloadLength &+= encodedLength(log) }
        var enc: [UInt8] = []
        enc.reserveCapacity(RLP.headerLength(payloadLength: payloadLength) &+ payloadLength)
        RLP.encodeListHeader(payloadLength: payloadLength, into: &enc)
        for log in logs { encode(log, into: &enc) }
        return hasher.keccak256(enc)
    }

    /// The length of rlp([address, [topics…], data]), and of that list's payload.
    static func lengths(_ log: Log) -> (encoded: Int, payload: Int) {
        let topicsLength = 33 &* log.topics.count
        let payload = 21 &+ RLP.headerLength(payloadLength: topicsLength) &+ topicsLength &+ RLP.encodedLength(ofBytes: log.data)
        return (RLP.headerLength(payloadLength: payload) &+ payload, payload)
    }

    /// The length of `encode(log)`'s output.
    public static func encodedLength(_ log: Log) -> Int { lengths(log).encoded }

    /// Appends rlp([address, [topics…], data]) of one log (also the receipts' log encoding), lengths first so
    /// that the fields go straight into `out`.
    public static func encode(_ log: Log, into out: inout [UInt8]) {
        RLP.encodeListHeader(payloadLength: lengths(log).payload, into: &out)
        RLP.encodeAddress(log.address, into: &out)
        RLP.encodeListHeader(payloadLength: 33 &* log.topics.count, into: &out)
        for t in log.topics { RLP.encodeWordBytes(t, into: &out) }
        RLP.encodeBytes(log.data, into: &out)
    }
}
