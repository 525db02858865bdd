import EVMPrimitives

/// An account of the world state (Yellow Paper §4.1): nonce, balance, code (and its hash). Storage lives
/// separately in the state.
public struct Account: Equatable, Sendable {
    public var nonce: UInt64
    public var balance: UInt256
    public var code: [UInt8]
    /// keccak256(code), as a big-endian word.
    public var codeHash: UInt256

    public init(nonce: UInt64 = 0, balance: UInt256 = .zero, code: [UInt8] = [], codeHash: UInt256 = Account.emptyCodeHash) {
        self.nonce = nonce
        self.balance = balance
        self.code = code
        self.codeHash = codeHash
    }

    /// keccak256 of the empty byte string.
    public static let emptyCodeHash = UInt256(
        w0: 0x7bfa_d804_5d85_a470, w1: 0xe500_b653_ca82_273b, w2: 0x927e_7db2_dcc7_03c0, w3: 0xc5d2_4601_86f7_233c)

    /// EIP-161 "empty": zero nonce, zero balance, no code.
    @inlinable
    public var isEmpty: Bool { nonce == 0 && balance.isZero && code.isEmpty }
}

/// A storage slot of an account, the key of warm-slot and transient-storage sets.
public struct SlotKey: Hashable, Sendable {
    public var address: Address
    public var key: UInt256
    @inlinable
    public init(_ address: Address, _ key: UInt256) {
        self.address = address
        self.key = key
    }

    /// Table hashing as for `UInt256` and `Address` (EVMPrimitives `WordHash`).
    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        let k = UInt64(truncatingIfNeeded: key._rawHashValue(seed: seed))
        let a = UInt64(truncatingIfNeeded: address._rawHashValue(seed: seed))
        return Int(truncatingIfNeeded: WordHash.fold(k ^ WordHash.k3, a ^ WordHash.k2))
    }
}

/// Where the EVM reads the pre-state from: an in-memory map natively, a witness inside the RISC-V guest.
/// Reads only; all writes go to the `JournaledState` overlay.
public protocol StateBackend {
    /// The account at `address`, or nil when it does not exist.
    func account(_ address: Address) -> Account?
    /// The committed value of a storage slot (zero when absent).
    func storage(_ address: Address, _ key: UInt256) -> UInt256
    /// Whether the account has any non-zero storage (EIP-7610 address-collision rule).
    func hasStorage(_ address: Address) -> Bool
}
