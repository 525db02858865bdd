import EVMPrimitives

/// An account as cached by `JournaledState`: its current info, whether it exists, and the storage overlay.
public struct CachedAccount {
    public var info: Account
    public var exists: Bool
    /// Slots read or written in this state's lifetime (current values).
    public var storage: [UInt256: UInt256]
    /// True once the account's backend storage must be ignored (account destroyed or re-created).
    public var storageCleared: Bool
    /// True when the account (info, existence or storage) was modified.
    public var dirty: Bool
}

/// One undoable change (execution-specs `state.py` snapshots, implemented as an undo log like geth's journal).
@usableFromInline
enum JournalEntry {
    case account(Address, Account, exists: Bool, dirty: Bool)
    case storage(Address, UInt256, UInt256?)
    case storageCleared(Address, [UInt256: UInt256], Bool)
    case transient(SlotKey, UInt256)
    case warmAccount(Address)
    case warmSlot(SlotKey)
    case created(Address)
    case selfDestructed(Address)
    case touched(Address)
}

/// The journaled world state of one block's execution (Yellow Paper §4.1 σ with the sub-state A of §6.1):
/// accounts and storage over a `StateBackend`, transient storage (EIP-1153), access sets (EIP-2929),
/// accounts created in the current transaction (EIP-6780), accounts to self-destruct and touched accounts
/// (EIP-161). `snapshot()`/`revert(to:)` undo everything since a point.
public struct JournaledState<Backend: StateBackend> {
    /// Everything but the backend. The first stored property and not generic, so that the interpreter reaches
    /// it at a fixed offset and runs its methods (the cached-slot paths of SLOAD and SSTORE) without the
    /// generic type's metadata.
    var overlay = StateOverlay()
    public let backend: Backend

    public init(backend: Backend) { self.backend = backend }

    public var accounts: [Address: CachedAccount] { overlay.accounts }
    var journal: [JournalEntry] { overlay.journal }
    public var transient: [SlotKey: UInt256] { overlay.transient }
    public var warmAccounts: Set<Address> { overlay.warmAccounts }
    public var warmSlots: Set<SlotKey> { Set(overlay.slots.lazy.filter { $0.value.warm }.map { $0.key }) }
    public var created: Set<Address> { overlay.created }
    public var selfDestructed: Set<Address> { overlay.selfDestructed }
    public var touched: Set<Address> { overlay.touched }
    /// The RIPEMD-160 precompile touch that survives reverts (mainnet block 2675119 quirk, execution-specs
    /// `incorporate_child_on_error`).
    public var ripemdTouched: Bool {
        get { overlay.ripemdTouched }
        set { overlay.ripemdTouched = newValue }
    }

    // MARK: Snapshots

    public var snapshot: Int { overlay.journal.count }

    public mutating func revert(to snap: Int) {
        while overlay.journal.count > snap {
            let e = overlay.journal.removeLast()
            switch e {
            case .account(let a, let info, let exists, let dirty):
                overlay.accounts[a]!.info = info
                overlay.accounts[a]!.exists = exists
                overlay.accounts[a]!.dirty = dirty
            case .storage(let a, let k, let old):
                overlay.accounts[a]!.storage[k] = old
            case .storageCleared(let a, let old, let cleared):
                overlay.accounts[a]!.storage = old
                overlay.accounts[a]!.storageCleared = cleared
            case .transient(let s, let old):
                overlay.transient[s] = old.isZero ? nil : old
            case .warmAccount(let a): overlay.warmAccounts.remove(a)
            case .warmSlot(let s): overlay.slots[s]!.warm = false
            case .created(let a): overlay.created.remove(a)
            case .selfDestructed(let a): overlay.selfDestructed.remove(a)
            case .touched(let a):
                overlay.touched.remove(a)
                if a == Address(low: 3) { overlay.ripemdTouched = true }
            }
        }
    }

    // MARK: Accounts

    @inline(__always)
    mutating func load(_ a: Address) { _ = slot(a) }

    /// The position of the account's cache entry, loading it from the backend first if needed: one hash
    /// lookup when it is cached, and the entry is then read and changed in place through `entry`.
    @inline(__always)
    mutating func slot(_ a: Address) -> Dictionary<Address, CachedAccount>.Index {
        if let i = overlay.accounts.index(forKey: a) { return i }
        if let acc = backend.account(a) {
            overlay.accounts[a] = CachedAccount(info: acc, exists: true, storage: [:], storageCleared: false, dirty: false)
        } else {
            overlay.accounts[a] = CachedAccount(info: Account(), exists: false, storage: [:], storageCleared: true, dirty: false)
        }
        return overlay.accounts.index(forKey: a)!
    }

