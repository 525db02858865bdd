import RISCV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `rvx run`'s progress line on stderr (a terminal only; `--quiet` turns it off): the run goes in slices of
/// `slice` cycles, and between slices one line shows the cycles so far and the wall time.
///
/// A slice boundary is an instruction-level cycle limit, from which a hart resumes exactly (`Hart.cycleLimit`:
/// "may be raised to resume"), so the sliced run retires the same instructions, charges the same cycles and
/// stops where an unsliced run would. Syscalls see the run's own limit (`RealLimitSyscalls`), so a syscall's
/// charge is refused only when it would pass that limit, never at a slice boundary.
struct RunProgress {
    /// Cycles between progress lines: about a quarter of a second in the fast engine, or
    /// `RVX_PROGRESS_SLICE` (tests use small slices so that boundaries fall between and beside syscalls).
    static let slice: UInt64 = getenv("RVX_PROGRESS_SLICE").flatMap { UInt64(String(cString: $0)) }
        .map { max($0, 1) } ?? 1 << 27

    /// Runs `hart` to its stop under its own `cycleLimit`, writing a progress line between slices.
    static func run<H: SyscallHandler>(_ hart: Hart, _ handler: inout H) -> StopReason {
        let limit = hart.cycleLimit
        let clock = ContinuousClock(), start = clock.now
        var wrapped = RealLimitSyscalls(inner: handler, limit: limit)
        defer {
            handler = wrapped.inner
            hart.cycleLimit = limit
            raw("\r\u{1B}[K")
        }
        while true {
            let sliceEnd = hart.cycles > limit &- slice ? limit : hart.cycles + slice
            hart.cycleLimit = sliceEnd
            wrapped.sliceEnd = sliceEnd
            let reason = hart.run(&wrapped)
            guard case .outOfCycles = reason, sliceEnd < limit, hart.cycles <= limit else { return reason }
            let s = (clock.now - start).components
            let seconds = Double(s.seconds) + Double(s.attoseconds) / 1e18
            raw("\rrvx: \(hart.cycles / 1_000_000) M cycles, \(Int(seconds)) s")
        }
    }
}

/// Writes `text` to stderr as it is (no newline).
func raw(_ text: String) {
    var t = text
    t.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// Passes each ECALL to `inner` under the run's own cycle limit, then restores the slice's limit.
struct RealLimitSyscalls<H: SyscallHandler>: SyscallHandler {
    var inner: H
    let limit: UInt64
    var sliceEnd: UInt64 = 0

    mutating func handleSyscall(_ hart: Hart) -> SyscallAction {
        hart.cycleLimit = limit
        defer { hart.cycleLimit = sliceEnd }
        return inner.handleSyscall(hart)
    }
}
