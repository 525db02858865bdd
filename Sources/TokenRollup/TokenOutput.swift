import EVMPrimitives

/// The STF's public output (docs/ROLLUP.md §7): one 52-byte record per withdrawal (address 20 ‖ amount 32),
/// in batch order, then an 80-byte summary.
public struct TokenOutput: Equatable, Sendable {
    public static let withdrawalSize = 52
    public static let summarySize = 80

    /// (sender, amount) of every withdrawal, in batch order.
    public var withdrawals: [(address: TokenAddress, amount: TokenAmount)]
    /// The L1_ANCHOR section (32 zero bytes when absent).
    public var l1Anchor: [UInt8]
    /// Deposits applied, transfers applied (withdrawals excluded), transfers skipped as invalid.
    public var deposits: UInt32, transfers: UInt32, skipped: UInt32
    /// keccak256 of the BATCH section.
    public var batchHash: [UInt8]

    public init(withdrawals: [(address: TokenAddress, amount: TokenAmount)], l1Anchor: [UInt8], deposits: UInt32,
                transfers: UInt32, skipped: UInt32, batchHash: [UInt8]) {
        self.withdrawals = withdrawals; self.l1Anchor = l1Anchor; self.deposits = deposits
        self.transfers = transfers; self.skipped = skipped; self.batchHash = batchHash
    }

    /// The exact bytes the STF commits.
    public func encode() -> [UInt8] {
        var out: [UInt8] = []
        for w in withdrawals { out += w.address.bytes + w.amount.bytes }
        out += l1Anchor
        for c in [deposits, transfers, skipped, UInt32(withdrawals.count)] { appendLE(&out, UInt64(c), bytes: 4) }
        out += batchHash
        return out
    }

    /// Parses committed output; nil if it is not a whole number of withdrawals plus a consistent summary.
    public init?(decoding b: [UInt8]) {
        guard b.count >= TokenOutput.summarySize,
              (b.count - TokenOutput.summarySize) % TokenOutput.withdrawalSize == 0 else { return nil }
        let n = (b.count - TokenOutput.summarySize) / TokenOutput.withdrawalSize
        let s = n * TokenOutput.withdrawalSize
        guard loadLE(b, s + 44, bytes: 4) == UInt64(n) else { return nil }
        withdrawals = (0..<n).map { i in
            let at = i * TokenOutput.withdrawalSize
            return (TokenAddress(uncheckedBytes: Array(b[at..<at + 20])), TokenAmount(bigEndian: b[at + 20..<at + 52])!)
        }
        l1Anchor = Array(b[s..<s + 32])
        deposits = UInt32(loadLE(b, s + 32, bytes: 4))
        transfers = UInt32(loadLE(b, s + 36, bytes: 4))
        skipped = UInt32(loadLE(b, s + 40, bytes: 4))
        batchHash = Array(b[s + 48..<s + 80])
    }

    public static func == (a: TokenOutput, b: TokenOutput) -> Bool { a.encode() == b.encode() }
}

/// The CONFIG section of the token rollup (docs/ROLLUP.md §4): the chain id as u64 little-endian (8 bytes).
public struct TokenConfig: Equatable, Sendable {
    public var chainId: UInt64
    public init(chainId: UInt64) { self.chainId = chainId }

    public func encode() -> [UInt8] {
        var out: [UInt8] = []
        appendLE(&out, chainId, bytes: 8)
        return out
    }
}
