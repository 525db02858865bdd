import EVM
import EVMPrimitives
import MerklePatriciaTrie
import NativeCrypto

/// RLP harness (Yellow Paper Appendix B, D, F): the first byte selects the decoder, the rest is its input.
///
/// * 0 mod 3 — `RLP.decode`: an accepted item re-encodes to exactly the input (the decoder is strict: one
///   encoding per item), and `encodedLength` is the input length.
/// * 1 mod 3 — `TransactionDecoder.decode` (EIP-2718 envelopes, legacy with EIP-155): typed error or a
///   transaction; decoding the same bytes again gives the same transaction.
/// * 2 mod 3 — MPT witness nodes: the input is an RLP list of node encodings; the trie is opened on the hash of
///   the first node and walked with `get`, `insert`, `remove`: typed `TrieError`s only, and a value inserted is
///   read back.
enum RLPHarness {
    static func run(_ data: [UInt8]) throws(InvariantViolation) -> String {
        guard let selector = data.first else { return "empty" }
        let body = Array(data.dropFirst())
        switch selector % 3 {
        case 0: return try rlp(body)
        case 1: return try transaction(body)
        default: return try trie(body)
        }
    }

    static func rlp(_ body: [UInt8]) throws(InvariantViolation) -> String {
        let item: RLPItem
        do { item = try RLP.decode(body) } catch { return "rlp rejected: \(error)" }
        try check(item.encodedLength == body.count, "encodedLength \(item.encodedLength) != \(body.count)")
        try check(item.encode() == body, "RLP re-encoding differs from the accepted bytes")
        return "rlp accepted"
    }

    static func transaction(_ body: [UInt8]) throws(InvariantViolation) -> String {
        let crypto = NativeCryptoProvider()
        let tx: Transaction
        do { tx = try TransactionDecoder.decode(body, crypto: crypto) } catch { return "tx rejected: \(error)" }
        do {
            let again = try TransactionDecoder.decode(body, crypto: crypto)
            try check(again == tx, "decoding the same transaction twice differs")
        } catch let e as InvariantViolation { throw e } catch {
            throw InvariantViolation("decoding an accepted transaction again threw \(error)")
        }
        return "tx accepted type \(tx.type)"
    }

    static func trie(_ body: [UInt8]) throws(InvariantViolation) -> String {
        guard let list = try? RLP.decode(body), case .list(let items) = list else { return "trie: not a node list" }
        var nodes: [[UInt8]] = []
        for case .bytes(let b) in items { nodes.append(b) }
        guard let first = nodes.first else { return "trie: no nodes" }
        let hasher = SwiftKeccak()
        let root = Keccak256.hash(first)
        var trie: MerklePatriciaTrie
        do { trie = try MerklePatriciaTrie(rootHash: root, nodes: TrieNodeStore(nodes: nodes, hasher: hasher)) } catch {
            throw InvariantViolation("a 32-byte root was rejected: \(error)")
        }
        var keys: [[UInt8]] = [[], [0x00], [0x12, 0x34]]
        for n in nodes.prefix(4) { keys.append(Array(n.prefix(32))); keys.append(Keccak256.hash(n)) }
        var found = 0
        for (i, key) in keys.enumerated() {
            do {
                if try trie.get(key: key) != nil { found += 1 }
                let value: [UInt8] = [UInt8(truncatingIfNeeded: i), 0xAB]
                try trie.insert(key: key, value: value)
                let back = try trie.get(key: key)
                try check(back == value, "MPT read after insert differs")
                if i % 2 == 1 { try trie.remove(key: key); try check(try trie.get(key: key) == nil, "MPT key present after remove") }
            } catch let e as InvariantViolation { throw e } catch {
                guard error is TrieError else { throw InvariantViolation("MPT threw a non-trie error \(error)") }
            }
        }
        let r = trie.rootHash(hasher)
        try check(r.count == 32, "MPT root is \(r.count) bytes")
        return "trie \(nodes.count) nodes, \(found) found"
    }
}
