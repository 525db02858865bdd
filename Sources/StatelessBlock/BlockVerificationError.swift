import BlockInput
import EthereumBlock
import StatelessEVM

/// Why a stateless block verification (docs/EVMBLOCKS.md §7) gives a false verdict: the input is malformed or
/// not anchored to the pre-state root, the witness (or the binary tree) cannot serve the execution, or the block is invalid under
/// execution-specs `state_transition` (the `BlockError` names the header field, the transaction and its
/// error, or the commitment).
public enum BlockVerificationError: Error, Equatable, Sendable {
    case input(BlockInputError)
    case witness(StatelessError)
    case block(BlockError)
    /// The binary-tree state cannot hold or serve the block (docs/EVMBLOCKS.md §4: a balance ≥ 2^128, a leaf
    /// version other than 0, a missing code chunk).
    case treeState(TreeStateError)

    public var description: String {
        switch self {
        case .input(let e): return "block input: " + e.description
        case .witness(let e): return e.description
        case .block(let e): return "invalid block: " + e.description
        case .treeState(let e): return "state layout: " + e.description
        }
    }
}
