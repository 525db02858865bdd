import BlockInput
import EVM
import EVMPrimitives
import EthereumBlock
import StatelessEVM

/// The one block driver of the EVM guests (docs/EVMBLOCKS.md §7): EIP-8079's `state_transition(chain, block)`
/// over a `BlockInput` (docs/FORMAT.md §7) whose state comes from the witness, checked against the
/// container's PRE_STATE_ROOT. It returns the block's output when the block is valid, which includes the header's
/// state root equalling the computed post-state root; the EXECUTE verdict is then true iff that root is the
/// claimed post root. A BLOCKHASH of an ancestor whose header the witness lacks is a witness gap
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
        guard let parent = input.witness.parent else { throw .input(.missingParentHeader) }
        let block: Block
        do { block = try Block.decode(input.block) } catch { throw .block(error) }
        let hashes: [UInt256]
        do { hashes = try input.witness.ancestorHashes(of: block.header, crypto) } catch { throw .input(error) }
        let out: BlockOutput
        do throws(BlockError) {
            out = try BlockTransition.execute(block, parent: parent, config: input.chain, blockHashes: hashes,
                                              backend: backend, crypto: crypto, anchor: anchor) { backend.applyWrites($0) }
        } catch {
            if let f = backend.failure { throw .witness(f) }
            if case .blockHashUnavailable(let n) = error { throw .witness(.ancestorHeaderMissing(number: n)) }
            throw .block(error)
        }
        if let f = backend.failure { throw .witness(f) }
        return out
    }
}
