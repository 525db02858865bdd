import EVMPrimitives

/// Applying a set-code transaction's authorizations (EIP-7702 §"Behavior"; execution-specs
/// `forks/prague/vm/eoa_delegation.py` `set_delegation`, `process_message_call`).
extension EVM {
    /// Processes `list` in order: an authorization that fails a rule is skipped; a valid one writes the
    /// designator (or clears the code for the zero address) and increments the authority's nonce. Returns the
    /// refund PER_EMPTY_ACCOUNT_COST − PER_AUTH_BASE_COST for each authority that already existed.
    func setDelegation(_ list: [Authorization]) -> Int64 {
        var refund: Int64 = 0
        for auth in list {
            if !auth.chainId.isZero && auth.chainId != block.chainId { continue }
            guard let nonce = auth.nonce.uint64, nonce < UInt64.max else { continue }
            guard let authority = auth.authority(crypto) else { continue }
            _ = state.warmAccount(authority)
            let account = state.account(authority)
            if !account.code.isEmpty && !DelegationDesignator.isDesignator(account.code) { continue }
            if account.nonce != nonce { continue }
            if state.exists(authority) { refund += Int64(Gas.perEmptyAccountCost - Gas.perAuthBaseCost) }
            let code = auth.address == .zero ? [] : DelegationDesignator.code(delegatingTo: auth.address)
            state.setCode(authority, code, hash: UInt256(bigEndian: crypto.keccak256(code)))
            state.incrementNonce(authority)
        }
        return refund
    }

    /// The message to the transaction's target `to`: when `to` holds a delegation designator, the delegate is
    /// warmed and its code runs with precompiles disabled (execution-specs `process_message_call`).
    func topLevelCall(_ msg: Message) -> CallOutcome {
        var m = msg
        var account = state.account(msg.target)
        if spec.has(.eip7702), let d = DelegationDesignator.target(account.code) {
            _ = state.warmAccount(d)
            account = state.account(d)
            m.codeAddress = d
            m.disablePrecompiles = true
        }
        return processMessage(m, code: analyzed(account))
    }
}
