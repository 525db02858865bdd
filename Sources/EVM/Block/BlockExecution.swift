import EVMPrimitives

/// What happened to one transaction of a block (execution-specs `process_transaction` and the receipt of
/// Yellow Paper §4.3.1: status, cumulative gas, logs).
public struct BlockReceipt: Equatable, Sendable {
    public enum Status: Equatable, Sendable {
        /// Executed; the top frame succeeded.
        case success
        /// Executed; the top frame reverted or halted. Fees were paid.
        case failure
        /// Not executed: the transaction was invalid (including a gas limit above the gas left in the
        /// block). The state is unchanged and no gas is counted.
        case invalid(TransactionError)
    }
    public var status: Status
    public var gasUsed: Int64
    public var cumulativeGasUsed: Int64
    public var logs: [Log]

    public init(status: Status, gasUsed: Int64, cumulativeGasUsed: Int64, logs: [Log]) {
        self.status = status
        self.gasUsed = gasUsed
        self.cumulativeGasUsed = cumulativeGasUsed
        self.logs = logs
    }

    /// The one-byte status code of the EVM guests' public output (docs/EVMGUEST.md §5): 0 invalid,
    /// 1 success, 2 reverted or halted.
    public var statusCode: UInt8 {
        switch status {
        case .invalid: return 0
        case .success: return 1
        case .failure: return 2
        }
    }
}

/// A block-level batch on one `EVM` (execution-specs `apply_body`): the L1-anchor system call first, then
/// the transactions in order under one block environment, each checked against the gas left in the block
/// (`check_transaction`: `tx.gas > gas_available` is invalid). Fees go to the coinbase inside `transact`.
///
/// Invalid transactions are recorded and skipped (the state-test convention the StatelessExecutor uses);
/// they do not consume block gas.
public struct BlockExecution<Backend: StateBackend, Crypto: CryptoProvider> {
    public let evm: EVM<Backend, Crypto, L1Variant>
    public private(set) var receipts: [BlockReceipt] = []
    public private(set) var gasUsed: Int64 = 0
    public private(set) var anchorCall: SystemCallResult = SystemCallResult(ran: false, success: false, gasUsed: 0)

    /// Starts the block: runs the anchor system call when `anchor` is 32 bytes.
    public init(evm: EVM<Backend, Crypto, L1Variant>, anchor: [UInt8]?) {
        self.evm = evm
        anchorCall = evm.applyL1Anchor(anchor)
    }

    /// The gas still available to transactions of this block.
    public var gasAvailable: Int64 { Int64(clamping: evm.block.gasLimit) - gasUsed }

    /// Applies one decoded transaction.
    @discardableResult
    public mutating func apply(_ tx: Transaction) -> BlockReceipt {
        if let g = tx.gasLimit.uint64, g <= UInt64(Int64.max), Int64(g) > gasAvailable {
            return recordInvalid(.gasLimitAboveBlockGasLimit)
        }
        do {
            let r = try evm.transact(tx)
            gasUsed += r.gasUsed
            let receipt = BlockReceipt(status: r.success ? .success : .failure, gasUsed: r.gasUsed,
                                       cumulativeGasUsed: gasUsed, logs: r.logs)
            receipts.append(receipt)
            return receipt
        } catch {
            return recordInvalid(error)
        }
    }

    /// Records a transaction that could not be applied (undecodable, bad signature, invalid).
    @discardableResult
    public mutating func recordInvalid(_ error: TransactionError) -> BlockReceipt {
        let receipt = BlockReceipt(status: .invalid(error), gasUsed: 0, cumulativeGasUsed: gasUsed, logs: [])
        receipts.append(receipt)
        return receipt
    }

    /// All logs of the block, in order.
    public var logs: [Log] {
        var all: [Log] = []
        for r in receipts { all.append(contentsOf: r.logs) }
        return all
    }
}
