import EVMPrimitives

/// One entry of a set-code transaction's authorization list (EIP-7702 §"Set code transaction":
/// `[chain_id, address, nonce, y_parity, r, s]`; execution-specs `forks/prague/fork_types.py` `Authorization`).
/// Quantities are kept at full width so that out-of-range values reach the validity rules of `set_delegation`
/// instead of being rejected while reading.
public struct Authorization: Equatable, Sendable {
    public var chainId: UInt256
    /// The code to delegate to; the zero address clears the delegation.
    public var address: Address
    public var nonce: UInt256
    public var yParity: UInt256
    public var r: UInt256
    public var s: UInt256

    public init(chainId: UInt256, address: Address, nonce: UInt256, yParity: UInt256, r: UInt256, s: UInt256) {
        self.chainId = chainId
        self.address = address
        self.nonce = nonce
        self.yParity = yParity
        self.r = r
        self.s = s
    }

    /// SET_CODE_TX_MAGIC of EIP-7702.
    public static let magic: UInt8 = 0x05

    /// The signed message: keccak256(MAGIC ‖ rlp([chain_id, address, nonce])).
    public func signingHash<C: CryptoProvider>(_ crypto: C) -> [UInt8] {
        var payload: [UInt8] = []
        RLP.encodeBytes(chainId.minimalBigEndianBytes, into: &payload)
        RLP.encodeBytes(address.bytes, into: &payload)
        RLP.encodeBytes(nonce.minimalBigEndianBytes, into: &payload)
        var message: [UInt8] = [Authorization.magic]
        RLP.encodeListHeader(payloadLength: payload.count, into: &message)
        message.append(contentsOf: payload)
        return crypto.keccak256(message)
    }

    /// The signer (execution-specs `recover_authority`), or nil when y_parity is not 0 or 1, r is not in
    /// [1, n), s is not in [1, n/2] or recovery fails.
    public func authority<C: CryptoProvider>(_ crypto: C) -> Address? {
        guard yParity <= UInt256.one, !r.isZero, r < TransactionDecoder.secpN, !s.isZero,
              s <= TransactionDecoder.secpHalfN else { return nil }
        return crypto.ecrecoverAddress(hash: UInt256(bigEndian: signingHash(crypto)), recid: UInt8(yParity.w0), r: r, s: s)
    }
}

/// Delegation designators of EIP-7702: code `0xef0100 ‖ address` makes an account run `address`'s code.
public enum DelegationDesignator {
    /// EOA_DELEGATION_MARKER.
    public static let marker: [UInt8] = [0xef, 0x01, 0x00]
    /// EOA_DELEGATED_CODE_LENGTH: marker plus a 20-byte address.
    public static let length = 23

    /// The designator that delegates to `address`.
    public static func code(delegatingTo address: Address) -> [UInt8] { marker + address.bytes }

    /// execution-specs `is_valid_delegation`.
    @inlinable
    public static func isDesignator(_ code: [UInt8]) -> Bool {
        code.count == length && code[0] == 0xef && code[1] == 0x01 && code[2] == 0x00
    }

    /// execution-specs `get_delegated_code_address`: the address a designator points to, nil for other code.
    public static func target(_ code: [UInt8]) -> Address? {
        isDesignator(code) ? Address(bytes: code[3..<length]) : nil
    }
}
