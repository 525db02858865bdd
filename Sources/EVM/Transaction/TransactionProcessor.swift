import EVMPrimitives

/// Transaction validation and execution (execution-specs `fork.py`: `check_transaction`,
/// `validate_transaction`, `process_transaction`, `process_message_call`; Prague: EIP-7702 set-code
/// transactions, EIP-7623 calldata floor; Osaka: EIP-7825 gas limit cap, EIP-7594 blobs per transaction).
extension EVM {
    /// Validates and applies `tx`. An invalid transaction throws and leaves the state unchanged. `envelope`, the
    /// transaction's EIP-2718 encoding, is what a variant's data fee is computed from (`ChainVariant.dataFee`).
    public func transact(_ tx: Transaction, envelope: [UInt8] = []) throws(TransactionError) -> TransactionResult {
        let sender = tx.sender
        // Static validity.
        if !spec.supportsTransactionType(tx.type) { throw .typeNotSupported }
        if let c = tx.chainId, c != block.chainId { throw .wrongChainId }
        guard let gasLimit64 = tx.gasLimit.uint64, gasLimit64 <= block.gasLimit, gasLimit64 <= UInt64(Int64.max) else {
            throw .gasLimitAboveBlockGasLimit
        }
        if let cap = spec.transactionGasLimitCap, gasLimit64 > cap { throw .gasLimitAboveCap }
        let gasLimit = Int64(gasLimit64)
        let intrinsic = tx.intrinsicGas(fork: fork)
        let floor = tx.calldataFloorGas(fork: fork)
        if max(intrinsic, floor) > gasLimit { throw .intrinsicGasTooLow }
        if tx.nonce == UInt64.max { throw .nonceMaxValue }
        if spec.has(.eip3860) && tx.to == nil && tx.data.count > Gas.maxInitCodeSize { throw .initcodeTooLarge }
        // Fees.
        let baseFee = spec.has(.eip1559) ? block.baseFee : UInt256.zero
        let effectiveGasPrice: UInt256
        var maxGasFee: UInt256
        let gl = UInt256(gasLimit64)
        if tx.type >= 2 {
            if tx.maxFeePerGas < tx.maxPriorityFeePerGas { throw .priorityFeeAboveMaxFee }
            if tx.maxFeePerGas < baseFee { throw .maxFeeBelowBaseFee }
            let priority = min(tx.maxPriorityFeePerGas, tx.maxFeePerGas &- baseFee)
            effectiveGasPrice = priority &+ baseFee
            maxGasFee = try mulChecked(gl, tx.maxFeePerGas)
        } else {
            if tx.gasPrice < baseFee { throw .gasPriceBelowBaseFee }
            effectiveGasPrice = tx.gasPrice
            maxGasFee = try mulChecked(gl, tx.gasPrice)
        }
        var blobFee = UInt256.zero
        if tx.type == 3 {
            if tx.to == nil { throw .blobTxWithoutTarget }
            if tx.blobVersionedHashes.isEmpty { throw .blobTxWithoutBlobs }
            for h in tx.blobVersionedHashes where (h.w3 >> 56) != 0x01 { throw .invalidBlobVersionedHash }
            if spec.has(.eip7594) && tx.blobVersionedHashes.count > spec.blob.maxPerTransaction {
                throw .tooManyBlobsInTransaction
            }
            if tx.blobGas > spec.blob.maxBlobGasPerBlock { throw .tooManyBlobs }
            let blobPrice = BlobGas.price(excessBlobGas: block.excessBlobGas, spec.blob)
            if tx.maxFeePerBlobGas < blobPrice { throw .blobFeeTooLow }
            let blobGas = UInt256(UInt64(tx.blobGas))
            maxGasFee = try addChecked(maxGasFee, mulChecked(blobGas, tx.maxFeePerBlobGas))
            blobFee = try mulChecked(blobGas, blobPrice)
        }
        if tx.type == 4 {
            if tx.to == nil { throw .setCodeTxWithoutTarget }
            if tx.authorizationList.isEmpty { throw .emptyAuthorizationList }
        }
        let dataFee = Variant.dataFee(envelope: envelope, evm: self)
        let senderAccount = state.account(sender)
        if senderAccount.nonce != tx.nonce { throw .nonceMismatch }
        let (withValue, overflow) = maxGasFee.addingReportingOverflow(tx.value)
        let (needed, feeOverflow) = withValue.addingReportingOverflow(dataFee)
        if overflow || feeOverflow || senderAccount.balance < needed { throw .insufficientFunds }
        if !senderAccount.code.isEmpty && !(spec.has(.eip7702) && DelegationDesignator.isDesignator(senderAccount.code)) {
            throw .senderNotEOA
        }

        // Execution.
        origin = sender
        gasPrice = effectiveGasPrice
        blobHashes = tx.blobVersionedHashes
        logs = []
        refund = 0
        let gasFee = gl &* effectiveGasPrice
        state.incrementNonce(sender)
        state.setBalance(sender, senderAccount.balance &- gasFee &- blobFee &- dataFee)
        // Access list pre-warming (EIP-2929/2930, EIP-3651).
        for e in tx.accessList {
            _ = state.warmAccount(e.address)
            for k in e.storageKeys { _ = state.warmSlot(e.address, k) }
        }
        warmTransactionAccounts(sender: sender)
        var authorizationRefund: Int64 = 0
        if let to = tx.to, !tx.authorizationList.isEmpty {
            _ = state.warmAccount(to)
            authorizationRefund = setDelegation(tx.authorizationList)
        }
        let out = topLevelMessage(caller: sender, to: tx.to, value: tx.value, data: tx.data, gas: gasLimit - intrinsic,
                                  createNonce: tx.nonce)
        // Refunds and fees.
        let gasUsedBeforeRefund = gasLimit - out.gasLeft
        let refundCounter = authorizationRefund + (out.success ? max(refund, 0) : 0)
        let refundAmount = min(gasUsedBeforeRefund / Int64(spec.maxRefundQuotient), refundCounter)
        // EIP-7623: a transaction pays at least the calldata floor.
        let gasLeft = gasLimit - max(gasUsedBeforeRefund - refundAmount, floor)
        state.addBalance(sender, UInt256(UInt64(gasLeft)) &* effectiveGasPrice)
        let priorityFee = effectiveGasPrice &- baseFee
        let fee = UInt256(UInt64(gasLimit - gasLeft)) &* priorityFee
        let coinbaseBalance = state.account(block.coinbase).balance &+ fee
        if !coinbaseBalance.isZero {
            state.setBalance(block.coinbase, coinbaseBalance)
        } else if state.existsAndIsEmpty(block.coinbase) {
            state.destroy(block.coinbase)
        }
        Variant.routeFees(baseFee: UInt256(UInt64(gasLimit - gasLeft)) &* baseFee, dataFee: dataFee, evm: self)
        let txLogs = finishTransaction(success: out.success)
        return TransactionResult(gasUsed: gasLimit - gasLeft, success: out.success, output: out.output, logs: txLogs,
                                 halt: out.halt)
    }

    func mulChecked(_ a: UInt256, _ b: UInt256) throws(TransactionError) -> UInt256 {
        let p = UInt256.fullMultiply(a, b)
        if (p[4] | p[5] | p[6] | p[7]) != 0 { throw .insufficientFunds }
        return UInt256(w0: p[0], w1: p[1], w2: p[2], w3: p[3])
    }

    func addChecked(_ a: UInt256, _ b: UInt256) throws(TransactionError) -> UInt256 {
        let (s, o) = a.addingReportingOverflow(b)
        if o { throw .insufficientFunds }
        return s
    }
}
