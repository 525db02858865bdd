import EVM
import EVMPrimitives
import MerklePatriciaTrie

/// Applying the writes of an execution to the partial tries and computing the post-state root
/// (Yellow Paper §4.1; docs/EVMGUEST.md §4 "Writes").
///
/// The order is canonical, because on a partial trie the nodes a removal needs (the sibling of a
/// collapsing branch) depend on the order of the updates: accounts in ascending address order, in each
/// storage trie first every non-zero slot in ascending key order, then every zeroed slot in ascending key
/// order; in the state trie first every live account, then every deleted one, each in ascending address
/// order. The prover runs this same code, so its witness covers exactly what the guest will need.
extension WitnessBackend {
    /// Writes the overlay's dirty accounts and slots into the tries and returns the new state root, or nil
    /// when the witness does not cover an update (`failure` says which node).
    public func applyWrites<B: StateBackend>(_ overlay: JournaledState<B>) -> [UInt8]? {
        if failure != nil { return nil }
        var dirty: [Address] = []
        for (a, c) in overlay.accounts where c.dirty { dirty.append(a) }
        dirty.sort()
        var deleted: [Address] = []
        for a in dirty {
            guard let c = overlay.accounts[a] else { continue }
            if !c.exists {
                deleted.append(a)
                continue
            }
            guard let storageRoot = updateStorage(a, c) else { return nil }
            let leaf = AccountCodec.encode(nonce: c.info.nonce, balance: c.info.balance, storageRoot: storageRoot,
                                           codeHash: c.info.codeHash)
            let key = hasher.keccak256(a.bytes)
            guard run(&stateTrie, { (t: inout MerklePatriciaTrie) throws(TrieError) in try t.insert(key: key, value: leaf) }) != nil
            else { return nil }
        }
        for a in deleted {
            let key = hasher.keccak256(a.bytes)
            guard run(&stateTrie, { (t: inout MerklePatriciaTrie) throws(TrieError) in try t.remove(key: key) }) != nil
            else { return nil }
        }
        return failure == nil ? stateTrie.rootHash(hasher) : nil
    }

    /// The account's new storage root after its slot writes.
    func updateStorage(_ a: Address, _ c: CachedAccount) -> [UInt8]? {
        var trie: MerklePatriciaTrie
        if c.storageCleared {
            trie = MerklePatriciaTrie()
        } else {
            if c.storage.isEmpty, let root = storageRoots[a] { return root }
            guard let t = storageTrie(a) else {
                fail(.witnessInvalid(hash: hasher.keccak256(a.bytes)))
                return nil
            }
            trie = t
        }
        var keys: [UInt256] = []
        keys.reserveCapacity(c.storage.count)
        for (k, _) in c.storage { keys.append(k) }
        keys.sort()
        for pass in 0..<2 {
            for k in keys {
                guard let v = c.storage[k] else { continue }
                if v.isZero != (pass == 1) { continue }
                let hashedKey = hasher.keccak256(k.bigEndianBytes)
                if v.isZero {
                    guard run(&trie, { (t: inout MerklePatriciaTrie) throws(TrieError) in try t.remove(key: hashedKey) }) != nil
                    else { return nil }
                } else {
                    let leaf = AccountCodec.encodeSlot(v)
                    guard run(&trie, { (t: inout MerklePatriciaTrie) throws(TrieError) in try t.insert(key: hashedKey, value: leaf) }) != nil
                    else { return nil }
                }
            }
        }
        storageTries[a] = trie
        return trie.rootHash(hasher)
    }
}
