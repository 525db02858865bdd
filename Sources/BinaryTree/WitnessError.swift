/// Every way a witness can be malformed, fail verification or fall short of a run's needs (docs/STATE.md §4–§5).
public enum WitnessError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The encoding ends inside a node.
    case truncated(offset: Int)
    /// A tag byte that is not a `WitnessTag`.
    case unknownTag(UInt8, offset: Int)
    /// A tag not allowed where it stands (a value outside leaf level, a stem inside a subtree, an internal node
    /// at leaf level).
    case unexpectedTag(UInt8, offset: Int)
    /// An internal node of the main trie at depth 248 or more (stems have 248 bits).
    case tooDeep(offset: Int)
    /// More nodes than the verifier's limit.
    case tooManyNodes(limit: Int)
    /// Non-canonical: an opaque node with hash 0^32 (must be encoded as empty).
    case opaqueZeroHash(offset: Int)
    /// Non-canonical: an internal node with two empty children (must be encoded as empty).
    case emptyInternal(offset: Int)
    /// Non-canonical: a stem-subtree internal node with two opaque children (must be one opaque node).
    case redundantInternal(offset: Int)
    /// Invalid shape: an internal node whose children are one stem node and one empty subtree (the stem node
    /// must sit in the internal node's place).
    case uncompressedStem(offset: Int)
    /// Invalid: a stem node whose 256-leaf subtree is empty.
    case emptyStem(offset: Int)
    /// Invalid: a stem node whose stem does not start with the path leading to it.
    case stemPathMismatch(offset: Int)
    /// Bytes follow the root node's encoding.
    case trailingBytes(offset: Int)
    /// The witness does not hash to the pre-state root.
    case rootMismatch(expected: Bytes32, computed: Bytes32)
    /// The witness does not cover `key` (its path or its leaf is opaque): witness incomplete.
    case incomplete(key: Bytes32)
    /// The witness lacks the shape (one stem or more) of the opaque subtree at `prefix`/`depth`, needed because
    /// its sibling became empty after a deletion: witness incomplete.
    case incompleteSibling(prefix: Bytes32, depth: Int)
    /// A key, value or root given as bytes is not 32 bytes long.
    case invalidLength(Int)

    public var description: String {
        switch self {
        case let .truncated(o): return "witness: truncated at offset \(o)"
        case let .unknownTag(t, o): return "witness: unknown tag \(t) at offset \(o)"
        case let .unexpectedTag(t, o): return "witness: tag \(t) not allowed at offset \(o)"
        case let .tooDeep(o): return "witness: internal node deeper than 247 at offset \(o)"
        case let .tooManyNodes(limit): return "witness: more than \(limit) nodes"
        case let .opaqueZeroHash(o): return "witness: non-canonical opaque zero hash at offset \(o)"
        case let .emptyInternal(o): return "witness: non-canonical internal node with two empty children at offset \(o)"
        case let .redundantInternal(o): return "witness: non-canonical subtree node with two opaque children at offset \(o)"
        case let .uncompressedStem(o): return "witness: stem node not compressed into its parent at offset \(o)"
        case let .emptyStem(o): return "witness: stem node with an empty subtree at offset \(o)"
        case let .stemPathMismatch(o): return "witness: stem off its path at offset \(o)"
        case let .trailingBytes(o): return "witness: trailing bytes at offset \(o)"
        case let .rootMismatch(e, c): return "witness: root \(c) does not match the pre-state root \(e)"
        case let .incomplete(k): return "witness incomplete: key \(k) is not covered"
        case let .incompleteSibling(p, d): return "witness incomplete: shape of subtree \(p)/\(d) next to a removed stem is not covered"
        case let .invalidLength(n): return "state: expected 32 bytes, got \(n)"
        }
    }
}
