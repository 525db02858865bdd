import EVMPrimitives

/// The EVM host: executes messages against a `JournaledState` under the rules of one fork
/// (execution-specs `vm/interpreter.py`: `process_message_call`, `process_message`, `process_create_message`,
/// `execute_code`). Generic over the state backend, the crypto provider and the chain's rules (`ChainVariant`;
/// `L1Variant` for Ethereum), so it builds unchanged for the RISC-V guest (Embedded Swift: no existentials).
public final class EVM<Backend: StateBackend, Crypto: CryptoProvider, Variant: ChainVariant> {
    /// The mutable stored properties are not checked for exclusive access at run time (`@exclusivity(unchecked)`):
    /// the EVM runs one message at a time on one thread, and no access overlaps an inout borrow of the same
    /// property; the dynamic check would cost a runtime call on every SLOAD, SSTORE, LOG and call.
    @exclusivity(unchecked) public var state: JournaledState<Backend>
    public let crypto: Crypto
    public let fork: Fork
    /// The fork's rules (`fork.spec`), held here so that rule checks are a field read.
    public let spec: ForkSpec
    @exclusivity(unchecked) public var block: BlockEnv
    /// Transaction context (ORIGIN, GASPRICE, BLOBHASH).
    @exclusivity(unchecked) var origin: Address = .zero
    @exclusivity(unchecked) var gasPrice: UInt256 = .zero
    @exclusivity(unchecked) var blobHashes: [UInt256] = []
    @exclusivity(unchecked) public internal(set) var logs: [Log] = []
    /// The first block number BLOCKHASH asked for within the 256-block window whose hash `block.blockHashes`
    /// lacks (a chain or witness shorter than the window); BLOCKHASH answered 0 for it. nil: none.
    @exclusivity(unchecked) public internal(set) var missingBlockHash: UInt64? = nil
    @exclusivity(unchecked) var refund: Int64 = 0
    let table: UnsafeMutablePointer<InstructionEntry>
    @exclusivity(unchecked) var codeCache: [UInt256: AnalyzedCode] = [:]

    public convenience init(state: JournaledState<Backend>, crypto: Crypto, fork: Fork, block: BlockEnv, variant: Variant.Type) {
        self.init(state: state, crypto: crypto, spec: fork.spec, block: block, variant: variant)
    }

    /// An EVM under `spec`: a fork's rules, possibly with a chain's own blob schedule
    /// (`ForkSpec.withBlobSchedule`), extended by `variant`.
    public init(state: JournaledState<Backend>, crypto: Crypto, spec: ForkSpec, block: BlockEnv, variant: Variant.Type) {
        self.state = state
        self.crypto = crypto
        self.fork = spec.fork
        self.spec = spec
        self.block = block
        self.table = Variant.instructionTable(for: spec.fork)
    }

    // MARK: Code

    func analyzed(_ account: Account) -> AnalyzedCode {
        if let c = codeCache[account.codeHash] { return c }
        let c = AnalyzedCode(account.code)
        codeCache[account.codeHash] = c
        return c
    }

    func keccakWord(_ data: [UInt8]) -> UInt256 { UInt256(bigEndian: crypto.keccak256(data)) }

    // MARK: Messages

    struct Checkpoint {
        var journal: Int
        var logs: Int
        var refund: Int64
    }

    @inline(__always)
    func checkpoint() -> Checkpoint { Checkpoint(journal: state.snapshot, logs: logs.count, refund: refund) }

    func rollback(_ c: Checkpoint) {
        state.revert(to: c.journal)
        if logs.count > c.logs { logs.removeSubrange(c.logs...) }
        refund = c.refund
    }

    /// execution-specs `process_message`: touch the target, transfer value, run code; revert on failure.
    func processMessage(_ msg: Message, code: AnalyzedCode) -> CallOutcome {
        let cp = checkpoint()
        state.touchAccount(msg.target)
        if msg.transfersValue && !msg.value.isZero {
            state.subBalance(msg.caller, msg.value)
            state.addBalance(msg.target, msg.value)
        }
        let out = executeCode(msg, code: code)
        if !out.success { rollback(cp) }
        return out
    }

