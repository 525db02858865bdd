import EVMPrimitives

/// Decoding of signed transactions (EIP-2718 typed envelopes, legacy RLP with EIP-155 replay protection,
/// EIP-2930, EIP-1559, EIP-4844 network-free form, EIP-7702 set code) and sender recovery through `CryptoProvider.ecrecover`
/// (Yellow Paper Appendix F; EIP-2 low-s rule).
public enum TransactionDecoder {
    /// secp256k1 group order n and n/2.
    static let secpN = UInt256(w0: 0xbfd2_5e8c_d036_4141, w1: 0xbaae_dce6_af48_a03b, w2: 0xffff_ffff_ffff_fffe, w3: 0xffff_ffff_ffff_ffff)
    static let secpHalfN = UInt256(w0: 0xdfe9_2f46_681b_20a0, w1: 0x5d57_6e73_57a4_501d, w2: 0xffff_ffff_ffff_ffff, w3: 0x7fff_ffff_ffff_ffff)

    /// Decodes `bytes` and recovers the sender. Throws for malformed encodings and invalid signatures.
    public static func decode<C: CryptoProvider>(_ bytes: [UInt8], crypto: C) throws(TransactionError) -> Transaction {
        guard let first = bytes.first else { throw .malformedEncoding }
        if first >= 0xc0 { return try decodeLegacy(bytes, crypto: crypto) }
        guard first <= 4, first >= 1 else { throw .typeNotSupported }
        let body = Array(bytes[1...])
        let f = try list(body)
        let type = first
        let expected = [11, 12, 14, 13][Int(type) - 1]
        guard f.count == expected else { throw .malformedEncoding }
        var tx = Transaction(type: type, nonce: 0, gasLimit: .zero, to: nil, value: .zero, data: [], sender: .zero)
        tx.chainId = try word(f[0])
        tx.nonce = try u64(f[1])
        var i = 2
        if type == 1 {
            tx.gasPrice = try word(f[2])
            i = 3
        } else {
            tx.maxPriorityFeePerGas = try word(f[2])
            tx.maxFeePerGas = try word(f[3])
            i = 4
        }
        tx.gasLimit = try word(f[i])
        tx.to = try toAddress(f[i + 1])
        tx.value = try word(f[i + 2])
        tx.data = try raw(f[i + 3])
        tx.accessList = try accessList(f[i + 4])
        i += 5
        if type == 3 {
            tx.maxFeePerBlobGas = try word(f[i])
            guard case .list(let hashes) = f[i + 1] else { throw .malformedEncoding }
            tx.blobVersionedHashes = try hashes.map { (h: RLPItem) throws(TransactionError) -> UInt256 in
                let b = try raw(h)
                guard b.count == 32 else { throw .malformedEncoding }
                return UInt256(bigEndian: b)
            }
            i += 2
        }
        if type == 4 {
            tx.authorizationList = try authorizationList(f[i])
            i += 1
        }
        let yParity = try word(f[i])
        guard yParity <= UInt256.one else { throw .invalidSignature }
        // Signing hash: keccak(type ‖ rlp(fields without the signature)).
        var payload: [UInt8] = []
        for item in f[0..<i] { item.encode(into: &payload) }
        var enc: [UInt8] = [type]
        RLP.encodeListHeader(payloadLength: payload.count, into: &enc)
        enc.append(contentsOf: payload)
        tx.sender = try recover(crypto.keccak256(enc), recid: UInt8(yParity.w0), r: try word(f[i + 1]), s: try word(f[i + 2]), crypto: crypto)
        return tx
    }

