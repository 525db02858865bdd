import EVMPrimitives

/// A validator withdrawal (EIP-4895): `rlp([index, validatorIndex, address, amount])`, amount in Gwei.
public struct Withdrawal: Equatable, Sendable {
    public var index: UInt64
    public var validatorIndex: UInt64
    public var address: Address
    public var amount: UInt64

    public init(index: UInt64, validatorIndex: UInt64, address: Address, amount: UInt64) {
        self.index = index
        self.validatorIndex = validatorIndex
        self.address = address
        self.amount = amount
    }

    /// rlp(withdrawal), the value of the withdrawals trie.
    public func encode() -> [UInt8] {
        var p: [UInt8] = []
        RLP.encodeUInt64(index, into: &p)
        RLP.encodeUInt64(validatorIndex, into: &p)
        RLP.encodeBytes(address.bytes, into: &p)
        RLP.encodeUInt64(amount, into: &p)
        var out: [UInt8] = []
        RLP.encodeListHeader(payloadLength: p.count, into: &out)
        out.append(contentsOf: p)
        return out
    }

    static func decode(_ item: RLPItem) throws(BlockError) -> Withdrawal {
        guard case .list(let f) = item, f.count == 4, case .bytes(let a) = f[2], a.count == 20 else {
            throw .malformedBlock(.withdrawals)
        }
        return Withdrawal(index: try u64(f[0]), validatorIndex: try u64(f[1]), address: Address(bytes: a), amount: try u64(f[3]))
    }

    static func u64(_ item: RLPItem) throws(BlockError) -> UInt64 {
        guard case .bytes(let b) = item, let v = try? RLP.decodeUInt64(b) else { throw .malformedBlock(.withdrawals) }
        return v
    }
}

/// A block (Yellow Paper §4.3; execution-specs `Block`): `rlp([header, transactions, ommers])`, plus
/// `withdrawals` from Shanghai (EIP-4895). Transactions are kept as their EIP-2718 encodings (the value of the
/// transactions trie): a legacy transaction is its RLP list, a typed one `type ‖ payload`.
public struct Block: Equatable, Sendable {
    public var header: BlockHeader
    public var transactions: [[UInt8]]
    /// The ommer headers (must be empty after the Merge).
    public var ommers: [BlockHeader]
    public var withdrawals: [Withdrawal]?

    public init(header: BlockHeader, transactions: [[UInt8]], ommers: [BlockHeader] = [], withdrawals: [Withdrawal]? = nil) {
        self.header = header
        self.transactions = transactions
        self.ommers = ommers
        self.withdrawals = withdrawals
    }

    /// Decodes a block's RLP. In the block body a legacy transaction is an RLP list and a typed transaction an
    /// RLP byte string holding `type ‖ payload` whose first byte is below 0x80 (EIP-2718).
    public static func decode(_ bytes: [UInt8]) throws(BlockError) -> Block {
        let item: RLPItem
        do { item = try RLP.decode(bytes) } catch { throw .malformedBlock(.rlp) }
        guard case .list(let parts) = item, parts.count == 3 || parts.count == 4 else { throw .malformedBlock(.rlp) }
        let header = try BlockHeader.decode(parts[0])
        guard case .list(let txItems) = parts[1] else { throw .malformedBlock(.transactions) }
        var txs: [[UInt8]] = []
        txs.reserveCapacity(txItems.count)
        for t in txItems {
            switch t {
            case .list:
                txs.append(t.encode())
            case .bytes(let b):
                guard let first = b.first, first < 0x80 else { throw .malformedBlock(.transactions) }
                txs.append(b)
            }
        }
        guard case .list(let ommerItems) = parts[2] else { throw .malformedBlock(.ommers) }
        var ommers: [BlockHeader] = []
        for o in ommerItems { ommers.append(try BlockHeader.decode(o)) }
        var withdrawals: [Withdrawal]? = nil
        if parts.count == 4 {
            guard case .list(let ws) = parts[3] else { throw .malformedBlock(.withdrawals) }
            var list: [Withdrawal] = []
            list.reserveCapacity(ws.count)
            for w in ws { list.append(try Withdrawal.decode(w)) }
            withdrawals = list
        }
        return Block(header: header, transactions: txs, ommers: ommers, withdrawals: withdrawals)
    }

    /// rlp(block).
    public func encode() -> [UInt8] {
        var p = header.encode()
        var txs: [UInt8] = []
        for t in transactions {
            if let first = t.first, first >= 0xc0 { txs.append(contentsOf: t) } else { RLP.encodeBytes(t, into: &txs) }
        }
        RLP.encodeListHeader(payloadLength: txs.count, into: &p)
        p.append(contentsOf: txs)
        var ommerBytes: [UInt8] = []
        for o in ommers { ommerBytes.append(contentsOf: o.encode()) }
        RLP.encodeListHeader(payloadLength: ommerBytes.count, into: &p)
        p.append(contentsOf: ommerBytes)
        if let withdrawals {
            var ws: [UInt8] = []
            for w in withdrawals { ws.append(contentsOf: w.encode()) }
            RLP.encodeListHeader(payloadLength: ws.count, into: &p)
            p.append(contentsOf: ws)
        }
        var out: [UInt8] = []
        RLP.encodeListHeader(payloadLength: p.count, into: &out)
        out.append(contentsOf: p)
        return out
    }
}
