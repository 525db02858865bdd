import EVM
import EVMPrimitives

extension TreeStateBackend {
    /// Writes the block's changes (the overlay of `state`, after the last `endTransaction`) into the tree with
    /// `store.write` (STATE_WRITE), in address order then slot order, writing only leaves whose value changes:
    ///
    /// - a deleted account: its basic-data, code-hash and code-chunk leaves and the storage slots the block
    ///   knows of are removed (the tree cannot enumerate other slots; EIP-6780 leaves none for a contract
    ///   created and destroyed in one transaction);
    /// - a live account: the basic-data leaf (version 0), the code-hash leaf, the code chunks when the code
    ///   changed (stale chunks of a longer old code removed), and every slot whose value changed (zero
    ///   removes the leaf, so the tree is a function of the non-zero state).
    public func commit(_ state: JournaledState<TreeStateBackend<Store, Crypto>>) throws(TreeStateError) {
        if let e = error { throw e }
        for a in state.accounts.keys.sorted() {
            guard let c = state.accounts[a], c.dirty else { continue }
            let pre = account(a)
            let preChunks = CodeChunks.count(codeSize: pre?.code.count ?? 0)
            if !c.exists {
                if pre != nil {
                    put(basicDataKey(a), nil)
                    put(codeHashKey(a), nil)
                    for i in 0..<preChunks { put(chunkKey(a, i), nil) }
                }
                for k in c.storage.keys.sorted() { put(storageKey(a, k), nil) }
                continue
            }
            let basic = BasicData(codeSize: c.info.code.count, nonce: c.info.nonce, balance: c.info.balance)
            if c.info.code.count >= (1 << 24) { throw .codeTooLarge(a) }
            guard let leaf = basic.leaf else { throw .balanceTooLarge(a) }
            put(basicDataKey(a), leaf)
            put(codeHashKey(a), c.info.codeHash)
            if pre == nil || pre!.codeHash != c.info.codeHash {
                let chunks = CodeChunks.chunkify(c.info.code)
                for (i, v) in chunks.enumerated() { put(chunkKey(a, i), v) }
                if preChunks > chunks.count { for i in chunks.count..<preChunks { put(chunkKey(a, i), nil) } }
            }
            for k in c.storage.keys.sorted() {
                let v = c.storage[k] ?? .zero
                put(storageKey(a, k), v.isZero ? nil : v)
            }
        }
        if let e = error { throw e }
    }

    /// Writes `value` at `key` unless the tree already holds exactly that.
    func put(_ key: UInt256, _ value: UInt256?) {
        if read(key) == value { return }
        store.write(key, value)
        if let value {
            values[key] = value
            absent.remove(key)
        } else {
            values[key] = nil
            absent.insert(key)
        }
    }
}