    /// The cache entry at `i`, in place (`StateOverlay.entry`).
    @inline(__always)
    mutating func entry<R>(_ i: Dictionary<Address, CachedAccount>.Index, _ body: (inout CachedAccount) -> R) -> R {
        overlay.entry(i, body)
    }

    /// The account (an empty one when it does not exist).
    public mutating func account(_ a: Address) -> Account {
        entry(slot(a)) { $0.info }
    }

    public mutating func exists(_ a: Address) -> Bool {
        entry(slot(a)) { $0.exists }
    }

    /// EIP-161 "alive": exists and not empty.
    public mutating func isAlive(_ a: Address) -> Bool {
        let i = slot(a)
        return entry(i) { $0.exists && !$0.info.isEmpty }
    }

    public mutating func existsAndIsEmpty(_ a: Address) -> Bool {
        let i = slot(a)
        return entry(i) { $0.exists && $0.info.isEmpty }
    }

    @inline(__always)
    mutating func modify(_ a: Address, _ body: (inout Account) -> Void) {
        let i = slot(a)
        let old = entry(i) { JournalEntry.account(a, $0.info, exists: $0.exists, dirty: $0.dirty) }
        overlay.journal.append(old)
        entry(i) {
            body(&$0.info)
            $0.exists = true
            $0.dirty = true
        }
    }

    public mutating func setBalance(_ a: Address, _ v: UInt256) { modify(a) { $0.balance = v } }
    public mutating func addBalance(_ a: Address, _ v: UInt256) { modify(a) { $0.balance = $0.balance &+ v } }
    public mutating func subBalance(_ a: Address, _ v: UInt256) { modify(a) { $0.balance = $0.balance &- v } }
    public mutating func incrementNonce(_ a: Address) { modify(a) { $0.nonce &+= 1 } }
    public mutating func setCode(_ a: Address, _ code: [UInt8], hash: UInt256) {
        modify(a) {
            $0.code = code
            $0.codeHash = hash
        }
    }

    /// Creates the account as empty if it does not exist (execution-specs `touch_account`).
    public mutating func touchAccount(_ a: Address) {
        if !exists(a) { modify(a) { _ in } }
    }

    /// Removes the account and its storage (execution-specs `destroy_account`). Not journaled: used at the
    /// end of a transaction only.
    public mutating func destroy(_ a: Address) {
        load(a)
        overlay.accounts[a]!.info = Account()
        overlay.accounts[a]!.exists = false
        overlay.accounts[a]!.storage = [:]
        overlay.accounts[a]!.storageCleared = true
        overlay.accounts[a]!.dirty = true
    }

    /// Forgets the account's storage (execution-specs `destroy_storage`, used by contract creation).
    public mutating func clearStorage(_ a: Address) {
        load(a)
        let c = overlay.accounts[a]!
        overlay.journal.append(.storageCleared(a, c.storage, c.storageCleared))
        overlay.accounts[a]!.storage = [:]
        overlay.accounts[a]!.storageCleared = true
        overlay.accounts[a]!.dirty = true
    }

    /// EIP-7610 collision: code, nonce, or storage at the address.
    public mutating func hasCodeOrNonceOrStorage(_ a: Address) -> Bool {
        load(a)
        let c = overlay.accounts[a]!
        if c.info.nonce != 0 || !c.info.code.isEmpty { return true }
        for (_, v) in c.storage where !v.isZero { return true }
        if !c.storageCleared && backend.hasStorage(a) {
            // Backend storage may have been overwritten with zeros; check the slots we know about.
            return true
        }
        return false
    }

    // MARK: Storage

    public mutating func storage(_ a: Address, _ k: UInt256) -> UInt256 {
        storage(slot(a), a, k)
    }

    /// The slot's current value, for the account whose cache entry is at `i`.
    @inline(__always)
    mutating func storage(_ i: Dictionary<Address, CachedAccount>.Index, _ a: Address, _ k: UInt256) -> UInt256 {
        if let v = overlay.cachedStorage(i, k) { return v }
        let v = backend.storage(a, k)
        overlay.entry(i) { $0.storage[k] = v }
        return v
    }

    /// The value at the start of the transaction (zero for accounts created in it).
    public mutating func originalStorage(_ a: Address, _ k: UInt256) -> UInt256 {
        if !overlay.created.isEmpty && overlay.created.contains(a) { return .zero }
        if let v = overlay.slots[SlotKey(a, k)]?.original { return v }
        return storage(a, k)
    }

    /// What SSTORE reads before it charges (EIP-2200, EIP-2929): the slot's original and current values, and
    /// whether the access was cold (the slot is warm afterwards). Equal to `originalStorage`, `storage` and
    /// `warmSlot` in turn.
    public mutating func storageForWrite(_ a: Address, _ k: UInt256) -> (original: UInt256, current: UInt256, cold: Bool) {
        let r = storageForWriteAt(a, k)
        return (r.original, r.current, r.cold)
    }

