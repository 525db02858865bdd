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
        let backend = try WitnessBackend(preStateRoot: preStateRoot, witness: witness, hasher: crypto)
        return try execute(backend: backend, blockEnv: blockEnv, transactions: transactions, crypto: crypto, anchor: anchor)
    }

    /// Runs `transactions` over an existing backend (the prover passes one in prover mode).
    public static func execute<C: CryptoProvider>(
        backend: WitnessBackend<C>, blockEnv: StatelessBlockEnv, transactions: [[UInt8]], crypto: C,
        anchor: [UInt8]? = nil
    ) throws(StatelessError) -> StatelessResult {
        let evm = EVM(state: JournaledState(backend: backend), crypto: crypto, fork: blockEnv.fork, block: blockEnv.env)
        // EIP-8079 anchoring: the L1_ANCHOR system call before the transactions (docs/EVMBLOCKS.md §1).
        evm.applyL1Anchor(anchor)
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
    /// is invalid (execution-specs `apply_body`).
    static func runOne<B: StateBackend, C: CryptoProvider>(
        _ raw: [UInt8], evm: EVM<B, C>, cumulativeGas: UInt64, logs: inout [Log]
    ) -> TxOutcome {
        guard let tx = try? TransactionDecoder.decode(raw, crypto: evm.crypto) else {
            return TxOutcome(status: .invalid, gasUsed: 0)
        }
        let remaining = evm.block.gasLimit >= cumulativeGas ? evm.block.gasLimit - cumulativeGas : 0
        if let limit = tx.gasLimit.uint64, limit > remaining { return TxOutcome(status: .invalid, gasUsed: 0) }
        guard let r = try? evm.transact(tx) else { return TxOutcome(status: .invalid, gasUsed: 0) }
        logs.append(contentsOf: r.logs)
        return TxOutcome(status: r.success ? .success : .failed, gasUsed: UInt64(r.gasUsed))
    }
}
