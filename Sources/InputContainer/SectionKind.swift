/// The kind of a section of the EXECUTE input container (docs/FORMAT.md §3, "Section kinds").
///
/// Kinds are numbered from 1; any other number is rejected by the decoder (`ContainerError.unknownSectionKind`).
public enum SectionKind: UInt32, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    /// The rollup batch (opaque bytes to rvx). Required.
    case batch = 1
    /// The state witness: a multiproof against the pre-state root (docs/STATE.md). Optional.
    case witness = 2
    /// The pre-state root, exactly 32 bytes. Required.
    case preStateRoot = 3
    /// Rollup parameters, opaque bytes to rvx. Optional.
    case config = 4
    /// The opaque L1 context of EIP-8079, exactly 32 bytes. Optional.
    case l1Anchor = 5
    /// The block environment, opaque bytes to rvx. Optional.
    case blockEnv = 6

    /// The exact length this section must have, or nil when any length is allowed.
    public var fixedLength: Int? {
        switch self {
        case .preStateRoot, .l1Anchor: return 32
        default: return nil
        }
    }

    /// Whether every valid container must contain this section.
    public var isRequired: Bool {
        switch self {
        case .batch, .preStateRoot: return true
        default: return false
        }
    }

    public static func < (a: SectionKind, b: SectionKind) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .batch: return "BATCH"
        case .witness: return "WITNESS"
        case .preStateRoot: return "PRE_STATE_ROOT"
        case .config: return "CONFIG"
        case .l1Anchor: return "L1_ANCHOR"
        case .blockEnv: return "BLOCK_ENV"
        }
    }
}
