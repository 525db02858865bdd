import EVMPrimitives

/// What happened to one transaction of the batch (docs/EVMGUEST.md §5).
public enum TxStatus: UInt8, Sendable {
    /// Rejected (undecodable envelope, bad signature, or invalid under the fork's rules): not executed, no
    /// state change, no gas — as the state tests record an expected exception.
    case invalid = 0
    /// Executed and succeeded.
    case success = 1
    /// Executed and reverted or halted exceptionally (gas was charged).
    case failed = 2
}

/// The outcome of one transaction.
public struct TxOutcome: Equatable, Sendable {
    public var status: TxStatus
    /// Gas used after refunds (0 for an invalid transaction).
    public var gasUsed: UInt64

    public init(status: TxStatus, gasUsed: UInt64) {
        self.status = status
        self.gasUsed = gasUsed
    }
}

/// The result of a stateless execution: the post-state root (declared with POST_ROOT) and the public
/// output (COMMIT): logs hash, total gas used, per-transaction outcomes.
public struct StatelessResult: Equatable, Sendable {
    public var postStateRoot: [UInt8]
    /// keccak256(rlp(all logs of all transactions, in order)) (Yellow Paper §4.3.1, the state tests' "logs").
    public var logsHash: [UInt8]
    public var gasUsed: UInt64
    public var transactions: [TxOutcome]

    public init(postStateRoot: [UInt8], logsHash: [UInt8], gasUsed: UInt64, transactions: [TxOutcome]) {
        self.postStateRoot = postStateRoot
        self.logsHash = logsHash
        self.gasUsed = gasUsed
        self.transactions = transactions
    }

    /// The public output the guest commits (docs/EVMGUEST.md §5): logsHash (32) ‖ gasUsed (u64 LE) ‖
    /// count (u32 LE) ‖ per transaction: status (u8) ‖ gasUsed (u64 LE).
    public func publicOutput() -> [UInt8] {
        var out = logsHash
        out.reserveCapacity(44 + 9 * transactions.count)
        Self.appendLE(gasUsed, 8, &out)
        Self.appendLE(UInt64(transactions.count), 4, &out)
        for t in transactions {
            out.append(t.status.rawValue)
            Self.appendLE(t.gasUsed, 8, &out)
        }
        return out
    }

    /// Parses a public output (nil if malformed); the post root is not part of it and is left empty.
    public static func parsePublicOutput(_ b: [UInt8]) -> StatelessResult? {
        guard b.count >= 44 else { return nil }
        let n = Int(readLE(b, 40, 4))
        guard b.count == 44 + 9 * n else { return nil }
        var txs: [TxOutcome] = []
        for i in 0..<n {
            guard let s = TxStatus(rawValue: b[44 + 9 * i]) else { return nil }
            txs.append(TxOutcome(status: s, gasUsed: readLE(b, 45 + 9 * i, 8)))
        }
        return StatelessResult(postStateRoot: [], logsHash: Array(b[0..<32]), gasUsed: readLE(b, 32, 8), transactions: txs)
    }

    static func appendLE(_ v: UInt64, _ n: Int, _ out: inout [UInt8]) {
        for i in 0..<n { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }

    static func readLE(_ b: [UInt8], _ at: Int, _ n: Int) -> UInt64 {
        var v: UInt64 = 0
        for i in 0..<n { v |= UInt64(b[at + i]) << (8 * UInt64(i)) }
        return v
    }
}