    static func decodeLegacy<C: CryptoProvider>(_ bytes: [UInt8], crypto: C) throws(TransactionError) -> Transaction {
        let f = try list(bytes)
        guard f.count == 9 else { throw .malformedEncoding }
        var tx = Transaction(type: 0, nonce: try u64(f[0]), gasPrice: try word(f[1]), gasLimit: try word(f[2]),
                             to: try toAddress(f[3]), value: try word(f[4]), data: try raw(f[5]), sender: .zero)
        let v = try word(f[6])
        var payload: [UInt8] = []
        for item in f[0..<6] { item.encode(into: &payload) }
        let recid: UInt8
        if v == UInt256(27) || v == UInt256(28) {
            recid = UInt8(v.w0 - 27)
        } else {
            guard v >= UInt256(35) else { throw .invalidSignature }
            let chainId = UInt256.div(v &- UInt256(35), UInt256(2))
            recid = UInt8((v &- UInt256(35)).w0 & 1)
            tx.chainId = chainId
            RLP.encodeBytes(chainId.minimalBigEndianBytes, into: &payload)
            RLP.encodeBytes([], into: &payload)
            RLP.encodeBytes([], into: &payload)
        }
        var enc: [UInt8] = []
        RLP.encodeListHeader(payloadLength: payload.count, into: &enc)
        enc.append(contentsOf: payload)
        tx.sender = try recover(crypto.keccak256(enc), recid: recid, r: try word(f[7]), s: try word(f[8]), crypto: crypto)
        return tx
    }

    static func recover<C: CryptoProvider>(_ hash: [UInt8], recid: UInt8, r: UInt256, s: UInt256, crypto: C) throws(TransactionError) -> Address {
        guard !r.isZero, !s.isZero, r < secpN, s <= secpHalfN else { throw .invalidSignature }
        guard let pub = crypto.ecrecover(hash: hash, recid: recid, r: r.bigEndianBytes, s: s.bigEndianBytes), pub.count == 64 else {
            throw .invalidSignature
        }
        return Address(bytes: crypto.keccak256(pub))
    }

    static func list(_ bytes: [UInt8]) throws(TransactionError) -> [RLPItem] {
        let item: RLPItem
        do { item = try RLP.decode(bytes) } catch { throw .malformedEncoding }
        guard case .list(let items) = item else { throw .malformedEncoding }
        return items
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

    static func u64(_ item: RLPItem) throws(TransactionError) -> UInt64 {
        guard let v = try word(item).uint64 else { throw .malformedEncoding }
        return v
    }

    static func toAddress(_ item: RLPItem) throws(TransactionError) -> Address? {
        let b = try raw(item)
        if b.isEmpty { return nil }
        guard b.count == 20 else { throw .malformedEncoding }
        return Address(bytes: b)
    }

    /// EIP-7702 `authorization_list`: `[chain_id, address, nonce, y_parity, r, s]` each, with nonce a U64 and
    /// y_parity a U8 as in execution-specs `Authorization`.
    static func authorizationList(_ item: RLPItem) throws(TransactionError) -> [Authorization] {
        guard case .list(let entries) = item else { throw .malformedEncoding }
        var out: [Authorization] = []
        for e in entries {
            guard case .list(let a) = e, a.count == 6, let address = try toAddress(a[1]) else { throw .malformedEncoding }
            let yParity = try word(a[3])
            guard yParity <= UInt256(255) else { throw .malformedEncoding }
            out.append(Authorization(chainId: try word(a[0]), address: address, nonce: UInt256(try u64(a[2])),
                                     yParity: yParity, r: try word(a[4]), s: try word(a[5])))
        }
        return out
    }

    static func accessList(_ item: RLPItem) throws(TransactionError) -> [AccessListEntry] {
        guard case .list(let entries) = item else { throw .malformedEncoding }
        var out: [AccessListEntry] = []
        for e in entries {
            guard case .list(let pair) = e, pair.count == 2, case .list(let keys) = pair[1] else { throw .malformedEncoding }
            guard let a = try toAddress(pair[0]) else { throw .malformedEncoding }
            var ks: [UInt256] = []
            for k in keys {
                let b = try raw(k)
                guard b.count == 32 else { throw .malformedEncoding }
                ks.append(UInt256(bigEndian: b))
            }
            out.append(AccessListEntry(address: a, storageKeys: ks))
        }
        return out
    }
}
