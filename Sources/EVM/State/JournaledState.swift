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
    public let backend: Backend
    public private(set) var accounts: [Address: CachedAccount] = [:]
    @usableFromInline var journal: [JournalEntry] = []
    public private(set) var transient: [SlotKey: UInt256] = [:]
    public private(set) var warmAccounts: Set<Address> = []
    public private(set) var warmSlots: Set<SlotKey> = []
    public private(set) var created: Set<Address> = []
    public private(set) var selfDestructed: Set<Address> = []
    public private(set) var touched: Set<Address> = []
    /// Values of slots at the start of the transaction, recorded on first write (EIP-2200 "original value").
    var original: [SlotKey: UInt256] = [:]
    /// The RIPEMD-160 precompile touch that survives reverts (mainnet block 2675119 quirk, execution-specs
    /// `incorporate_child_on_error`).
    public var ripemdTouched = false

    public init(backend: Backend) { self.backend = backend }

    // MARK: Snapshots

    @inlinable
    public var snapshot: Int { journal.count }

    public mutating func revert(to snap: Int) {
        while journal.count > snap {
            let e = journal.removeLast()
            switch e {
            case .account(let a, let info, let exists, let dirty):
                accounts[a]!.info = info
                accounts[a]!.exists = exists
                accounts[a]!.dirty = dirty
            case .storage(let a, let k, let old):
                accounts[a]!.storage[k] = old
            case .storageCleared(let a, let old, let cleared):
                accounts[a]!.storage = old
                accounts[a]!.storageCleared = cleared
            case .transient(let s, let old):
                transient[s] = old.isZero ? nil : old
            case .warmAccount(let a): warmAccounts.remove(a)
            case .warmSlot(let s): warmSlots.remove(s)
            case .created(let a): created.remove(a)
            case .selfDestructed(let a): selfDestructed.remove(a)
            case .touched(let a):
                touched.remove(a)
                if a == Address(low: 3) { ripemdTouched = true }
            }
        }
    }

    // MARK: Accounts

    @inline(__always)
    mutating func load(_ a: Address) { _ = slot(a) }

    /// The position of the account's cache entry, loading it from the backend first if needed: one hash
    /// lookup when it is cached, and the entry is then read and changed in place through `accounts.values`.
    @inline(__always)
    mutating func slot(_ a: Address) -> Dictionary<Address, CachedAccount>.Index {
        if let i = accounts.index(forKey: a) { return i }
        if let acc = backend.account(a) {
            accounts[a] = CachedAccount(info: acc, exists: true, storage: [:], storageCleared: false, dirty: false)
        } else {
            accounts[a] = CachedAccount(info: Account(), exists: false, storage: [:], storageCleared: true, dirty: false)
        }
        return accounts.index(forKey: a)!
    }

    /// The account (an empty one when it does not exist).
    public mutating func account(_ a: Address) -> Account {
        accounts.values[slot(a)].info
    }

    public mutating func exists(_ a: Address) -> Bool {
        accounts.values[slot(a)].exists
    }

    /// EIP-161 "alive": exists and not empty.
    public mutating func isAlive(_ a: Address) -> Bool {
        let i = slot(a)
        return accounts.values[i].exists && !accounts.values[i].info.isEmpty
    }

    public mutating func existsAndIsEmpty(_ a: Address) -> Bool {
        let i = slot(a)
        return accounts.values[i].exists && accounts.values[i].info.isEmpty
    }

    @inline(__always)
    mutating func modify(_ a: Address, _ body: (inout Account) -> Void) {
        let i = slot(a)
        journal.append(.account(a, accounts.values[i].info, exists: accounts.values[i].exists, dirty: accounts.values[i].dirty))
        body(&accounts.values[i].info)
        accounts.values[i].exists = true
        accounts.values[i].dirty = true
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
        accounts[a]!.info = Account()
        accounts[a]!.exists = false
        accounts[a]!.storage = [:]
        accounts[a]!.storageCleared = true
        accounts[a]!.dirty = true
    }

    /// Forgets the account's storage (execution-specs `destroy_storage`, used by contract creation).
    public mutating func clearStorage(_ a: Address) {
        load(a)
        let c = accounts[a]!
        journal.append(.storageCleared(a, c.storage, c.storageCleared))
        accounts[a]!.storage = [:]
        accounts[a]!.storageCleared = true
        accounts[a]!.dirty = true
    }

    /// EIP-7610 collision: code, nonce, or storage at the address.
    public mutating func hasCodeOrNonceOrStorage(_ a: Address) -> Bool {
        load(a)
        let c = accounts[a]!
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
        if let v = accounts.values[i].storage[k] { return v }
        let v = accounts.values[i].storageCleared ? UInt256.zero : backend.storage(a, k)
        accounts.values[i].storage[k] = v
        return v
    }

    /// The value at the start of the transaction (zero for accounts created in it).
    public mutating func originalStorage(_ a: Address, _ k: UInt256) -> UInt256 {
        if created.contains(a) { return .zero }
        if let v = original[SlotKey(a, k)] { return v }
        return storage(a, k)
    }

    public mutating func setStorage(_ a: Address, _ k: UInt256, _ v: UInt256) {
        let i = slot(a)
        let cur = storage(i, a, k)
        let sk = SlotKey(a, k)
        if original.index(forKey: sk) == nil { original[sk] = cur }
        journal.append(.storage(a, k, cur))
        accounts.values[i].storage[k] = v
        accounts.values[i].dirty = true
    }

    // MARK: Transient storage (EIP-1153)

    public func transientStorage(_ a: Address, _ k: UInt256) -> UInt256 { transient[SlotKey(a, k)] ?? .zero }

    public mutating func setTransientStorage(_ a: Address, _ k: UInt256, _ v: UInt256) {
        let s = SlotKey(a, k)
        journal.append(.transient(s, transient[s] ?? .zero))
        transient[s] = v.isZero ? nil : v
    }

    // MARK: Access sets (EIP-2929)

    /// Marks the address warm; returns true when it was cold.
    public mutating func warmAccount(_ a: Address) -> Bool {
        if warmAccounts.insert(a).inserted {
            journal.append(.warmAccount(a))
            return true
        }
        return false
    }

    /// Marks the slot warm; returns true when it was cold.
    public mutating func warmSlot(_ a: Address, _ k: UInt256) -> Bool {
        let s = SlotKey(a, k)
        if warmSlots.insert(s).inserted {
            journal.append(.warmSlot(s))
            return true
        }
        return false
    }

    // MARK: Sub-state sets

    public mutating func markCreated(_ a: Address) {
        if created.insert(a).inserted { journal.append(.created(a)) }
    }

    public mutating func markSelfDestructed(_ a: Address) {
        if selfDestructed.insert(a).inserted { journal.append(.selfDestructed(a)) }
    }

    public mutating func markTouched(_ a: Address) {
        if touched.insert(a).inserted { journal.append(.touched(a)) }
    }

    /// Ends a transaction: clears per-transaction sets and the journal (the changes stay in the overlay).
    public mutating func endTransaction() {
        journal.removeAll(keepingCapacity: true)
        transient = [:]
        warmAccounts = []
        warmSlots = []
        created = []
        selfDestructed = []
        touched = []
        original = [:]
        ripemdTouched = false
    }
}
