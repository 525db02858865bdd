import BinaryTree
import Execute
import InputContainer

/// Everything needed to submit one token-rollup batch to EXECUTE (docs/ROLLUP.md §8).
public struct TokenRollupProof {
    /// The input container (BATCH, minimal WITNESS, PRE_STATE_ROOT, CONFIG, L1_ANCHOR).
    public var container: [UInt8]
    public var preRoot: [UInt8]
    /// The post-state root to claim.
    public var postRoot: [UInt8]
    public var witnessSize: Int
    /// Cycles and the full result of the prover's verifying run.
    public var result: ExecuteResult
    /// The full post-state tree.
    public var postState: SHA256BinaryTree?
}

/// Proves token-rollup batches: runs the STF ELF with the execute engineer's `Prover` (recording run against the
/// full pre-state, minimal witness, packing, verifying re-run).
public enum TokenRollupProver {
    /// The container sections other than WITNESS and PRE_STATE_ROOT.
    public static func sections(batch: [UInt8], config: TokenConfig, l1Anchor: [UInt8]?) -> [(SectionKind, [UInt8])] {
        var s: [(SectionKind, [UInt8])] = [(.batch, batch), (.config, config.encode())]
        if let l1Anchor { s.append((.l1Anchor, l1Anchor)) }
        return s
    }

    /// Proves `batch` applied to `preState` by the STF `elf`.
    public static func prove(elf: [UInt8], preState: SHA256BinaryTree, batch: [UInt8], config: TokenConfig,
                             l1Anchor: [UInt8]?, limits: ExecuteLimits = ExecuteLimits()) throws(ProverError) -> TokenRollupProof {
        let out = try Prover.prove(ProverInput(program: .elf(elf), sections: sections(batch: batch, config: config, l1Anchor: l1Anchor),
                                               preState: preState, stateMode: .runtimeManaged, limits: limits))
        return TokenRollupProof(container: out.container, preRoot: preState.root().bytes, postRoot: out.postRoot,
                                witnessSize: out.witnessSize, result: out.result, postState: out.postState)
    }

    /// The EXECUTE call an L1 would make for `proof` (runtime-managed mode, PRE_STATE_ROOT pinned).
    public static func request(elf: [UInt8], proof: TokenRollupProof, limits: ExecuteLimits = ExecuteLimits()) -> ExecuteRequest {
        ExecuteRequest(program: .elf(elf), container: proof.container, claimedPostRoot: proof.postRoot,
                       expectedPreStateRoot: proof.preRoot, stateMode: .runtimeManaged, limits: limits)
    }
}