    /// execution-specs `execute_code`: a precompile or the interpreter.
    func executeCode(_ msg: Message, code: AnalyzedCode) -> CallOutcome {
        if let p = Precompiles.lookup(msg.codeAddress, fork: fork) {
            if msg.disablePrecompiles { return CallOutcome(success: true, gasLeft: msg.gas, output: [], halt: nil) }
            return runPrecompile(p, msg)
        }
        if let v = Variant.precompile(at: msg.codeAddress, fork: fork) {
            if msg.disablePrecompiles { return CallOutcome(success: true, gasLeft: msg.gas, output: [], halt: nil) }
            return runVariantPrecompile(v, msg)
        }
        if code.count == 0 { return CallOutcome(success: true, gasLeft: msg.gas, output: [], halt: nil) }
        return interpret(msg, code)
    }

    /// execution-specs `process_create_message`.
    func processCreateMessage(_ msg: Message, initcode: [UInt8]) -> CallOutcome {
        let cp = checkpoint()
        state.clearStorage(msg.target)
        state.markCreated(msg.target)
        state.incrementNonce(msg.target)
        var out = processMessage(msg, code: AnalyzedCode(initcode))
        if out.success {
            let code = out.output
            var failed: Halt? = nil
            let depositCost = Int64(code.count) &* Int64(Gas.codeDeposit)
            if spec.has(.eip3541) && !code.isEmpty && code[0] == 0xef {
                failed = .invalidContractPrefix
            } else if out.gasLeft < depositCost || code.count > Gas.maxCodeSize {
                failed = .outOfGas
            }
            if let h = failed {
                rollback(cp)
                return CallOutcome(success: false, gasLeft: 0, output: [], halt: h)
            }
            out.gasLeft -= depositCost
            state.setCode(msg.target, code, hash: keccakWord(code))
            out.output = []
        } else {
            rollback(cp)
        }
        return out
    }

    /// The contract address of CREATE: keccak256(rlp([sender, nonce]))[12:].
    func createAddress(_ sender: Address, nonce: UInt64) -> Address {
        var payload: [UInt8] = []
        RLP.encodeBytes(sender.bytes, into: &payload)
        RLP.encodeUInt64(nonce, into: &payload)
        var enc: [UInt8] = []
        RLP.encodeListHeader(payloadLength: payload.count, into: &enc)
        enc.append(contentsOf: payload)
        return Address(bytes: crypto.keccak256(enc))
    }

    /// The contract address of CREATE2 (EIP-1014): keccak256(0xff ‖ sender ‖ salt ‖ keccak256(initcode))[12:].
    func create2Address(_ sender: Address, salt: UInt256, initcode: [UInt8]) -> Address {
        var buf: [UInt8] = [0xff]
        buf.append(contentsOf: sender.bytes)
        buf.append(contentsOf: salt.bigEndianBytes)
        buf.append(contentsOf: crypto.keccak256(initcode))
        return Address(bytes: crypto.keccak256(buf))
    }

    /// After a successful child: an empty target becomes touched (execution-specs `incorporate_child_on_success`).
    func childSucceeded(_ target: Address) {
        if state.existsAndIsEmpty(target) { state.markTouched(target) }
    }

    /// After a failed child: the RIPEMD-160 quirk (execution-specs `incorporate_child_on_error`).
    func childFailed(_ target: Address) {
        if target == Address(low: 3) && state.existsAndIsEmpty(target) { state.ripemdTouched = true }
    }
}

extension EVM where Variant == L1Variant {
    /// The L1 EVM of `fork`.
    public convenience init(state: JournaledState<Backend>, crypto: Crypto, fork: Fork, block: BlockEnv) {
        self.init(state: state, crypto: crypto, spec: fork.spec, block: block, variant: L1Variant.self)
    }

    /// The L1 EVM under `spec`.
    public convenience init(state: JournaledState<Backend>, crypto: Crypto, spec: ForkSpec, block: BlockEnv) {
        self.init(state: state, crypto: crypto, spec: spec, block: block, variant: L1Variant.self)
    }
}
