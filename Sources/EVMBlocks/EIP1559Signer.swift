import EVM
import EVMPrimitives
import NativeCrypto

/// Errors of the block tools (generator, signer, container assembly).
public enum EVMBlocksError: Error, Equatable, CustomStringConvertible {
    case invalidSecretKey
    case signingFailed
    case invalidOption(String)
    case proverFailed(String)
    case executionMismatch(String)

    public var description: String {
        switch self {
        case .invalidSecretKey: return "secret key is zero or not below the secp256k1 order"
        case .signingFailed: return "secp256k1 signing failed"
        case .invalidOption(let m): return "invalid option: \(m)"
        case .proverFailed(let m): return "prover failed: \(m)"
        case .executionMismatch(let m): return "execution mismatch: \(m)"
        }
    }
}

/// A secp256k1 key pair with its Ethereum address (Yellow Paper Appendix F: address = keccak256(x‖y)[12:]).
public struct SigningKey: Sendable {
    public let secretKey: [UInt8]
    public let address: Address

    public init(secretKey: [UInt8]) throws(EVMBlocksError) {
        guard let pub = Secp256k1.publicKey(fromSecretKey: secretKey) else { throw .invalidSecretKey }
        self.secretKey = secretKey
        self.address = Address(bytes: Keccak256.hash(pub)[12...])
    }
}

/// Encodes and signs EIP-1559 (type 2) transactions:
/// `0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList,
/// yParity, r, s])`, signed over keccak256(0x02 ‖ rlp(the first nine fields)).
public enum EIP1559Signer {
    public struct Fields: Sendable {
        public var chainId: UInt256
        public var nonce: UInt64
        public var maxPriorityFeePerGas: UInt256
        public var maxFeePerGas: UInt256
        public var gasLimit: UInt64
        public var to: Address
        public var value: UInt256
        public var data: [UInt8]
        public init(chainId: UInt256, nonce: UInt64, maxPriorityFeePerGas: UInt256, maxFeePerGas: UInt256,
                    gasLimit: UInt64, to: Address, value: UInt256, data: [UInt8]) {
            self.chainId = chainId
            self.nonce = nonce
            self.maxPriorityFeePerGas = maxPriorityFeePerGas
            self.maxFeePerGas = maxFeePerGas
            self.gasLimit = gasLimit
            self.to = to
            self.value = value
            self.data = data
        }
    }

    static func unsignedPayload(_ f: Fields) -> [UInt8] {
        var p: [UInt8] = []
        RLP.encodeBytes(f.chainId.minimalBigEndianBytes, into: &p)
        RLP.encodeUInt64(f.nonce, into: &p)
        RLP.encodeBytes(f.maxPriorityFeePerGas.minimalBigEndianBytes, into: &p)
        RLP.encodeBytes(f.maxFeePerGas.minimalBigEndianBytes, into: &p)
        RLP.encodeUInt64(f.gasLimit, into: &p)
        RLP.encodeBytes(f.to.bytes, into: &p)
        RLP.encodeBytes(f.value.minimalBigEndianBytes, into: &p)
        RLP.encodeBytes(f.data, into: &p)
        RLP.encodeListHeader(payloadLength: 0, into: &p)
        return p
    }

    /// The signing hash keccak256(0x02 ‖ rlp(fields)).
    public static func signingHash(_ f: Fields) -> [UInt8] {
        let p = unsignedPayload(f)
        var enc: [UInt8] = [0x02]
        RLP.encodeListHeader(payloadLength: p.count, into: &enc)
        enc.append(contentsOf: p)
        return Keccak256.hash(enc)
    }

    /// The signed envelope (deterministic: libsecp256k1 uses RFC 6979 nonces).
    public static func sign(_ f: Fields, key: SigningKey) throws(EVMBlocksError) -> [UInt8] {
        guard let sig = Secp256k1.sign(hash: signingHash(f), secretKey: key.secretKey) else { throw .signingFailed }
        var p = unsignedPayload(f)
        RLP.encodeUInt64(UInt64(sig.recid), into: &p)
        RLP.encodeBytes(UInt256(bigEndian: sig.r).minimalBigEndianBytes, into: &p)
        RLP.encodeBytes(UInt256(bigEndian: sig.s).minimalBigEndianBytes, into: &p)
        var enc: [UInt8] = [0x02]
        RLP.encodeListHeader(payloadLength: p.count, into: &enc)
        enc.append(contentsOf: p)
        return enc
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): the generator's only source of variation, seeded by `--seed`.
public struct SplitMix64 {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
    /// A value in 0..<bound (bound > 0), by rejection of the biased tail.
    public mutating func next(below bound: UInt64) -> UInt64 {
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let v = next()
            if v < limit { return v % bound }
        }
    }
}
