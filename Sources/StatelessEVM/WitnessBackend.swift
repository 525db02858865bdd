import EVM
import EVMPrimitives
import MerklePatriciaTrie

/// The pre-state of a stateless execution served from an execution witness (docs/EVMGUEST.md §4): the
/// state trie (Yellow Paper §4.1, secure trie of keccak(address) → rlp([nonce, balance, storageRoot,
/// codeHash])) and the storage tries opened from PRE_STATE_ROOT over the witness nodes, codes by code hash.
///
/// `StateBackend` reads cannot throw, so the first problem is recorded in `failure` (a missing node or code:
/// `witnessIncomplete(hash)`; a non-canonical node or account: `witnessInvalid(hash)`) and the read answers
/// a default that the executor never lets reach a result: it checks `failure` after every transaction.
///
/// Prover mode (`init(… fallbackNodes:fallbackCodes:)`): a missing node or code is taken from the complete
/// pre-state instead and recorded in `addedNodes`/`addedCodes`, which then form a minimal witness.
public final class WitnessBackend<H: KeccakHasher>: StateBackend {
    public let hasher: H
    var store: TrieNodeStore
    var codes: CodeStore
    var stateTrie: MerklePatriciaTrie
    /// Pre-state storage roots of the accounts read so far.
    var storageRoots: [Address: [UInt8]] = [:]
    /// Storage tries opened so far (read through; updated by `applyWrites`).
    var storageTries: [Address: MerklePatriciaTrie] = [:]
    let fallbackNodes: TrieNodeStore?
    let fallbackCodes: CodeStore?
    /// The first problem met; once set, reads answer defaults without looking further.
    public private(set) var failure: StatelessError?
    /// Prover mode: the node preimages and codes taken from the fallback, in the order they were needed.
    public private(set) var addedNodes: [[UInt8]] = []
    public private(set) var addedCodes: [[UInt8]] = []

    /// A backend over `witness`, checked against `preStateRoot` (32 bytes).
    public init(preStateRoot: [UInt8], witness: ExecutionWitness, hasher: H) throws(StatelessError) {
        guard preStateRoot.count == 32 else { throw .invalidPreStateRoot }
        self.hasher = hasher
        store = TrieNodeStore(nodes: witness.nodes, hasher: hasher)
        codes = CodeStore(codes: witness.codes, hasher: hasher)
        do { stateTrie = try MerklePatriciaTrie(rootHash: preStateRoot, nodes: store) } catch { throw .invalidPreStateRoot }
        fallbackNodes = nil
        fallbackCodes = nil
    }

    /// Prover mode: starts from `witness` and takes anything missing from the complete pre-state.
    public init(preStateRoot: [UInt8], witness: ExecutionWitness, hasher: H,
                fallbackNodes: TrieNodeStore, fallbackCodes: CodeStore) throws(StatelessError) {
        guard preStateRoot.count == 32 else { throw .invalidPreStateRoot }
        self.hasher = hasher
        store = TrieNodeStore(nodes: witness.nodes, hasher: hasher)
        codes = CodeStore(codes: witness.codes, hasher: hasher)
        do { stateTrie = try MerklePatriciaTrie(rootHash: preStateRoot, nodes: store) } catch { throw .invalidPreStateRoot }
        self.fallbackNodes = fallbackNodes
        self.fallbackCodes = fallbackCodes
    }

    /// Records the first failure.
    func fail(_ e: StatelessError) {
        if failure == nil { failure = e }
    }

    /// Runs a trie operation; a missing node is supplied from the fallback (prover mode) and the operation
    /// retried, otherwise recorded as a failure (nil result).
    func run<T>(_ trie: inout MerklePatriciaTrie, _ op: (inout MerklePatriciaTrie) throws(TrieError) -> T) -> T? {
        while failure == nil {
            do {
                return try op(&trie)
            } catch {
                switch error {
                case .missingNode(let h):
                    guard let node = fallbackNodes?.node(forHash: h) else {
                        fail(.witnessIncomplete(hash: h))
                        return nil
                    }
                    trie.addWitnessNode(node, hasher: hasher)
                    store.add(node, hasher: hasher)
                    addedNodes.append(node)
                case .malformedNode(let h):
                    fail(.witnessInvalid(hash: h))
                case .invalidRootHash:
                    fail(.witnessInvalid(hash: []))
                }
            }
        }
        return nil
    }

    // MARK: StateBackend

    public func account(_ address: Address) -> Account? {
        if failure != nil { return nil }
        let key = hasher.keccak256(address.bytes)
        guard let leaf = run(&stateTrie, { (t: inout MerklePatriciaTrie) throws(TrieError) in try t.get(key: key) }) else {
            return nil
        }
        guard let rlp = leaf else {
            storageRoots[address] = MerklePatriciaTrie.emptyRootHash
            return nil
        }
        guard let fields = AccountCodec.decode(rlp) else {
            fail(.witnessInvalid(hash: key))
            return nil
        }
        storageRoots[address] = fields.storageRoot
        var account = Account(nonce: fields.nonce, balance: fields.balance, code: [], codeHash: fields.codeHash)
        if fields.codeHash != Account.emptyCodeHash {
            guard let code = code(forHash: fields.codeHash) else { return nil }
            account.code = code
        }
        return account
    }

    public func storage(_ address: Address, _ key: UInt256) -> UInt256 {
        if failure != nil { return .zero }
        if storageRoots[address] == nil { _ = account(address) }
        guard var trie = storageTrie(address) else { return .zero }
        let hashedKey = hasher.keccak256(key.bigEndianBytes)
        let value = run(&trie, { (t: inout MerklePatriciaTrie) throws(TrieError) in try t.get(key: hashedKey) })
        storageTries[address] = trie
        guard let found = value, let rlp = found else { return .zero }
        guard let v = AccountCodec.decodeSlot(rlp) else {
            fail(.witnessInvalid(hash: hashedKey))
            return .zero
        }
        return v
    }

    public func hasStorage(_ address: Address) -> Bool {
        if failure != nil { return false }
        if storageRoots[address] == nil { _ = account(address) }
        guard let root = storageRoots[address] else { return false }
        return root != MerklePatriciaTrie.emptyRootHash
    }

    // MARK: Helpers

    func code(forHash hash: UInt256) -> [UInt8]? {
        if let c = codes.code(forHash: hash) { return c }
        if let c = fallbackCodes?.code(forHash: hash) {
            codes.add(c, hasher: hasher)
            addedCodes.append(c)
            return c
        }
        fail(.witnessIncomplete(hash: hash.bigEndianBytes))
        return nil
    }

    /// The storage trie of an account whose pre-state has been read (opened on first use).
    func storageTrie(_ address: Address) -> MerklePatriciaTrie? {
        if let t = storageTries[address] { return t }
        guard let root = storageRoots[address] else { return nil }
        guard let t = try? MerklePatriciaTrie(rootHash: root, nodes: store) else {
            fail(.witnessInvalid(hash: root))
            return nil
        }
        storageTries[address] = t
        return t
    }
}
