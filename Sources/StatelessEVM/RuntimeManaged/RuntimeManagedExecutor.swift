import EVM
import EVMPrimitives

/// Why a runtime-managed execution failed (the guest exits non-zero; docs/EVMBLOCKS.md §4).
public enum RuntimeManagedError: Error, Equatable {
    case state(TreeStateError)

    public var description: String {
        switch self {
        case .state(let e): return e.description
        }
    }

    /// The guest's exit status: 8 state layout error (docs/EVMBLOCKS.md §4).
    public var exitStatus: Int32 {
        switch self {
        case .state: return 8
        }
    }
}

/// The EVM over the runtime's binary tree (docs/EVMBLOCKS.md §4): the L1-anchor system call, then the
/// block's transactions (`BlockExecution`, the same rules as the MPT guest: undecodable or invalid
/// transactions are recorded as invalid), over a `TreeStateBackend`; finally the changed leaves are written
/// back with `TreeStore.write`. The root is the runtime's to compute, so the result's `postStateRoot` is empty;
/// its logs hash, gas and per-transaction outcomes are the MPT guest's public output (docs/EVMGUEST.md §5).
public enum RuntimeManagedExecutor {
    public static func execute<S: TreeStore, C: CryptoProvider>(
        store: S, fork: Fork, block: BlockEnv, transactions: [[UInt8]], anchor: [UInt8]?, crypto: C
    ) throws(RuntimeManagedError) -> StatelessResult {
        let backend = TreeStateBackend(store: store, crypto: crypto)
        let evm = EVM(state: JournaledState(backend: backend), crypto: crypto, fork: fork, block: block)
        var exec = BlockExecution(evm: evm, anchor: anchor)
        var outcomes: [TxOutcome] = []
        outcomes.reserveCapacity(transactions.count)
        for raw in transactions {
            let receipt: BlockReceipt
            do {
                receipt = exec.apply(try TransactionDecoder.decode(raw, crypto: crypto))
            } catch {
                receipt = exec.recordInvalid(error)
            }
            if let e = backend.error { throw .state(e) }
            let status: TxStatus
            switch receipt.status {
            case .success: status = .success
            case .failure: status = .failed
            case .invalid: status = .invalid
            }
            outcomes.append(TxOutcome(status: status, gasUsed: UInt64(receipt.gasUsed)))
        }
        do { try backend.commit(evm.state) } catch { throw .state(error) }
        return StatelessResult(postStateRoot: [], logsHash: LogsHash.compute(exec.logs, crypto),
                               gasUsed: UInt64(exec.gasUsed), transactions: outcomes)
    }
}
