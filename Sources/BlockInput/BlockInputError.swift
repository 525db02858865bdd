import EthereumBlock

/// A part of the block input (docs/FORMAT.md §7), named in `BlockInputError.malformed`.
public enum BlockInputPart: UInt8, Equatable, Sendable {
    case envelope, block, witness, state, codes, keys, headers, chainConfig, schedule, ancestorOmmers

    public var name: String {
        switch self {
        case .envelope: return "block input RLP"
        case .block: return "block"
        case .witness: return "witness"
        case .state: return "witness state"
        case .codes: return "witness codes"
        case .keys: return "witness keys"
        case .headers: return "witness headers"
        case .chainConfig: return "chain configuration"
        case .schedule: return "fork schedule"
        case .ancestorOmmers: return "ancestor ommers"
        }
    }
}

/// Why a block input (docs/FORMAT.md §7.2, "Validation") is rejected before the block is executed. These are
/// faults of the prover's packaging, not of the block: a malformed or unanchored input, not an invalid block.
public enum BlockInputError: Error, Equatable, Sendable {
    /// The input is larger than the container limit (512 MiB).
    case tooLarge
    /// The version is neither 1 nor 2.
    case unsupportedVersion(UInt64)
    /// A part is not the RLP shape of docs/FORMAT.md §7.1.
    case malformed(BlockInputPart)
    /// The witness carries no header: the parent header (`headers[0]`) is required.
    case missingParentHeader
    /// More than 256 headers (the BLOCKHASH window, EIP-4788's ring aside).
    case tooManyHeaders(Int)
    /// Header `index` of the witness is not a decodable header.
    case malformedHeader(index: Int, HeaderField)
    /// A fork number of the schedule is not assigned (docs/FORMAT.md, "Fork wire numbers").
    case unknownFork(UInt64)
    /// The fork schedule is empty, or its timestamps or forks do not ascend strictly.
    case unorderedSchedule
    /// The block's `parentHash` is not the hash of `headers[0]`.
    case parentHashMismatch
    /// `headers[index]` is not the parent of `headers[index - 1]` (hash or number).
    case brokenAncestry(index: Int)
    /// The parent header's state root differs from the container's PRE_STATE_ROOT.
    case preStateRootMismatch
    /// `ancestorOmmers[index]` does not decode as a list of headers or does not hash to the ommers hash of
    /// `headers[index]`.
    case ancestorOmmersMismatch(index: Int)

    public var description: String {
        switch self {
        case .tooLarge: return "block input larger than 512 MiB"
        case .unsupportedVersion(let v): return "block input version \(v) not supported"
        case .malformed(let p): return "malformed \(p.name)"
        case .missingParentHeader: return "witness has no parent header"
        case .tooManyHeaders(let n): return "witness has \(n) headers (at most 256)"
        case .malformedHeader(let i, let f): return "witness header \(i): malformed \(f.name)"
        case .unknownFork(let n): return "unknown fork number \(n)"
        case .unorderedSchedule: return "fork schedule empty or not strictly ascending"
        case .parentHashMismatch: return "block parentHash is not the hash of the parent header"
        case .brokenAncestry(let i): return "witness header \(i) is not the parent of header \(i - 1)"
        case .preStateRootMismatch: return "parent state root differs from PRE_STATE_ROOT"
        case .ancestorOmmersMismatch(let i): return "ancestor ommers \(i) do not match the ommers hash of witness header \(i)"
        }
    }
}
