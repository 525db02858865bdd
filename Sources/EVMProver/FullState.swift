import EVM
import EVMPrimitives
import MerklePatriciaTrie
import StatelessEVM

/// A complete pre-state as Merkle Patricia tries (Yellow Paper §4.1): the state root plus every
/// hash-referenced node of the state trie and of every storage trie, and every contract code — the
/// source from which the prover takes a minimal witness.
public struct FullState {
    public var stateRoot: [UInt8]
    public var nodes: TrieNodeStore
    public var codes: CodeStore

    public init<H: KeccakHasher>(_ state: InMemoryState, hasher: H) {
        var allNodes: [[UInt8]] = []
        var codes = CodeStore()
        var accounts: [(key: [UInt8], value: [UInt8])] = []
        accounts.reserveCapacity(state.entries.count)
        for (address, entry) in state.entries {
            var slots: [(key: [UInt8], value: [UInt8])] = []
            for (k, v) in entry.storage where !v.isZero {
                slots.append((key: k.bigEndianBytes, value: AccountCodec.encodeSlot(v)))
            }
            let storage = SecureTrie(pairs: slots, hasher: hasher)
            allNodes.append(contentsOf: storage.trie.allNodes(hasher))
            if !entry.account.code.isEmpty { codes.add(entry.account.code, hasher: hasher) }
            let leaf = AccountCodec.encode(nonce: entry.account.nonce, balance: entry.account.balance,
                                           storageRoot: storage.rootHash(), codeHash: entry.account.codeHash)
            accounts.append((key: address.bytes, value: leaf))
        }
        let trie = SecureTrie(pairs: accounts, hasher: hasher)
        allNodes.append(contentsOf: trie.trie.allNodes(hasher))
        stateRoot = trie.rootHash()
        nodes = TrieNodeStore(nodes: allNodes, hasher: hasher)
        self.codes = codes
    }
}
