import EVMPrimitives

/// An Ethereum block header (Yellow Paper §4.3; execution-specs `forks/<fork>/blocks.py` `Header`), with the
/// fields later forks appended: `baseFeePerGas` (EIP-1559, London), `withdrawalsRoot` (EIP-4895, Shanghai),
/// `blobGasUsed`/`excessBlobGas` (EIP-4844) and `parentBeaconBlockRoot` (EIP-4788, Cancun), `requestsHash`
/// (EIP-7685, Prague). An optional field is present iff every field before it is.
///
/// Hashes and roots are 32 bytes, `logsBloom` 256 bytes, `nonce` 8 bytes. `hash` is keccak256(rlp(header)).
public struct BlockHeader: Equatable, Sendable {
    public var parentHash: [UInt8]
    public var ommersHash: [UInt8]
    public var coinbase: Address
    public var stateRoot: [UInt8]
    public var transactionsRoot: [UInt8]
    public var receiptsRoot: [UInt8]
    public var logsBloom: [UInt8]
    public var difficulty: UInt256
    public var number: UInt64
    public var gasLimit: UInt64
    public var gasUsed: UInt64
    public var timestamp: UInt64
    public var extraData: [UInt8]
    /// mixHash before the Merge, prev_randao (EIP-4399) after.
    public var prevRandao: [UInt8]
    public var nonce: [UInt8]
    public var baseFeePerGas: UInt256?
    public var withdrawalsRoot: [UInt8]?
    public var blobGasUsed: UInt64?
    public var excessBlobGas: UInt64?
    public var parentBeaconBlockRoot: [UInt8]?
    public var requestsHash: [UInt8]?

    public init(parentHash: [UInt8], ommersHash: [UInt8], coinbase: Address, stateRoot: [UInt8],
                transactionsRoot: [UInt8], receiptsRoot: [UInt8], logsBloom: [UInt8], difficulty: UInt256,
                number: UInt64, gasLimit: UInt64, gasUsed: UInt64, timestamp: UInt64, extraData: [UInt8],
                prevRandao: [UInt8], nonce: [UInt8], baseFeePerGas: UInt256? = nil, withdrawalsRoot: [UInt8]? = nil,
                blobGasUsed: UInt64? = nil, excessBlobGas: UInt64? = nil, parentBeaconBlockRoot: [UInt8]? = nil,
                requestsHash: [UInt8]? = nil) {
        self.parentHash = parentHash
        self.ommersHash = ommersHash
        self.coinbase = coinbase
        self.stateRoot = stateRoot
        self.transactionsRoot = transactionsRoot
        self.receiptsRoot = receiptsRoot
        self.logsBloom = logsBloom
        self.difficulty = difficulty
        self.number = number
        self.gasLimit = gasLimit
        self.gasUsed = gasUsed
        self.timestamp = timestamp
        self.extraData = extraData
        self.prevRandao = prevRandao
        self.nonce = nonce
        self.baseFeePerGas = baseFeePerGas
        self.withdrawalsRoot = withdrawalsRoot
        self.blobGasUsed = blobGasUsed
        self.excessBlobGas = excessBlobGas
        self.parentBeaconBlockRoot = parentBeaconBlockRoot
        self.requestsHash = requestsHash
    }

    /// The number of RLP fields: 15 before London, up to 21 from Prague.
    public var fieldCount: Int {
        if requestsHash != nil { return 21 }
        if parentBeaconBlockRoot != nil { return 20 }
        if excessBlobGas != nil { return 19 }
        if blobGasUsed != nil { return 18 }
        if withdrawalsRoot != nil { return 17 }
        if baseFeePerGas != nil { return 16 }
        return 15
    }

