import EVMPrimitives

/// Decoding of signed transactions (EIP-2718 typed envelopes, legacy RLP with EIP-155 replay protection,
/// EIP-2930, EIP-1559, EIP-4844 network-free form, EIP-7702 set code) and sender recovery through
/// `CryptoProvider.ecrecoverAddress` (Yellow Paper Appendix F; EIP-2 low-s rule).
///
/// The envelope is validated as strict RLP once and its fields are read in place (`TransactionFieldReader`).
/// The signing hash is taken over the envelope's own bytes: the strict decoder accepts only canonical
/// encodings, so the fields before the signature are byte for byte their re-encoding, and only the list header
/// (and, for EIP-155, the `chain_id, 0, 0` tail) is written anew.
public enum TransactionDecoder {
    /// secp256k1 group order n and n/2.
    static let secpN = UInt256(w0: 0xbfd2_5e8c_d036_4141, w1: 0xbaae_dce6_af48_a03b, w2: 0xffff_ffff_ffff_fffe, w3: 0xffff_ffff_ffff_ffff)
    static let secpHalfN = UInt256(w0: 0xdfe9_2f46_681b_20a0, w1: 0x5d57_6e73_57a4_501d, w2: 0xffff_ffff_ffff_ffff, w3: 0x7fff_ffff_ffff_ffff)

    /// Decodes `bytes` and recovers the sender. Throws for malformed encodings and invalid signatures.
    public static func decode<C: CryptoProvider>(_ bytes: [UInt8], crypto: C) throws(TransactionError) -> Transaction {
        guard let first = bytes.first else { throw .malformedEncoding }
        if first >= 0xc0 { return try decodeLegacy(bytes, crypto: crypto) }
        guard first <= 4, first >= 1 else { throw .typeNotSupported }
        return try decodeTyped(bytes, type: first, crypto: crypto)
    }

    /// `type ‖ rlp([chain_id, …, y_parity, r, s])`; signed over `keccak256(type ‖ rlp([chain_id, …]))`
    /// (EIP-2930, EIP-1559, EIP-4844, EIP-7702: the same fields without the last three).
    static func decodeTyped<C: CryptoProvider>(_ bytes: [UInt8], type: UInt8, crypto: C) throws(TransactionError) -> Transaction {
        var f = TransactionFieldReader(bytes, list: try validatedList(bytes, at: 1))
        let unsignedStart = f.position
        var tx = Transaction(type: type, nonce: 0, gasLimit: .zero, to: nil, value: .zero, data: [], sender: .zero)
        tx.chainId = try f.nextWord()
        tx.nonce = try f.nextU64()
        if type == 1 {
            tx.gasPrice = try f.nextWord()
        } else {
            tx.maxPriorityFeePerGas = try f.nextWord()
            tx.maxFeePerGas = try f.nextWord()
        }
        tx.gasLimit = try f.nextWord()
        tx.to = try f.nextOptionalAddress()
        tx.value = try f.nextWord()
        tx.data = try f.nextBytes()
        tx.accessList = try f.nextAccessList()
        if type == 3 {
            tx.maxFeePerBlobGas = try f.nextWord()
            tx.blobVersionedHashes = try f.nextHashList()
        }
        if type == 4 { tx.authorizationList = try f.nextAuthorizationList() }
        let unsignedEnd = f.position
        let yParityField = try f.next(), rField = try f.next(), sField = try f.next()
        guard f.isAtEnd else { throw .malformedEncoding }
        let yParity = try f.word(yParityField)
        guard yParity <= UInt256.one else { throw .invalidSignature }
        let hash = signingHash(bytes, prefix: type, from: unsignedStart, to: unsignedEnd, tail: [], crypto: crypto)
        tx.sender = try recover(hash, recid: UInt8(yParity.w0), r: try f.word(rField), s: try f.word(sField), crypto: crypto)
        return tx
    }

