import ELFLoader
import Execute
import Foundation
import HostABI
import InputContainer
import RISCV

/// EXECUTE end to end (docs/EXECUTE.md §1–2): `execute()` on a fuzzed container with a fixed valid ELF, and on a
/// fuzzed ELF with a fixed valid container.
///
/// Invariants: a true verdict has no reason, a post root equal to the claim, `cycles ≤` the cycle limit and output
/// within its cap; a false verdict has a reason; `badContainer` exactly when `InputContainer` rejects the bytes,
/// `badELF` only when the loader or machine rejects the program; and the answer is consistent — claiming the root
/// a run computed turns a `rootMismatch` into true with identical cycles and output, and any other result repeats
/// exactly on a second run.
public enum ExecuteHarness {
    /// Limits of every fuzzed call (small, so each input runs quickly).
    static let limits = ExecuteLimits(cycles: 300_000, memory: 64 << 20, output: 4096, debug: 4096)

    /// The fixed ELF of `execute-container`: `RVX_FUZZ_ELF`, else `guest/build/rv64/examples/sdk-state` found
    /// from the current directory upwards.
    public static let fixedELF: [UInt8]? = {
        if let p = ProcessInfo.processInfo.environment["RVX_FUZZ_ELF"] {
            return FileManager.default.contents(atPath: p).map { [UInt8]($0) }
        }
        var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<6 {
            let p = dir.appendingPathComponent("guest/build/rv64/examples/sdk-state").path
            if let d = FileManager.default.contents(atPath: p) { return [UInt8](d) }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// The fixed container of `execute-elf`: every section kind, empty pre-state.
    public static let fixedContainer: [UInt8] = Seeds.container(batch: Array("hostile batch".utf8), full: true)

    static func runContainer(_ data: [UInt8]) throws(InvariantViolation) -> String {
        guard let elf = fixedELF else { throw InvariantViolation("fixed ELF not found (build the guests or set RVX_FUZZ_ELF)") }
        let mode: StateMode = data.count % 2 == 0 ? .runtimeManaged : .guestManaged
        return try call(.elf(elf), data, mode: mode, decodes: (try? InputContainer(decoding: data)) != nil, loads: true)
    }

    static func runELF(_ data: [UInt8]) throws(InvariantViolation) -> String {
        let loads: Bool
        if let p = try? ELFLoader.load(data) {
            loads = (try? Hart(image: p.image, config: MachineConfig(cycleLimit: 1, memoryLimit: limits.memory))) != nil
        } else {
            loads = false
        }
        return try call(.elf(data), fixedContainer, mode: .runtimeManaged, decodes: true, loads: loads)
    }

    static func call(_ program: ExecuteRequest.Program, _ container: [UInt8], mode: StateMode, decodes: Bool, loads: Bool)
        throws(InvariantViolation) -> String
    {
        let zero = [UInt8](repeating: 0, count: 32)
        let request = ExecuteRequest(program: program, container: container, claimedPostRoot: zero, stateMode: mode, limits: limits)
        let r1 = execute(request)
        try verdictInvariants(r1, claimed: zero)
        if case .badContainer = r1.reason { try check(!decodes, "badContainer for a container that decodes") } else {
            try check(decodes, "a container that does not decode got past decoding: \(String(describing: r1.reason))")
        }
        if case .badELF = r1.reason { try check(!loads, "badELF for a program that loads") }
        if !loads, decodes { try check(isLoadFailure(r1.reason), "a program that does not load ran: \(String(describing: r1.reason))") }
        var again = request
        if case .rootMismatch(_, let actual)? = r1.reason {
            again.claimedPostRoot = actual
            let r2 = execute(again)
            try verdictInvariants(r2, claimed: actual)
            try check(r2.verdict, "claiming the computed root \(actual) gives \(String(describing: r2.reason))")
            try check(r2.cycles == r1.cycles && r2.output == r1.output, "claiming the computed root changed cycles or output")
        } else {
            let r2 = execute(again)
            try check(r1 == r2, "a second run differs: \(String(describing: r1.reason)) / \(String(describing: r2.reason))")
        }
        return r1.verdict ? "true" : "false: \(r1.reason.map(\.name) ?? "?")"
    }

    static func isLoadFailure(_ reason: ExecuteFailure?) -> Bool {
        switch reason {
        case .badELF?, .outOfMemory?: return true
        default: return false
        }
    }

    static func verdictInvariants(_ r: ExecuteResult, claimed: [UInt8]) throws(InvariantViolation) {
        if r.verdict {
            try check(r.reason == nil, "true verdict with a reason")
            try check(r.postRoot == claimed, "true verdict with post root \(String(describing: r.postRoot)) != claim")
            try check(r.cycles <= limits.cycles, "true verdict after \(r.cycles) cycles, limit \(limits.cycles)")
        } else {
            try check(r.reason != nil, "false verdict without a reason")
        }
        try check(UInt64(r.output.count) <= limits.output, "output \(r.output.count) bytes over the cap")
        try check(r.instructions <= limits.cycles, "\(r.instructions) instructions retired, limit \(limits.cycles)")
    }
}
