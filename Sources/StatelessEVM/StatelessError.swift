import EVMPrimitives

/// Why a stateless execution could not produce a post-state (docs/EVMGUEST.md §5). Every case is a
/// failure of the input, never a guess: the guest turns each into a distinct non-zero exit status.
public enum StatelessError: Error, Equatable, Sendable {
    /// BLOCK_ENV is not the canonical encoding of docs/EVMGUEST.md §2 (the message names the field).
    case malformedBlockEnv(String)
    /// BATCH is not an RLP list of byte strings (docs/EVMGUEST.md §3).
    case malformedBatch
    /// WITNESS is not an RLP list of two lists of byte strings (docs/EVMGUEST.md §4).
    case malformedWitness
    /// The pre-state root is not 32 bytes.
    case invalidPreStateRoot
    /// Execution needed the trie node or contract code with this 32-byte hash, and the witness lacks it.
    case witnessIncomplete(hash: [UInt8])
    /// The witness node with this hash is reachable from the root but is not a canonical trie node, or an
    /// account leaf or storage value under it is not a canonical encoding.
    case witnessInvalid(hash: [UInt8])
    /// BLOCKHASH read block `number`, within the 256-block window, and the witness lacks its header.
    case ancestorHeaderMissing(number: UInt64)

    /// The exit status of the EVM guest for this failure (docs/EVMGUEST.md §6).
    public var exitStatus: Int32 {
        switch self {
        case .malformedBlockEnv, .malformedBatch, .malformedWitness, .invalidPreStateRoot: return 2
        case .witnessIncomplete, .ancestorHeaderMissing: return 3
        case .witnessInvalid: return 4
        }
    }

    /// One line, e.g. "witness incomplete: node 0x…".
    public var description: String {
        switch self {
        case .malformedBlockEnv(let f): return "malformed BLOCK_ENV: " + f
        case .malformedBatch: return "malformed BATCH: not an RLP list of byte strings"
        case .malformedWitness: return "malformed WITNESS: not an RLP list [[nodes...], [codes...]]"
        case .invalidPreStateRoot: return "PRE_STATE_ROOT is not 32 bytes"
        case .witnessIncomplete(let h): return "witness incomplete: missing node or code " + Hex.encode(h, prefix: true)
        case .witnessInvalid(let h): return "witness invalid: bad node or account " + Hex.encode(h, prefix: true)
        case .ancestorHeaderMissing(let n): return "witness incomplete: BLOCKHASH of block \(n) needs its header"
        }
    }
}
