import EVM
import EVMPrimitives
import MerklePatriciaTrie

/// Stateless execution of a batch (docs/EVMGUEST.md): the transactions run one after another on the shared
/// EVM core (execution-specs `apply_body`/`process_transaction`, as the state-test runner does: an invalid
/// transaction is recorded, not fatal) over a `WitnessBackend`; then the writes go into the partial tries and
/// the post-state root is computed. The same code runs natively (tests, prover) and in the RISC-V guest.
public enum StatelessExecutor {
    /// Runs `transactions` (signed envelopes) from the state committed to by `preStateRoot`, served by `witness`.
    public static func execute<C: CryptoProvider>(
        preStateRoot: [UInt8], blockEnv: StatelessBlockEnv, transactions: [[UInt8]], witness: ExecutionWitness, crypto: C,
        anchor: [UInt8]? = nil
    ) throws(StatelessError) -> StatelessResult {
        try execute(preStateRoot: preStateRoot, blockEnv: blockEnv, transactions: transactions, witness: witness,
                    crypto: crypto, anchor: anchor, variant: L1Variant.self)
    }

    /// The same under a chain's rules (`ChainVariant`): its transaction types, fees, precompiles and opcodes.
    public static func execute<C: CryptoProvider, V: ChainVariant>(
        preStateRoot: [UInt8], blockEnv: StatelessBlockEnv, transactions: [[UInt8]], witness: ExecutionWitness, crypto: C,
        anchor: [UInt8]? = nil, variant: V.Type
    ) throws(StatelessError) -> StatelessResult {
        let backend = try WitnessBackend(preStateRoot: preStateRoot, witness: witness, hasher: crypto)
        return try execute(backend: backend, blockEnv: blockEnv, transactions: transactions, crypto: crypto, anchor: anchor,
                           variant: variant)
    }

    /// Runs `transactions` over an existing backend (the prover passes one in prover mode).
    public static func execute<C: CryptoProvider>(
        backend: WitnessBackend<C>, blockEnv: StatelessBlockEnv, transactions: [[UInt8]], crypto: C,
        anchor: [UInt8]? = nil
    ) throws(StatelessError) -> StatelessResult {
        try execute(backend: backend, blockEnv: blockEnv, transactions: transactions, crypto: crypto, anchor: anchor,
                    variant: L1Variant.self)
    }

    /// Runs `transactions` over an existing backend under `variant`'s rules.
    public static func execute<C: CryptoProvider, V: ChainVariant>(
        backend: WitnessBackend<C>, blockEnv: StatelessBlockEnv, transactions: [[UInt8]], crypto: C,
        anchor: [UInt8]? = nil, variant: V.Type
    ) throws(StatelessError) -> StatelessResult {
        let evm = EVM(state: JournaledState(backend: backend), crypto: crypto, fork: blockEnv.fork, block: blockEnv.env,
                      variant: variant)
        // EIP-8079 anchoring: the L1_ANCHOR system call before the transactions (docs/EVMBLOCKS.md §1).
        evm.applyL1Anchor(anchor)
        V.beginBlock(evm: evm)
        if let f = backend.failure { throw f }
        var outcomes: [TxOutcome] = []
        outcomes.reserveCapacity(transactions.count)
        var logs: [Log] = []
        var cumulativeGas: UInt64 = 0
        for raw in transactions {
            let outcome = runOne(raw, evm: evm, cumulativeGas: cumulativeGas, logs: &logs)
            if let f = backend.failure { throw f }
            cumulativeGas &+= outcome.gasUsed
            outcomes.append(outcome)
        }
        guard let root = backend.applyWrites(evm.state) else {
            throw backend.failure ?? .witnessInvalid(hash: [])
        }
        return StatelessResult(postStateRoot: root, logsHash: LogsHash.compute(logs, crypto), gasUsed: cumulativeGas,
                               transactions: outcomes)
    }

    /// Decodes and applies one transaction; a transaction whose gas limit exceeds the block's remaining gas
    /// is invalid (execution-specs `apply_body`). An envelope of one of the variant's own types goes to
    /// `ChainVariant.decodeExtra` / `applyExtra`. Public for a variant's native twin, which runs the same step
    /// over its full state.
    public static func runOne<B: StateBackend, C: CryptoProvider, V: ChainVariant>(
        _ raw: [UInt8], evm: EVM<B, C, V>, cumulativeGas: UInt64, logs: inout [Log]
    ) -> TxOutcome {
        let remaining = evm.block.gasLimit >= cumulativeGas ? evm.block.gasLimit - cumulativeGas : 0
        if let type = raw.first, V.isExtraTransactionType(type) {
            guard var tx = try? V.decodeExtra(raw), V.gasLimit(of: tx) <= remaining,
                  let r = try? V.applyExtra(&tx, evm: evm) else { return TxOutcome(status: .invalid, gasUsed: 0) }
            logs.append(contentsOf: r.logs)
            return TxOutcome(status: r.success ? .success : .failed, gasUsed: UInt64(r.gasUsed))
        }
        guard let tx = try? TransactionDecoder.decode(raw, crypto: evm.crypto) else {
            return TxOutcome(status: .invalid, gasUsed: 0)
        }
        if let limit = tx.gasLimit.uint64, limit > remaining { return TxOutcome(status: .invalid, gasUsed: 0) }
        guard let r = try? evm.transact(tx, envelope: raw) else { return TxOutcome(status: .invalid, gasUsed: 0) }
        logs.append(contentsOf: r.logs)
        return TxOutcome(status: r.success ? .success : .failed, gasUsed: UInt64(r.gasUsed))
    }
}