    /// `rlp([nonce, gas_price, gas, to, value, data, v, r, s])`; signed over the first six fields, followed for
    /// EIP-155 (v = 35 + 2 chain_id + recid) by `chain_id, 0, 0`; v = 27 + recid before it.
    static func decodeLegacy<C: CryptoProvider>(_ bytes: [UInt8], crypto: C) throws(TransactionError) -> Transaction {
        var f = TransactionFieldReader(bytes, list: try validatedList(bytes, at: 0))
        let unsignedStart = f.position
        let nonce = try f.nextU64(), gasPrice = try f.nextWord(), gasLimit = try f.nextWord()
        let to = try f.nextOptionalAddress(), value = try f.nextWord(), data = try f.nextBytes()
        var tx = Transaction(type: 0, nonce: nonce, gasPrice: gasPrice, gasLimit: gasLimit, to: to, value: value, data: data,
                             sender: .zero)
        let unsignedEnd = f.position
        let vField = try f.next(), rField = try f.next(), sField = try f.next()
        guard f.isAtEnd else { throw .malformedEncoding }
        let v = try f.word(vField)
        let recid: UInt8
        var tail: [UInt8] = []
        if v == UInt256(27) || v == UInt256(28) {
            recid = UInt8(v.w0 - 27)
        } else {
            guard v >= UInt256(35) else { throw .invalidSignature }
            let chainId = UInt256.div(v &- UInt256(35), UInt256(2))
            recid = UInt8((v &- UInt256(35)).w0 & 1)
            tx.chainId = chainId
            RLP.encodeBytes(chainId.minimalBigEndianBytes, into: &tail)
            tail.append(0x80)
            tail.append(0x80)
        }
        let hash = signingHash(bytes, prefix: nil, from: unsignedStart, to: unsignedEnd, tail: tail, crypto: crypto)
        tx.sender = try recover(hash, recid: recid, r: try f.word(rField), s: try f.word(sField), crypto: crypto)
        return tx
    }

    /// The header of the list at `offset`, which must span the rest of `bytes` as strict RLP.
    static func validatedList(_ bytes: [UInt8], at offset: Int) throws(TransactionError) -> RLPHeader {
        let header: RLPHeader
        do { header = try RLP.validate(bytes, at: offset, end: bytes.count) } catch { throw .malformedEncoding }
        guard header.isList else { throw .malformedEncoding }
        return header
    }

    /// keccak256(prefix ‖ rlp-list-header ‖ bytes[start..<end] ‖ tail): the unsigned fields as they stand in
    /// the envelope, re-headed as a list of their own.
    static func signingHash<C: CryptoProvider>(_ bytes: [UInt8], prefix: UInt8?, from start: Int, to end: Int, tail: [UInt8],
                                               crypto: C) -> UInt256 {
        let payloadLength = end - start + tail.count
        var message: [UInt8] = []
        message.reserveCapacity(1 + RLP.headerLength(payloadLength: payloadLength) + payloadLength)
        if let prefix { message.append(prefix) }
        RLP.encodeListHeader(payloadLength: payloadLength, into: &message)
        message.append(contentsOf: bytes[start..<end])
        message.append(contentsOf: tail)
        return message.withUnsafeBytes { crypto.keccak256Word($0) }
    }

    static func recover<C: CryptoProvider>(_ hash: UInt256, recid: UInt8, r: UInt256, s: UInt256, crypto: C) throws(TransactionError) -> Address {
        guard !r.isZero, !s.isZero, r < secpN, s <= secpHalfN else { throw .invalidSignature }
        guard let sender = crypto.ecrecoverAddress(hash: hash, recid: recid, r: r, s: s) else { throw .invalidSignature }
        return sender
    }

    /// The bytes of an RLP string item (a list is `.malformedEncoding`).
    public static func raw(_ item: RLPItem) throws(TransactionError) -> [UInt8] {
        guard case .bytes(let b) = item else { throw .malformedEncoding }
        return b
    }

    /// A canonical RLP integer (no leading zeros) of at most 256 bits.
    public static func word(_ item: RLPItem) throws(TransactionError) -> UInt256 {
        let b = try raw(item)
        guard b.count <= 32, b.first != 0 else { throw .malformedEncoding }
        return UInt256(bigEndian: b)
    }
}
