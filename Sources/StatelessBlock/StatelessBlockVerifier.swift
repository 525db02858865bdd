import BlockInput
import EVM
import EVMPrimitives
import EthereumBlock
import StatelessEVM

/// The one block driver of the EVM guests (docs/EVMBLOCKS.md §7): EIP-8079's `state_transition(chain, block)`
/// over a `BlockInput` (docs/FORMAT.md §7), generic over the state backend.
/// - `verify` (the MPT guest): the state comes from the witness, checked against the container's
///   PRE_STATE_ROOT; the block is valid only if the header's state root equals the computed post-state root,
///   and the EXECUTE verdict is then true iff that root is the claimed post root.
/// - `verifyOverTree` (the binary-tree guest, docs/EVMBLOCKS.md §10): the state is the runtime's binary tree;
///   every rule and commitment is checked except the header's MPT state root, and the changed leaves are
///   written back, so the verdict is true iff the block is valid and the claimed root is the tree root of the
///   post-state.
/// A BLOCKHASH of an ancestor whose header the witness lacks is a witness gap
/// (`StatelessError.ancestorHeaderMissing`), never a zero hash.
public enum StatelessBlockVerifier {
    /// Verifies `input` from `preStateRoot` with the witness alone.
    public static func verify<C: CryptoProvider>(
        _ input: BlockInput, preStateRoot: [UInt8], anchor: [UInt8]? = nil, crypto: C
    ) throws(BlockVerificationError) -> BlockOutput {
        let witness = ExecutionWitness(nodes: input.witness.state, codes: input.witness.codes)
        let backend: WitnessBackend<C>
        do { backend = try WitnessBackend(preStateRoot: preStateRoot, witness: witness, hasher: crypto) } catch {
            throw .witness(error)
        }
        return try verify(input, preStateRoot: preStateRoot, backend: backend, anchor: anchor, crypto: crypto)
    }

    /// Verifies `input` over an existing backend (the prover passes one in prover mode to collect the minimal
    /// witness). A failure of the backend takes precedence over the block error it may have caused.
    public static func verify<C: CryptoProvider>(
        _ input: BlockInput, preStateRoot: [UInt8], backend: WitnessBackend<C>, anchor: [UInt8]? = nil, crypto: C
    ) throws(BlockVerificationError) -> BlockOutput {
        do { try input.witness.checkPreStateRoot(preStateRoot) } catch { throw .input(error) }
        return try run(input, backend: backend, anchor: anchor, crypto: crypto, stateRoot: { backend.applyWrites($0) },
                       backendFailure: { backend.failure.map { .witness($0) } })
    }

    /// Verifies `input` over the runtime's binary tree through `store` (STATE_READ / STATE_WRITE in the guest):
    /// PRE_STATE_ROOT is the tree's root, which the runtime checks the witness against, so the parent header's
    /// (MPT) state root is not compared with it, and the header's state root is not a commitment here. After a
    /// valid block the changed leaves have been written to `store`.
    public static func verifyOverTree<S: TreeStore, C: CryptoProvider>(
        _ input: BlockInput, store: S, anchor: [UInt8]? = nil, crypto: C
    ) throws(BlockVerificationError) -> BlockOutput {
        let backend = TreeStateBackend(store: store, crypto: crypto)
        var commitError: TreeStateError? = nil
        return try run(input, backend: backend, anchor: anchor, crypto: crypto, stateRoot: { journal in
            do throws(TreeStateError) { try backend.commit(journal) } catch {
                commitError = error
                return nil
            }
            // The MPT root is not computed over the tree: the commitment check is handed the header's own.
            return headerStateRoot(input)
        }, backendFailure: { (backend.error ?? commitError).map { .treeState($0) } })
    }

    static func headerStateRoot(_ input: BlockInput) -> [UInt8]? { (try? Block.decode(input.block))?.header.stateRoot }

    /// `state_transition` over `backend`: the parent and ancestry from the witness headers, then
    /// `BlockTransition.execute`. `stateRoot` gives the post-state root the header's is compared with;
    /// `backendFailure` a failure of the backend, which takes precedence over the block error it may have caused.
    static func run<B: StateBackend, C: CryptoProvider>(
        _ input: BlockInput, backend: B, anchor: [UInt8]?, crypto: C,
        stateRoot: (JournaledState<B>) -> [UInt8]?, backendFailure: () -> BlockVerificationError?
    ) throws(BlockVerificationError) -> BlockOutput {
        guard let parent = input.witness.parent else { throw .input(.missingParentHeader) }
        let block: Block
        do { block = try Block.decode(input.block) } catch { throw .block(error) }
        let hashes: [UInt256]
        do { hashes = try input.witness.ancestorHashes(of: block.header, crypto) } catch { throw .input(error) }
        let ancestry: BlockAncestry
        do { ancestry = try BlockAncestryInput.ancestry(input, crypto) } catch { throw .input(error) }
        let out: BlockOutput
        do throws(BlockError) {
            out = try BlockTransition.execute(block, parent: parent, config: input.chain, blockHashes: hashes,
                                              backend: backend, crypto: crypto, anchor: anchor, ancestry: ancestry, stateRoot: stateRoot)
        } catch {
            if let f = backendFailure() { throw f }
            if case .blockHashUnavailable(let n) = error { throw .witness(.ancestorHeaderMissing(number: n)) }
            throw .block(error)
        }
        if let f = backendFailure() { throw f }
        return out
    }
}
