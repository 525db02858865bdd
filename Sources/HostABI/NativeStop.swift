import RISCV

/// Why a native syscall stopped the guest (docs/ABI.md §3: the calls that STOP the run). The run ends with
/// `StopReason.halted(code: code, reason: description)`; `NativeSyscalls.stop` keeps the typed value.
public enum NativeStop: Equatable, Sendable, CustomStringConvertible {
    /// STATE_READ / STATE_WRITE / STATE_ROOT touched a key the witness does not cover.
    case witnessIncomplete(key: [UInt8], detail: String)
    /// COMMIT (or write(3)) would take the public output past `limit` bytes.
    case outputLimitExceeded(limit: UInt64)
    /// POST_ROOT was called a second time.
    case postRootDeclaredTwice
    /// The runtime-managed state grew past its host-memory bound.
    case stateLimitExceeded(String)
    /// The state backend failed for another reason.
    case stateFailed(String)

    /// The `code` of `StopReason.halted`.
    public var code: UInt64 {
        switch self {
        case .witnessIncomplete: return 1
        case .outputLimitExceeded: return 2
        case .postRootDeclaredTwice: return 3
        case .stateFailed: return 4
        case .stateLimitExceeded: return 5
        }
    }

    public var description: String {
        switch self {
        case .witnessIncomplete(_, let detail): return detail
        case .outputLimitExceeded(let l): return "output limit exceeded (\(l) bytes)"
        case .postRootDeclaredTwice: return "post root declared twice"
        case .stateFailed(let m): return "state: " + m
        case .stateLimitExceeded(let m): return "state: " + m
        }
    }

    /// The stop reason for the hart.
    public var stopReason: StopReason { .halted(code: code, reason: description) }
}

/// Early exit of a native syscall handler: a result for a0, or a stop.
enum NativeAbort: Error {
    case errno(Int64)
    case halt(StopReason)
}
