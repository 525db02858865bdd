/// Who computes the post-state root of an EXECUTE call (docs/ABI.md §6, docs/EXECUTE.md §1). A parameter of
/// the rollup's registration, not of the container.
public enum StateMode: String, Sendable, Equatable, CaseIterable {
    /// The runtime serves STATE_READ/WRITE from the witness and recomputes the binary-tree root.
    case runtimeManaged = "runtime"
    /// The guest handles its own state and declares the post root once with POST_ROOT.
    case guestManaged = "guest"
    /// The runtime verifies the witness, gives the guest the witnessed key/value pairs and the batch through
    /// `read_input`, applies the writes the guest reports at the end of its output and computes the
    /// binary-tree root (docs/EXECUTE.md §2.1): state for a guest written only against the eth-act standards.
    case standardIO = "standard"
}

/// Why a state access could not be served (docs/ABI.md §3, STATE_READ / STATE_WRITE / STATE_ROOT).
public enum StateFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The witness does not cover `key` (32 bytes; for a missing subtree shape: its path prefix).
    case incomplete(key: [UInt8], detail: String)
    /// The state grew past its host-memory bound (too many nodes created by writes).
    case limitExceeded(String)
    /// Any other failure of the backend.
    case failed(String)

    public var description: String {
        switch self {
        case .incomplete(_, let detail): return detail
        case .limitExceeded(let m): return m
        case .failed(let m): return m
        }
    }
}

/// The runtime-managed state behind STATE_READ / STATE_WRITE / STATE_ROOT (docs/STATE.md): a witness-backed
/// tree in the verifier, the full tree in the prover. HostABI knows nothing of the tree; `Execute` supplies it.
/// Keys, values and roots are 32 bytes; pointers are valid host memory (already checked guest buffers, which
/// may alias each other: implementations read the key and value before writing any output).
public protocol StateBackend {
    /// Reads `key` into `value`: returns true if present; writes 32 zero bytes and returns false if absent.
    mutating func read(key: UnsafeRawPointer, value: UnsafeMutableRawPointer) throws(StateFailure) -> Bool
    /// Writes `value` at `key`, or deletes `key` when `value` is nil.
    mutating func write(key: UnsafeRawPointer, value: UnsafeRawPointer?) throws(StateFailure)
    /// Stores the current root (all writes included) at `out`.
    mutating func root(into out: UnsafeMutableRawPointer) throws(StateFailure)
    /// Hash-function calls performed so far (STATE_ROOT is charged per hash).
    var hashCalls: Int { get }
}

/// A state backend for guest-managed mode: never consulted (the state calls return -ENOSYS).
public struct NoStateBackend: StateBackend {
    public init() {}
    public mutating func read(key: UnsafeRawPointer, value: UnsafeMutableRawPointer) throws(StateFailure) -> Bool {
        throw .failed("no runtime-managed state")
    }
    public mutating func write(key: UnsafeRawPointer, value: UnsafeRawPointer?) throws(StateFailure) {
        throw .failed("no runtime-managed state")
    }
    public mutating func root(into out: UnsafeMutableRawPointer) throws(StateFailure) {
        throw .failed("no runtime-managed state")
    }
    public var hashCalls: Int { 0 }
}
