import EVM
import EVMPrimitives
import InputContainer
import MerklePatriciaTrie
import StatelessEVM

/// The prover of the EVM guest (docs/EVMGUEST.md): from a complete pre-state, signed transactions and a block
/// environment, it produces the EXECUTE input container with a **minimal** witness and the post-state root to
/// claim. Method: `StatelessExecutor` runs natively on a `WitnessBackend` in prover mode, which starts with an
/// empty witness and takes each node or code the run needs (reads, and the collapse siblings of removals)
/// from the full pre-state, recording it; the recorded set is the witness. The container is then checked by a
/// second, strict native run over exactly that witness.
public enum EVMProver {
    /// What the prover produces.
    public struct Proof {
        /// The input container: BATCH, WITNESS, PRE_STATE_ROOT, BLOCK_ENV.
        public var container: [UInt8]
        public var preStateRoot: [UInt8]
        /// The post-state root to claim.
        public var postStateRoot: [UInt8]
        /// The stateless result (logs hash, gas, per-transaction outcomes) the guest will commit.
        public var result: StatelessResult
        public var witness: ExecutionWitness
        /// Size of the WITNESS section in bytes.
        public var witnessBytes: Int
    }

    /// Why proving failed.
    public enum ProveError: Error, Equatable, CustomStringConvertible {
        /// The stateless execution failed (a witness gap the prover could not fill).
        case execution(StatelessError)
        /// The strict re-run over the produced witness disagreed (a prover bug).
        case verification(String)
        case container(String)

        public var description: String {
            switch self {
            case .execution(let e): return "prover: " + e.description
            case .verification(let m): return "prover: verification failed: " + m
            case .container(let m): return "prover: container: " + m
            }
        }
    }

    public static func prove<C: CryptoProvider>(
        pre: InMemoryState, blockEnv: StatelessBlockEnv, transactions: [[UInt8]], crypto: C, anchor: [UInt8]? = nil
    ) throws(ProveError) -> Proof {
        try prove(full: FullState(pre, hasher: crypto), blockEnv: blockEnv, transactions: transactions, crypto: crypto,
                  anchor: anchor, variant: L1Variant.self)
    }

    /// The proof under a chain's rules (`ChainVariant`), for that chain's guest.
    public static func prove<C: CryptoProvider, V: ChainVariant>(
        pre: InMemoryState, blockEnv: StatelessBlockEnv, transactions: [[UInt8]], crypto: C, anchor: [UInt8]? = nil,
        variant: V.Type
    ) throws(ProveError) -> Proof {
        try prove(full: FullState(pre, hasher: crypto), blockEnv: blockEnv, transactions: transactions, crypto: crypto,
                  anchor: anchor, variant: variant)
    }

    public static func prove<C: CryptoProvider>(
        full: FullState, blockEnv: StatelessBlockEnv, transactions: [[UInt8]], crypto: C, anchor: [UInt8]? = nil
    ) throws(ProveError) -> Proof {
        try prove(full: full, blockEnv: blockEnv, transactions: transactions, crypto: crypto, anchor: anchor,
                  variant: L1Variant.self)
    }

    public static func prove<C: CryptoProvider, V: ChainVariant>(
        full: FullState, blockEnv: StatelessBlockEnv, transactions: [[UInt8]], crypto: C, anchor: [UInt8]? = nil,
        variant: V.Type
    ) throws(ProveError) -> Proof {
        let result: StatelessResult
        let witness: ExecutionWitness
        do throws(StatelessError) {
            let backend = try WitnessBackend(preStateRoot: full.stateRoot, witness: ExecutionWitness(), hasher: crypto,
                                             fallbackNodes: full.nodes, fallbackCodes: full.codes)
            result = try StatelessExecutor.execute(backend: backend, blockEnv: blockEnv, transactions: transactions, crypto: crypto,
                                                   anchor: anchor, variant: variant)
            witness = ExecutionWitness(nodes: backend.addedNodes, codes: backend.addedCodes)
        } catch {
            throw .execution(error)
        }
        // The strict run over exactly this witness must agree.
        let check: StatelessResult
        do throws(StatelessError) {
            check = try StatelessExecutor.execute(preStateRoot: full.stateRoot, blockEnv: blockEnv,
                                                  transactions: transactions, witness: witness, crypto: crypto, anchor: anchor,
                                                  variant: variant)
        } catch {
            throw .verification(error.description)
        }
        guard check == result else { throw .verification("the strict run over the witness gave a different result") }
        let witnessBytes = witness.encode()
        let container: [UInt8]
        do {
            var sections: [(SectionKind, [UInt8])] = [
                (.batch, Batch.encode(transactions)), (.witness, witnessBytes), (.preStateRoot, full.stateRoot),
                (.blockEnv, blockEnv.encode()),
            ]
            if let anchor { sections.append((.l1Anchor, anchor)) }
            container = try InputContainer.encode(sections: sections)
        } catch {
            throw .container("\(error)")
        }
        return Proof(container: container, preStateRoot: full.stateRoot, postStateRoot: result.postStateRoot,
                     result: result, witness: witness, witnessBytes: witnessBytes.count)
    }
}