    /// `storageForWrite` with the position of the account's cache entry, for the write that follows.
    @inline(__always)
    mutating func storageForWriteAt(_ a: Address, _ k: UInt256) -> StateOverlay.SlotWrite {
        if let r = overlay.storageForWrite(a, k) { return r }
        _ = storage(a, k)
        return overlay.storageForWrite(a, k)!
    }

    /// SLOAD: the slot's current value and whether the access was cold (the slot is warm afterwards).
    public mutating func loadStorage(_ a: Address, _ k: UInt256) -> (value: UInt256, cold: Bool) {
        if let r = overlay.load(a, k) { return r }
        _ = storage(a, k)
        return overlay.load(a, k)!
    }

    public mutating func setStorage(_ a: Address, _ k: UInt256, _ v: UInt256) {
        let i = slot(a)
        let current = storage(i, a, k)
        overlay.recordOriginal(SlotKey(a, k), current)
        overlay.setStorage(i, a, k, v, current: current)
    }

    /// SSTORE's write after `storageForWrite` (the slot's value then was `current`).
    public mutating func setStorage(_ a: Address, _ k: UInt256, _ v: UInt256, current: UInt256) {
        overlay.recordOriginal(SlotKey(a, k), current)
        overlay.setStorage(slot(a), a, k, v, current: current)
    }

    // MARK: Transient storage (EIP-1153)

    public func transientStorage(_ a: Address, _ k: UInt256) -> UInt256 { overlay.transient[SlotKey(a, k)] ?? .zero }

    public mutating func setTransientStorage(_ a: Address, _ k: UInt256, _ v: UInt256) {
        let s = SlotKey(a, k)
        overlay.journal.append(.transient(s, overlay.transient[s] ?? .zero))
        overlay.transient[s] = v.isZero ? nil : v
    }

    // MARK: Access sets (EIP-2929)

    /// Marks the address warm; returns true when it was cold.
    public mutating func warmAccount(_ a: Address) -> Bool {
        if overlay.warmAccounts.insert(a).inserted {
            overlay.journal.append(.warmAccount(a))
            return true
        }
        return false
    }

    /// Marks the slot warm; returns true when it was cold.
    public mutating func warmSlot(_ a: Address, _ k: UInt256) -> Bool {
        overlay.warmSlot(SlotKey(a, k))
    }

    // MARK: Sub-state sets

    public mutating func markCreated(_ a: Address) {
        if overlay.created.insert(a).inserted { overlay.journal.append(.created(a)) }
    }

    public mutating func markSelfDestructed(_ a: Address) {
        if overlay.selfDestructed.insert(a).inserted { overlay.journal.append(.selfDestructed(a)) }
    }

    public mutating func markTouched(_ a: Address) {
        if overlay.touched.insert(a).inserted { overlay.journal.append(.touched(a)) }
    }

    /// Ends a transaction: clears per-transaction sets and the journal (the changes stay in the overlay).
    public mutating func endTransaction() {
        overlay.journal.removeAll(keepingCapacity: true)
        overlay.transient = [:]
        overlay.warmAccounts = []
        overlay.slots = [:]
        overlay.created = []
        overlay.selfDestructed = []
        overlay.touched = []
        overlay.ripemdTouched = false
    }
}

/// The state of `JournaledState` other than its backend: the account and storage overlay, the undo journal and
/// the transaction's sets (Yellow Paper §6.1 sub-state; EIP-1153, EIP-2929, EIP-6780, EIP-161).
struct StateOverlay {
    var accounts: [Address: CachedAccount] = [:]
    var journal: [JournalEntry] = []
    var transient: [SlotKey: UInt256] = [:]
    var warmAccounts: Set<Address> = []
    /// The transaction's facts per slot, in one table so that SLOAD and SSTORE reach both with one lookup.
    var slots: [SlotKey: SlotAccess] = [:]
    var created: Set<Address> = []
    var selfDestructed: Set<Address> = []
    var touched: Set<Address> = []
    var ripemdTouched = false

    /// Runs `body` on the cache entry at `i` in place (through the dictionary's modify accessor): reading
    /// `accounts.values[i].field` would copy the whole `CachedAccount` (its code and storage references) first.
    @inline(__always)
    mutating func entry<R>(_ i: Dictionary<Address, CachedAccount>.Index, _ body: (inout CachedAccount) -> R) -> R {
        body(&accounts.values[i])
    }

    /// The slot's current value when the overlay holds it or the account's backend storage is ignored (then
    /// the zero is recorded, as a backend read would be); nil when it must be read from the backend.
    @inline(__always)
    mutating func cachedStorage(_ i: Dictionary<Address, CachedAccount>.Index, _ k: UInt256) -> UInt256? {
        entry(i) { c in
            if let v = c.storage[k] { return v }
            if !c.storageCleared { return nil }
            c.storage[k] = .zero
            return UInt256.zero
        }
    }

