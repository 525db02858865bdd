import EVMPrimitives

/// System calls made by the block driver outside any transaction (EIP-4788 §"Block processing", execution-specs
/// Cancun/Prague `process_system_transaction`): a message from `SYSTEM_ADDRESS` to a system contract, with
/// `SYSTEM_TRANSACTION_GAS` gas, no value, no nonce increment, no fee and no gas counted against the block.
public enum SystemCall {
    /// SYSTEM_ADDRESS of EIP-4788: 0xfffffffffffffffffffffffffffffffffffffffe.
    public static let systemAddress = Address(bytes: [UInt8](repeating: 0xff, count: 19) + [0xfe])
    /// SYSTEM_TRANSACTION_GAS: 30,000,000.
    public static let gas: Int64 = 30_000_000
}

/// The outcome of a system call: whether it ran (the target has code), and whether it succeeded.
public struct SystemCallResult: Equatable, Sendable {
    public var ran: Bool
    public var success: Bool
    public var gasUsed: Int64
    /// The call's return data (the request data of EIP-7002 and EIP-7251 dequeue calls).
    public var output: [UInt8]
    public init(ran: Bool, success: Bool, gasUsed: Int64, output: [UInt8] = []) {
        self.ran = ran
        self.success = success
        self.gasUsed = gasUsed
        self.output = output
    }
}

extension EVM {
    /// Calls `target` from `SystemCall.systemAddress` with `data` (EIP-4788 rules). Skipped (state untouched)
    /// when `target` has no code — the EIP's "fail silently". Its logs are dropped, its refund ignored; touched
    /// empty accounts are destroyed as after a transaction (execution-specs `destroy_touched_empty_accounts`).
    /// The access sets start empty (execution-specs: `accessed_addresses=set()`), ORIGIN is the system
    /// address and GASPRICE the base fee.
    public func systemCall(to target: Address, data: [UInt8]) -> SystemCallResult {
        let code = state.account(target)
        if code.code.isEmpty {
            state.endTransaction()
            return SystemCallResult(ran: false, success: false, gasUsed: 0)
        }
        origin = SystemCall.systemAddress
        gasPrice = block.baseFee
        blobHashes = []
        logs = []
        refund = 0
        let msg = Message(caller: SystemCall.systemAddress, target: target, codeAddress: target, value: .zero,
                          input: data, gas: SystemCall.gas, depth: 0, isStatic: false, transfersValue: false)
        let out = processMessage(msg, code: analyzed(code))
        if out.success {
            var touched = state.touched
            if state.ripemdTouched { touched.insert(Address(low: 3)) }
            for a in touched where state.existsAndIsEmpty(a) { state.destroy(a) }
        }
        logs = []
        refund = 0
        state.endTransaction()
        return SystemCallResult(ran: true, success: out.success, gasUsed: SystemCall.gas - out.gasLeft,
                                output: out.output)
    }
}
