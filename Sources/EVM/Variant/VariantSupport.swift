import EVMPrimitives

/// What a variant's own transaction types and opcodes build on (docs/ROLLUP-EVM.md §2): the pieces of
/// execution-specs `process_transaction` that `transact` uses too — the pre-warmed accounts, the top-level
/// call or creation, the end-of-transaction clean-up — and the frame operations an opcode needs.
extension EVM {
    /// EIP-2929 / EIP-3651 pre-warming shared by every transaction type: the coinbase (from Shanghai), the
    /// sender, and the precompiles of the fork and of the variant.
    public func warmTransactionAccounts(sender: Address) {
        if spec.has(.eip3651) { _ = state.warmAccount(block.coinbase) }
        _ = state.warmAccount(sender)
        for p in Precompiles.addresses(fork) { _ = state.warmAccount(p) }
        for p in Variant.precompileAddresses(fork) { _ = state.warmAccount(p) }
    }

    /// Sets ORIGIN and GASPRICE and empties the logs and the refund counter for a new transaction.
    public func beginTransaction(origin: Address, gasPrice: UInt256) {
        self.origin = origin
        self.gasPrice = gasPrice
        blobHashes = []
        logs = []
        refund = 0
    }

    /// The top-level message of a transaction (execution-specs `process_message_call`): a call of `to`, or
    /// with `to == nil` the creation at the address of `caller` and `createNonce` (the nonce before the
    /// transaction's increment; a collision fails with all gas). `caller`'s nonce and fees are the caller's.
    public func topLevelMessage(caller: Address, to: Address?, value: UInt256, data: [UInt8], gas: Int64,
                                createNonce: UInt64) -> CallOutcome {
        if let to {
            _ = state.warmAccount(to)
            let msg = Message(caller: caller, target: to, codeAddress: to, value: value, input: data, gas: gas,
                              depth: 0, isStatic: false, transfersValue: true)
            let out = topLevelCall(msg)
            if state.existsAndIsEmpty(to) && out.success { state.markTouched(to) }
            return out
        }
        let address = createAddress(caller, nonce: createNonce)
        _ = state.warmAccount(address)
        if state.hasCodeOrNonceOrStorage(address) {
            return CallOutcome(success: false, gasLeft: 0, output: [], halt: .outOfGas)
        }
        let msg = Message(caller: caller, target: address, codeAddress: address, value: value, input: [],
                          gas: gas, depth: 0, isStatic: false, transfersValue: true)
        return processCreateMessage(msg, initcode: data)
    }

    /// The refund counter of the running transaction (EIP-3529 capped by the caller).
    public var refundCounter: Int64 { refund }

    /// Ends a transaction: on success the self-destructed and the touched empty accounts are destroyed
    /// (EIP-161, EIP-6780); the per-transaction sets are cleared. Returns the logs the receipt keeps.
    public func finishTransaction(success: Bool) -> [Log] {
        let kept = success ? logs : []
        if success {
            for a in state.selfDestructed { state.destroy(a) }
            var touched = state.touched
            if state.ripemdTouched { touched.insert(Address(low: 3)) }
            for a in touched where state.existsAndIsEmpty(a) { state.destroy(a) }
        }
        state.endTransaction()
        return kept
    }

    /// Runs the variant's precompile `index` for `msg`; failures consume all gas.
    func runVariantPrecompile(_ index: Int, _ msg: Message) -> CallOutcome {
        let r = Variant.runPrecompile(index, input: msg.input, gas: msg.gas, evm: self)
        if msg.gas < r.cost { return CallOutcome(success: false, gasLeft: 0, output: [], halt: .outOfGas) }
        guard let out = r.output else { return CallOutcome(success: false, gasLeft: 0, output: [], halt: .precompileFailed) }
        return CallOutcome(success: true, gasLeft: msg.gas - r.cost, output: out, halt: nil)
    }
}

/// The frame operations a variant's opcode uses (`ChainVariant.executeOpcode`).
extension Frame {
    /// Words on the stack.
    public var stackHeight: Int { sp }
    /// Gas left in the frame.
    public var gasLeft: Int64 { gas }
    /// The executing account (ADDRESS) and the caller (CALLER).
    public var address: Address { msg.target }
    public var caller: Address { msg.caller }

    /// Charges `cost` gas; out of gas halts the frame.
    public mutating func chargeGas(_ cost: Int64) throws(Halt) { try charge(cost) }

    /// Pushes `v` (stack overflow halts).
    public mutating func pushWord(_ v: UInt256) throws(Halt) {
        if sp >= 1024 { throw Halt.stackOverflow }
        push(v)
    }

    /// Pops the top word (stack underflow halts).
    public mutating func popWord() throws(Halt) -> UInt256 {
        if sp < 1 { throw Halt.stackUnderflow }
        return pop()
    }
}
