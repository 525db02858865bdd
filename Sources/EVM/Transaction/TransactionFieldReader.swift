import EVMPrimitives

/// The fields of a signed transaction's RLP list (Yellow Paper §4.2, EIP-2718 payloads), read in order where
/// they sit in the envelope: headers and offsets, no item tree. The list must have passed `RLP.validate`, so
/// every header read here is canonical; the readers add the field rules (canonical integers of at most
/// 256 bits, 20-byte addresses, 32-byte hashes) and answer `.malformedEncoding` for any breach.
struct TransactionFieldReader {
    let bytes: [UInt8]
    /// Offset of the next field.
    var position: Int
    /// Offset just past the list's payload.
    let end: Int

    /// A reader over the payload of the list `header` describes in `bytes`.
    init(_ bytes: [UInt8], list header: RLPHeader) {
        self.bytes = bytes
        position = header.payloadOffset
        end = header.end
    }

    var isAtEnd: Bool { position == end }

    /// The header of the next field.
    mutating func next() throws(TransactionError) -> RLPHeader {
        guard position < end, let h = try? RLP.decodeHeader(bytes, at: position, end: end) else { throw .malformedEncoding }
        position = h.end
        return h
    }

    /// The header of the next field, which must be a byte string.
    mutating func nextString() throws(TransactionError) -> RLPHeader {
        let h = try next()
        guard !h.isList else { throw .malformedEncoding }
        return h
    }

    /// The next field as a list.
    mutating func nextList() throws(TransactionError) -> TransactionFieldReader {
        let h = try next()
        guard h.isList else { throw .malformedEncoding }
        return TransactionFieldReader(bytes, list: h)
    }

    /// A canonical integer of at most 256 bits (no leading zero byte; zero is the empty string).
    func word(_ h: RLPHeader) throws(TransactionError) -> UInt256 {
        guard !h.isList, h.payloadLength <= 32, h.payloadLength == 0 || bytes[h.payloadOffset] != 0 else {
            throw .malformedEncoding
        }
        return UInt256(bigEndian: bytes[h.payloadOffset..<h.end])
    }

    mutating func nextWord() throws(TransactionError) -> UInt256 { try word(next()) }

    mutating func nextU64() throws(TransactionError) -> UInt64 {
        guard let v = try nextWord().uint64 else { throw .malformedEncoding }
        return v
    }

    /// A 32-byte string as a word.
    mutating func nextHash() throws(TransactionError) -> UInt256 {
        let h = try nextString()
        guard h.payloadLength == 32 else { throw .malformedEncoding }
        return UInt256(bigEndian: bytes[h.payloadOffset..<h.end])
    }

    /// `to`: 20 bytes, or the empty string (nil, contract creation).
    mutating func nextOptionalAddress() throws(TransactionError) -> Address? {
        let h = try nextString()
        if h.payloadLength == 0 { return nil }
        guard h.payloadLength == 20 else { throw .malformedEncoding }
        return Address(bytes: bytes[h.payloadOffset..<h.end])
    }

    mutating func nextAddress() throws(TransactionError) -> Address {
        guard let a = try nextOptionalAddress() else { throw .malformedEncoding }
        return a
    }

    /// A byte string, copied out.
    mutating func nextBytes() throws(TransactionError) -> [UInt8] {
        let h = try nextString()
        return RLP.payload(bytes, h)
    }

    /// EIP-2930 `access_list`: `[[address, [storage_key, …]], …]`.
    mutating func nextAccessList() throws(TransactionError) -> [AccessListEntry] {
        var entries = try nextList()
        var out: [AccessListEntry] = []
        while !entries.isAtEnd {
            var pair = try entries.nextList()
            let address = try pair.nextAddress()
            let keys = try pair.nextHashList()
            guard pair.isAtEnd else { throw .malformedEncoding }
            out.append(AccessListEntry(address: address, storageKeys: keys))
        }
        return out
    }

    /// A list of 32-byte hashes (EIP-4844 `blob_versioned_hashes`, EIP-2930 storage keys).
    mutating func nextHashList() throws(TransactionError) -> [UInt256] {
        var list = try nextList()
        var out: [UInt256] = []
        while !list.isAtEnd { out.append(try list.nextHash()) }
        return out
    }

    /// EIP-7702 `authorization_list`: `[chain_id, address, nonce, y_parity, r, s]` each, with nonce a U64 and
    /// y_parity a U8 as in execution-specs `Authorization`.
    mutating func nextAuthorizationList() throws(TransactionError) -> [Authorization] {
        var list = try nextList()
        var out: [Authorization] = []
        while !list.isAtEnd {
            var a = try list.nextList()
            let chainId = try a.nextWord()
            let address = try a.nextAddress()
            let nonce = try a.nextU64()
            let yParity = try a.nextWord()
            let r = try a.nextWord()
            let s = try a.nextWord()
            guard a.isAtEnd, yParity <= UInt256(255) else { throw .malformedEncoding }
            out.append(Authorization(chainId: chainId, address: address, nonce: UInt256(nonce), yParity: yParity, r: r, s: s))
        }
        return out
    }
}
