import Dispatch
import Foundation

/// The results of verifying many independent EXECUTE calls (docs/EXECUTE.md §6), in input order, with the
/// throughput achieved. Timings are host measurements only; they never affect a verdict.
public struct BlockResult: Sendable {
    /// One result per request, in input order.
    public var results: [ExecuteResult]
    /// Worker threads used.
    public var jobs: Int
    /// Wall-clock time of the whole block in seconds.
    public var seconds: Double
    /// Total cycles over all calls.
    public var totalCycles: UInt64 { results.reduce(0) { $0 &+ $1.cycles } }
    /// Calls verified per second.
    public var callsPerSecond: Double { seconds > 0 ? Double(results.count) / seconds : 0 }
    /// Guest cycles per second.
    public var cyclesPerSecond: Double { seconds > 0 ? Double(totalCycles) / seconds : 0 }
}

/// Verifies `requests` on `jobs` threads (each call is independent: its own hart, memory and state) and
/// returns the results in input order. The results equal those of calling `execute` on each in sequence.
/// `progress`, if given, is called (from the workers, one call at a time) with the number of calls finished.
public func executeBlock(_ requests: [ExecuteRequest], jobs: Int,
                         progress: (@Sendable (Int) -> Void)? = nil) -> BlockResult {
    let n = requests.count
    let workers = max(1, min(jobs, max(n, 1)))
    let slots = UnsafeMutableBufferPointer<ExecuteResult?>.allocate(capacity: max(n, 1))
    slots.initialize(repeating: nil)
    defer { slots.deallocate() }
    let start = DispatchTime.now().uptimeNanoseconds
    let box = SlotBox(slots)
    let counter = ProgressCounter(progress)
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        // Worker w takes requests w, w + workers, …: each slot is written by exactly one worker.
        var i = w
        while i < n {
            box.slots[i] = execute(requests[i])
            counter.tick()
            i += workers
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let results = (0..<n).map { slots[$0] ?? ExecuteResult(verdict: false, reason: .invalidRequest("not run")) }
    return BlockResult(results: results, jobs: workers, seconds: seconds)
}

/// Counts finished calls for `executeBlock`'s progress callback, serialized by a lock.
private final class ProgressCounter: @unchecked Sendable {
    let report: (@Sendable (Int) -> Void)?
    let lock = NSLock()
    var done = 0
    init(_ r: (@Sendable (Int) -> Void)?) { report = r }
    func tick() {
        guard let report else { return }
        lock.lock()
        defer { lock.unlock() }
        done += 1
        report(done)
    }
}

/// Shares the result slots with the workers (disjoint indices, joined by concurrentPerform).
private final class SlotBox: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<ExecuteResult?>
    init(_ s: UnsafeMutableBufferPointer<ExecuteResult?>) { slots = s }
}