    /// rlp(header).
    public func encode() -> [UInt8] {
        var p: [UInt8] = []
        p.reserveCapacity(640)
        RLP.encodeBytes(parentHash, into: &p)
        RLP.encodeBytes(ommersHash, into: &p)
        RLP.encodeBytes(coinbase.bytes, into: &p)
        RLP.encodeBytes(stateRoot, into: &p)
        RLP.encodeBytes(transactionsRoot, into: &p)
        RLP.encodeBytes(receiptsRoot, into: &p)
        RLP.encodeBytes(logsBloom, into: &p)
        RLP.encodeBytes(difficulty.minimalBigEndianBytes, into: &p)
        RLP.encodeUInt64(number, into: &p)
        RLP.encodeUInt64(gasLimit, into: &p)
        RLP.encodeUInt64(gasUsed, into: &p)
        RLP.encodeUInt64(timestamp, into: &p)
        RLP.encodeBytes(extraData, into: &p)
        RLP.encodeBytes(prevRandao, into: &p)
        RLP.encodeBytes(nonce, into: &p)
        let n = fieldCount
        if n > 15 { RLP.encodeBytes((baseFeePerGas ?? .zero).minimalBigEndianBytes, into: &p) }
        if n > 16 { RLP.encodeBytes(withdrawalsRoot ?? [], into: &p) }
        if n > 17 { RLP.encodeUInt64(blobGasUsed ?? 0, into: &p) }
        if n > 18 { RLP.encodeUInt64(excessBlobGas ?? 0, into: &p) }
        if n > 19 { RLP.encodeBytes(parentBeaconBlockRoot ?? [], into: &p) }
        if n > 20 { RLP.encodeBytes(requestsHash ?? [], into: &p) }
        var out: [UInt8] = []
        out.reserveCapacity(p.count + 3)
        RLP.encodeListHeader(payloadLength: p.count, into: &out)
        out.append(contentsOf: p)
        return out
    }

    /// The block hash: keccak256(rlp(header)).
    public func hash<H: KeccakHasher>(_ hasher: H) -> [UInt8] { hasher.keccak256(encode()) }

    /// Decodes a header from its RLP list item. Integers must be canonical; fixed-size fields must have their
    /// size (geth and execution-specs reject anything else while decoding).
    public static func decode(_ item: RLPItem) throws(BlockError) -> BlockHeader {
        guard case .list(let f) = item, f.count >= 15, f.count <= 21 else { throw .malformedHeader(.fieldCount) }
        var h = BlockHeader(
            parentHash: try fixed(f[0], 32, .parentHash), ommersHash: try fixed(f[1], 32, .ommersHash),
            coinbase: Address(bytes: try fixed(f[2], 20, .coinbase)), stateRoot: try fixed(f[3], 32, .stateRoot),
            transactionsRoot: try fixed(f[4], 32, .transactionsRoot), receiptsRoot: try fixed(f[5], 32, .receiptsRoot),
            logsBloom: try fixed(f[6], 256, .logsBloom), difficulty: try word(f[7], .difficulty),
            number: try u64(f[8], .number), gasLimit: try u64(f[9], .gasLimit), gasUsed: try u64(f[10], .gasUsed),
            timestamp: try u64(f[11], .timestamp), extraData: try bytes(f[12], .extraData),
            prevRandao: try fixed(f[13], 32, .prevRandao), nonce: try fixed(f[14], 8, .nonce))
        if f.count > 15 { h.baseFeePerGas = try word(f[15], .baseFeePerGas) }
        if f.count > 16 { h.withdrawalsRoot = try fixed(f[16], 32, .withdrawalsRoot) }
        if f.count > 17 { h.blobGasUsed = try u64(f[17], .blobGasUsed) }
        if f.count > 18 { h.excessBlobGas = try u64(f[18], .excessBlobGas) }
        if f.count > 19 { h.parentBeaconBlockRoot = try fixed(f[19], 32, .parentBeaconBlockRoot) }
        if f.count > 20 { h.requestsHash = try fixed(f[20], 32, .requestsHash) }
        return h
    }

    static func bytes(_ item: RLPItem, _ field: HeaderField) throws(BlockError) -> [UInt8] {
        guard case .bytes(let b) = item else { throw .malformedHeader(field) }
        return b
    }

    static func fixed(_ item: RLPItem, _ size: Int, _ field: HeaderField) throws(BlockError) -> [UInt8] {
        let b = try bytes(item, field)
        guard b.count == size else { throw .malformedHeader(field) }
        return b
    }

    static func word(_ item: RLPItem, _ field: HeaderField) throws(BlockError) -> UInt256 {
        let b = try bytes(item, field)
        guard b.count <= 32, b.first != 0 else { throw .malformedHeader(field) }
        return UInt256(bigEndian: b)
    }

    static func u64(_ item: RLPItem, _ field: HeaderField) throws(BlockError) -> UInt64 {
        let b = try bytes(item, field)
        guard let v = try? RLP.decodeUInt64(b) else { throw .malformedHeader(field) }
        return v
    }
}
