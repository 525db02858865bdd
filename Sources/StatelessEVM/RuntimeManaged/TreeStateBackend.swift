import EVM
import EVMPrimitives

/// Access to the runtime-managed binary tree (docs/ABI.md STATE_READ / STATE_WRITE). In the guest each call
/// is a syscall and an uncovered key stops the run (*witness incomplete*); natively it is a map.
public protocol TreeStore {
    /// The value at `key`, or nil when absent.
    func read(_ key: UInt256) -> UInt256?
    /// Sets the value at `key`, or removes it (nil).
    func write(_ key: UInt256, _ value: UInt256?)
}

/// Why the runtime-managed state could not be read or committed.
public enum TreeStateError: Error, Equatable, Sendable {
    /// A basic-data leaf with a version other than 0.
    case unsupportedAccountVersion(Address)
    /// A balance that does not fit the basic-data leaf's 16 bytes.
    case balanceTooLarge(Address)
    /// Code larger than the 3-byte code_size field (cannot happen under EIP-170).
    case codeTooLarge(Address)
    /// A contract whose code chunks are not all present.
    case missingCodeChunk(Address, Int)

    public var description: String {
        switch self {
        case .unsupportedAccountVersion: return "account basic-data leaf has a version other than 0"
        case .balanceTooLarge: return "balance exceeds 2^128 - 1 (EIP-7864 basic-data leaf)"
        case .codeTooLarge: return "code size exceeds 2^24 - 1"
        case .missingCodeChunk: return "code chunk missing from the state"
        }
    }
}

/// The EVM's pre-state read from the EIP-7864 layout through a `TreeStore` (docs/EVMBLOCKS.md §4).
///
/// Values read are cached, so each key costs one STATE_READ; account stems (tree index 0) are cached per
/// address, so an account's header, first 64 slots and first 128 code chunks cost one SHA-256.
/// `hasStorage` is always false: the tree has no per-account storage root, so EIP-7610's storage part of
/// the collision check cannot be evaluated (an account with storage but no nonce and no code).
public final class TreeStateBackend<Store: TreeStore, Crypto: CryptoProvider>: StateBackend {
    public let store: Store
    public let crypto: Crypto
    var values: [UInt256: UInt256] = [:]
    var absent: Set<UInt256> = []
    var headerStems: [Address: UInt256] = [:]
    var accounts: [Address: Account] = [:]
    var missingAccounts: Set<Address> = []
    /// The first inconsistency met while reading (reads cannot throw; the executor checks this).
    public internal(set) var error: TreeStateError?

    public init(store: Store, crypto: Crypto) {
        self.store = store
        self.crypto = crypto
    }

    // MARK: Keys

    func headerStem(_ a: Address) -> UInt256 {
        if let s = headerStems[a] { return s }
        let s = TreeKeys.stem(a, treeIndex: .zero, crypto: crypto)
        headerStems[a] = s
        return s
    }

    func key(_ a: Address, _ loc: (treeIndex: UInt256, subindex: UInt8)) -> UInt256 {
        let stem = loc.treeIndex.isZero ? headerStem(a) : TreeKeys.stem(a, treeIndex: loc.treeIndex, crypto: crypto)
        return TreeKeys.key(stem: stem, subindex: loc.subindex)
    }

    func basicDataKey(_ a: Address) -> UInt256 { TreeKeys.key(stem: headerStem(a), subindex: TreeKeys.basicDataLeafKey) }
    func codeHashKey(_ a: Address) -> UInt256 { TreeKeys.key(stem: headerStem(a), subindex: TreeKeys.codeHashLeafKey) }
    func storageKey(_ a: Address, _ slot: UInt256) -> UInt256 { key(a, TreeKeys.storageLocation(slot)) }
    func chunkKey(_ a: Address, _ chunk: Int) -> UInt256 { key(a, TreeKeys.codeChunkLocation(chunk)) }

    // MARK: Reads

    /// The pre-state value at `key` (cached).
    func read(_ key: UInt256) -> UInt256? {
        if let v = values[key] { return v }
        if absent.contains(key) { return nil }
        let v = store.read(key)
        if let v { values[key] = v } else { absent.insert(key) }
        return v
    }

    func fail(_ e: TreeStateError) { if error == nil { error = e } }

    public func account(_ a: Address) -> Account? {
        if let acc = accounts[a] { return acc }
        if missingAccounts.contains(a) { return nil }
        guard let leaf = read(basicDataKey(a)) else {
            missingAccounts.insert(a)
            return nil
        }
        let basic = BasicData(leaf: leaf)
        if basic.version != 0 { fail(.unsupportedAccountVersion(a)) }
        var acc = Account(nonce: basic.nonce, balance: basic.balance)
        acc.codeHash = read(codeHashKey(a)) ?? Account.emptyCodeHash
        if basic.codeSize > 0 {
            var code: [UInt8] = []
            code.reserveCapacity(CodeChunks.count(codeSize: basic.codeSize) * 31)
            for c in 0..<CodeChunks.count(codeSize: basic.codeSize) {
                guard let chunk = read(chunkKey(a, c)) else {
                    fail(.missingCodeChunk(a, c))
                    break
                }
                CodeChunks.appendCode(of: chunk, into: &code)
            }
            if code.count > basic.codeSize { code.removeSubrange(basic.codeSize...) }
            acc.code = code
        }
        accounts[a] = acc
        return acc
    }

    public func storage(_ a: Address, _ key: UInt256) -> UInt256 { read(storageKey(a, key)) ?? .zero }

    public func hasStorage(_ address: Address) -> Bool { false }
}
