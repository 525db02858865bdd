import EVM
import EVMPrimitives

extension OPStack {
    /// Applies a deposit (deposits.md §Execution, from Regolith): `mint` is credited to `from` first and kept
    /// whatever happens; then the deposit runs like an EIP-1559 transaction without fee, nonce, access-list
    /// or EOA checks, at gas price 0 (no refund in ETH, no priority fee, no base fee, no L1 fee), and gas
    /// used is the metered gas after refunds. A failure outside the EVM — intrinsic gas above the gas
    /// limit, `from`'s balance below `value`, a nonce at 2^64−1, an EIP-3860 oversized initcode, or
    /// `isSystemTx` (disabled from Regolith) — rolls back to just after the mint, bumps `from`'s nonce and
    /// uses the whole gas limit (op-geth `TransitionDb`). Never throws: every deposit is included.
    /// Records `depositNonce`, the nonce of `from` before the transaction, in `tx`.
    public static func applyDeposit<B: StateBackend, C: CryptoProvider>(
        _ tx: inout DepositTransaction, evm: EVM<B, C, OPStack>) -> TransactionResult {
        let from = tx.from
        let nonce = evm.state.account(from).nonce
        tx.depositNonce = nonce
        if !tx.mint.isZero { evm.state.addBalance(from, tx.mint) }
        let gasLimit = Int64(clamping: tx.gas)
        let asL1 = Transaction(type: 2, nonce: nonce, gasLimit: UInt256(tx.gas), to: tx.to, value: tx.value, data: tx.data,
                               sender: from)
        let intrinsic = asL1.intrinsicGas(fork: evm.fork)
        let floor = asL1.calldataFloorGas(fork: evm.fork)
        let fails = tx.isSystemTx || max(intrinsic, floor) > gasLimit || nonce == UInt64.max
            || (evm.spec.has(.eip3860) && tx.to == nil && tx.data.count > Gas.maxInitCodeSize)
            || evm.state.account(from).balance < tx.value
        if fails {
            evm.state.incrementNonce(from)
            _ = evm.finishTransaction(success: false)
            return TransactionResult(gasUsed: gasLimit, success: false, output: [], logs: [], halt: nil)
        }
        evm.beginTransaction(origin: from, gasPrice: .zero)
        evm.state.incrementNonce(from)
        evm.warmTransactionAccounts(sender: from)
        let out = evm.topLevelMessage(caller: from, to: tx.to, value: tx.value, data: tx.data, gas: gasLimit - intrinsic,
                                      createNonce: nonce)
        let usedBeforeRefund = gasLimit - out.gasLeft
        let refundCounter = out.success ? max(evm.refundCounter, 0) : 0
        let refund = min(usedBeforeRefund / Int64(evm.spec.maxRefundQuotient), refundCounter)
        let logs = evm.finishTransaction(success: out.success)
        return TransactionResult(gasUsed: max(usedBeforeRefund - refund, floor), success: out.success, output: out.output,
                                 logs: logs, halt: out.halt)
    }
}
