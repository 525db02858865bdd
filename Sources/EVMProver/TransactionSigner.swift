import EVM
import EVMPrimitives
import NativeCrypto

/// Signing of transactions for tests and block generators (Yellow Paper Appendix F; EIP-155 legacy and EIP-1559
/// type-2 envelopes), producing the signed envelopes BATCH carries. Low-s signatures from libsecp256k1.
public enum TransactionSigner {
    /// The address of a secret key: the last 20 bytes of keccak256(x‖y).
    public static func address(secretKey: [UInt8]) -> Address? {
        guard let pub = Secp256k1.publicKey(fromSecretKey: secretKey) else { return nil }
        return Address(bytes: Keccak256.hash(pub))
    }

    /// A legacy EIP-155 transaction: rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s]),
    /// v = recid + 2·chainId + 35; `to` nil creates a contract.
    public static func legacy(secretKey: [UInt8], chainId: UInt64, nonce: UInt64, gasPrice: UInt256, gasLimit: UInt64,
                              to: Address?, value: UInt256, data: [UInt8]) -> [UInt8]? {
        var fields = common(nonce: nonce, gasPrice: gasPrice, gasLimit: gasLimit, to: to, value: value, data: data)
        var unsigned = fields
        RLP.encodeUInt64(chainId, into: &unsigned)
        RLP.encodeBytes([], into: &unsigned)
        RLP.encodeBytes([], into: &unsigned)
        guard let sig = Secp256k1.sign(hash: Keccak256.hash(list(unsigned)), secretKey: secretKey) else { return nil }
        RLP.encodeUInt64(UInt64(sig.recid) + 2 * chainId + 35, into: &fields)
        appendSignature(sig.r, sig.s, into: &fields)
        return list(fields)
    }

    /// An EIP-1559 transaction: 0x02 ‖ rlp([chainId, nonce, maxPriorityFee, maxFee, gasLimit, to, value, data,
    /// accessList = [], yParity, r, s]).
    public static func eip1559(secretKey: [UInt8], chainId: UInt64, nonce: UInt64, maxPriorityFeePerGas: UInt256,
                               maxFeePerGas: UInt256, gasLimit: UInt64, to: Address?, value: UInt256, data: [UInt8]) -> [UInt8]? {
        var fields: [UInt8] = []
        RLP.encodeUInt64(chainId, into: &fields)
        RLP.encodeUInt64(nonce, into: &fields)
        RLP.encodeBytes(maxPriorityFeePerGas.minimalBigEndianBytes, into: &fields)
        RLP.encodeBytes(maxFeePerGas.minimalBigEndianBytes, into: &fields)
        RLP.encodeUInt64(gasLimit, into: &fields)
        RLP.encodeBytes(to?.bytes ?? [], into: &fields)
        RLP.encodeBytes(value.minimalBigEndianBytes, into: &fields)
        RLP.encodeBytes(data, into: &fields)
        RLP.encodeListHeader(payloadLength: 0, into: &fields)
        guard let sig = Secp256k1.sign(hash: Keccak256.hash([0x02] + list(fields)), secretKey: secretKey) else { return nil }
        RLP.encodeUInt64(UInt64(sig.recid), into: &fields)
        appendSignature(sig.r, sig.s, into: &fields)
        return [0x02] + list(fields)
    }

    static func common(nonce: UInt64, gasPrice: UInt256, gasLimit: UInt64, to: Address?, value: UInt256, data: [UInt8]) -> [UInt8] {
        var f: [UInt8] = []
        RLP.encodeUInt64(nonce, into: &f)
        RLP.encodeBytes(gasPrice.minimalBigEndianBytes, into: &f)
        RLP.encodeUInt64(gasLimit, into: &f)
        RLP.encodeBytes(to?.bytes ?? [], into: &f)
        RLP.encodeBytes(value.minimalBigEndianBytes, into: &f)
        RLP.encodeBytes(data, into: &f)
        return f
    }

    static func appendSignature(_ r: [UInt8], _ s: [UInt8], into f: inout [UInt8]) {
        RLP.encodeBytes(UInt256(bigEndian: r).minimalBigEndianBytes, into: &f)
        RLP.encodeBytes(UInt256(bigEndian: s).minimalBigEndianBytes, into: &f)
    }

    static func list(_ payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        RLP.encodeListHeader(payloadLength: payload.count, into: &out)
        return out + payload
    }
}