    /// `cachedStorage` with the slot's position in the account's storage table, for a write that follows.
    @inline(__always)
    mutating func cachedSlot(_ i: Dictionary<Address, CachedAccount>.Index, _ k: UInt256)
        -> (value: UInt256, slot: Dictionary<UInt256, UInt256>.Index)? {
        entry(i) { c in
            if let si = c.storage.index(forKey: k) { return (c.storage.values[si], si) }
            if !c.storageCleared { return nil }
            c.storage[k] = .zero
            return (UInt256.zero, c.storage.index(forKey: k)!)
        }
    }

    /// SLOAD when the overlay holds the slot: its value and whether the access was cold (the slot is warm
    /// afterwards). nil, with nothing changed, when the account or the slot must come from the backend.
    mutating func load(_ a: Address, _ k: UInt256) -> (value: UInt256, cold: Bool)? {
        guard let i = accounts.index(forKey: a), let v = cachedStorage(i, k) else { return nil }
        return (v, touch(SlotKey(a, k), current: v).cold)
    }

    /// `JournaledState.storageForWrite` when the overlay holds the slot; nil, with nothing changed, otherwise.
    /// Records the original value (the current one on the transaction's first access), as a write would.
    mutating func storageForWrite(_ a: Address, _ k: UInt256) -> SlotWrite? {
        guard let i = accounts.index(forKey: a), let (current, si) = cachedSlot(i, k) else { return nil }
        let (original, cold) = touch(SlotKey(a, k), current: current)
        let created = !self.created.isEmpty && self.created.contains(a)
        return SlotWrite(original: created ? .zero : original, current: current, cold: cold, account: i, slot: si)
    }

    /// What SSTORE reads before it charges, and where the account's cache entry and the slot are for its write
    /// (valid until the account table or the account's storage table changes).
    struct SlotWrite {
        var original: UInt256
        var current: UInt256
        var cold: Bool
        var account: Dictionary<Address, CachedAccount>.Index
        var slot: Dictionary<UInt256, UInt256>.Index
    }

    /// SSTORE's write after `storageForWrite`, at the positions it returned.
    @inline(__always)
    mutating func setStorage(_ w: SlotWrite, _ a: Address, _ k: UInt256, _ v: UInt256) {
        journal.append(.storage(a, k, w.current))
        entry(w.account) {
            $0.storage.values[w.slot] = v
            $0.dirty = true
        }
    }

    /// The slot's access in this transaction: records `current` as its original value unless one is recorded
    /// (before the transaction's first write, the current value is the value at its start), marks it warm
    /// (journaled), and returns the original value and whether the access was cold. One table lookup.
    @inline(__always)
    mutating func touch(_ s: SlotKey, current: UInt256) -> (original: UInt256, cold: Bool) {
        let r: (UInt256, Bool) = modifySlot(s) { e in
            if e.original == nil { e.original = current }
            let cold = !e.warm
            e.warm = true
            return (e.original!, cold)
        }
        if r.1 { journal.append(.warmSlot(s)) }
        return r
    }

    /// Records `current` as the slot's original value unless one is recorded (on a write, as EIP-2200 requires).
    @inline(__always)
    mutating func recordOriginal(_ s: SlotKey, _ current: UInt256) {
        modifySlot(s) { e in if e.original == nil { e.original = current } }
    }

    /// Runs `body` on the slot's access record in place, creating an empty one first: one hash lookup.
    @inline(__always)
    mutating func modifySlot<R>(_ s: SlotKey, _ body: (inout SlotAccess) -> R) -> R {
        body(&slots[s, default: SlotAccess()])
    }

    /// Writes a slot of the cached account at `i`; `current` is its value before the write.
    @inline(__always)
    mutating func setStorage(_ i: Dictionary<Address, CachedAccount>.Index, _ a: Address, _ k: UInt256, _ v: UInt256,
                             current cur: UInt256) {
        journal.append(.storage(a, k, cur))
        entry(i) {
            $0.storage[k] = v
            $0.dirty = true
        }
    }

    /// Marks the slot warm; returns true when it was cold.
    @inline(__always)
    mutating func warmSlot(_ s: SlotKey) -> Bool {
        let cold: Bool = modifySlot(s) { e in
            let cold = !e.warm
            e.warm = true
            return cold
        }
        if cold { journal.append(.warmSlot(s)) }
        return cold
    }
}

/// What a transaction has done with one storage slot: whether it is warm (EIP-2929 accessed_storage_keys; a
/// revert makes it cold again) and its original value (EIP-2200: the value at the start of the transaction,
/// recorded at the first access or write; nil while the slot was only warmed by an access list).
struct SlotAccess {
    var warm = false
    var original: UInt256? = nil
}
