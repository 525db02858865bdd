/// Node tags of the witness encoding (docs/STATE.md §3).
public enum WitnessTag: UInt8, Sendable {
    /// An empty subtree (hash 0^32); proves absence of everything below it.
    case empty = 0
    /// An expanded internal node: the left child's encoding, then the right child's.
    case `internal` = 1
    /// An unexpanded subtree: its 32-byte non-zero hash.
    case opaque = 2
    /// A stem node (main trie only): the 31-byte stem, then the encoding of its 256-leaf subtree.
    case stem = 3
    /// A present leaf (stem subtree, level 8 only): the 32-byte value.
    case value = 4
}

/// A witness as a tree (prover side): the pruned binary tree of docs/STATE.md §2, before serialization.
///
/// The same cases serve the main trie (`empty`, `internal`, `opaque`, `stem`) and the 8-level stem subtrees
/// (`empty`, `internal`, `opaque`, `value`). `encoded()` gives the canonical byte string that `WitnessState`
/// decodes.
public indirect enum WitnessTree: Equatable, Sendable {
    case empty
    case opaque(Bytes32)
    case `internal`(WitnessTree, WitnessTree)
    /// A stem (in `Bytes32.stem` form, last byte ignored) and its subtree.
    case stem(Bytes32, WitnessTree)
    case value(Bytes32)

    /// The canonical serialization (pre-order, docs/STATE.md §3).
    public func encoded() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(encodedSize)
        encode(into: &out)
        return out
    }

    /// Appends the serialization to `out`.
    public func encode(into out: inout [UInt8]) {
        switch self {
        case .empty:
            out.append(WitnessTag.empty.rawValue)
        case let .opaque(h):
            out.append(WitnessTag.opaque.rawValue)
            out += h.bytes
        case let .internal(l, r):
            out.append(WitnessTag.internal.rawValue)
            l.encode(into: &out)
            r.encode(into: &out)
        case let .stem(s, sub):
            out.append(WitnessTag.stem.rawValue)
            out += s.bytes[0..<31]
            sub.encode(into: &out)
        case let .value(v):
            out.append(WitnessTag.value.rawValue)
            out += v.bytes
        }
    }

    /// Length of `encoded()` in bytes.
    public var encodedSize: Int {
        switch self {
        case .empty: return 1
        case .opaque, .value: return 33
        case let .internal(l, r): return 1 + l.encodedSize + r.encodedSize
        case let .stem(_, sub): return 32 + sub.encodedSize
        }
    }
}
