/// Why an EXECUTE call answered false (docs/EXECUTE.md §2 "Verdict rules"), one case per rule.
public enum ExecuteFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The request itself is malformed (e.g. a claimed root that is not 32 bytes).
    case invalidRequest(String)
    /// The input container violates docs/FORMAT.md.
    case badContainer(String)
    /// The container's PRE_STATE_ROOT differs from the expected pre-state root.
    case preStateRootMismatch(expected: [UInt8], actual: [UInt8])
    /// The ELF (or program image) is rejected by the loader.
    case badELF(String)
    /// The witness is malformed or does not hash to PRE_STATE_ROOT.
    case witnessInvalid(String)
    /// A STATE_* call or the final root needed `key`, which the witness does not cover.
    case witnessIncomplete(key: [UInt8])
    /// The final root (or STATE_ROOT) needed the shape of the subtree at `depth` whose path is the first `depth`
    /// bits of `path`: the sibling of a removed stem, which the witness keeps opaque.
    case witnessSiblingIncomplete(path: [UInt8], depth: Int)
    /// The guest faulted (illegal instruction, access fault, misaligned jump, ebreak) at `pc`.
    case guestFault(pc: UInt64, description: String)
    /// The cycle budget was exhausted.
    case outOfCycles
    /// The memory limit was exhausted.
    case outOfMemory
    /// The guest exited with a non-zero status.
    case nonZeroExit(code: Int64)
    /// The public output passed its cap.
    case outputLimitExceeded
    /// POST_ROOT was called twice (guest-managed mode).
    case postRootDeclaredTwice
    /// The post root differs from the claimed one.
    case rootMismatch(expected: [UInt8], actual: [UInt8])
    /// The guest exited 0 without declaring a post root (guest-managed mode).
    case rootNotDeclared
    /// Standard-IO mode: the output does not end with a well-formed state report (docs/EXECUTE.md §2.1).
    case stateReportInvalid(String)

    /// A short stable name (used by the CLI's JSON output).
    public var name: String {
        switch self {
        case .invalidRequest: return "invalidRequest"
        case .badContainer: return "badContainer"
        case .preStateRootMismatch: return "preStateRootMismatch"
        case .badELF: return "badELF"
        case .witnessInvalid: return "witnessInvalid"
        case .witnessIncomplete, .witnessSiblingIncomplete: return "witnessIncomplete"
        case .guestFault: return "guestFault"
        case .outOfCycles: return "outOfCycles"
        case .outOfMemory: return "outOfMemory"
        case .nonZeroExit: return "nonZeroExit"
        case .outputLimitExceeded: return "outputLimitExceeded"
        case .postRootDeclaredTwice: return "postRootDeclaredTwice"
        case .rootMismatch: return "rootMismatch"
        case .rootNotDeclared: return "rootNotDeclared"
        case .stateReportInvalid: return "stateReportInvalid"
        }
    }

    /// One line.
    public var description: String {
        switch self {
        case .invalidRequest(let m): return "invalid request: " + m
        case .badContainer(let m): return "bad container: " + m
        case .preStateRootMismatch(let e, let a): return "pre-state root mismatch: expected \(hex(e)), container has \(hex(a))"
        case .badELF(let m): return "bad ELF: " + m
        case .witnessInvalid(let m): return "witness invalid: " + m
        case .witnessIncomplete(let k): return "witness incomplete: key \(hex(k)) is not covered"
        case .witnessSiblingIncomplete(let p, let d):
            return "witness incomplete: the subtree at depth \(d), path \(bits(p, d)), sibling of a removed stem, is opaque"
        case .guestFault(_, let d): return "guest fault: " + d
        case .outOfCycles: return "out of cycles"
        case .outOfMemory: return "out of memory"
        case .nonZeroExit(let c): return "guest exited with status \(c)"
        case .outputLimitExceeded: return "output limit exceeded"
        case .postRootDeclaredTwice: return "post root declared twice"
        case .rootMismatch(let e, let a): return "post-state root mismatch: claimed \(hex(e)), computed \(hex(a))"
        case .rootNotDeclared: return "post root not declared"
        case .stateReportInvalid(let m): return "state report invalid: " + m
        }
    }
}

/// The first `count` bits of `bytes` (most significant first) as `0b…`, or `root` for none.
func bits(_ bytes: [UInt8], _ count: Int) -> String {
    guard count > 0 else { return "root" }
    var s = "0b"
    for i in 0..<min(count, bytes.count * 8) { s += (bytes[i >> 3] >> (7 - UInt8(i & 7))) & 1 == 1 ? "1" : "0" }
    return s
}

/// Lower-case hex with 0x prefix.
func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var s: [UInt8] = [0x30, 0x78]
    for b in bytes { s.append(digits[Int(b >> 4)]); s.append(digits[Int(b & 15)]) }
    return String(decoding: s, as: UTF8.self)
}
