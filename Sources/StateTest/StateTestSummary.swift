import Foundation

/// Tallies of case results, overall and per fork, with skip reasons (the runner's summary line).
public struct StateTestSummary {
    public var passed = 0
    public var failed = 0
    public var skipped = 0
    public var skipReasons: [String: Int] = [:]
    public var perFork: [String: (passed: Int, failed: Int, skipped: Int)] = [:]

    public init() {}

    public mutating func add(_ r: CaseResult) {
        var f = perFork[r.fork] ?? (0, 0, 0)
        switch r.status {
        case .passed: passed += 1; f.passed += 1
        case .failed: failed += 1; f.failed += 1
        case .skipped(let why): skipped += 1; f.skipped += 1; skipReasons[why, default: 0] += 1
        }
        perFork[r.fork] = f
    }

    public var line: String {
        let reasons = skipReasons.keys.sorted().map { "\(skipReasons[$0]!) \($0)" }.joined(separator: ", ")
        return "\(passed) passed, \(failed) failed, \(skipped) skipped" + (reasons.isEmpty ? "" : " (\(reasons))")
    }

    public var forkLines: [String] {
        perFork.keys.sorted().map { k in
            let f = perFork[k]!
            return "  \(k): \(f.passed) passed, \(f.failed) failed, \(f.skipped) skipped"
        }
    }

    /// geth `evm statetest --json` shape: {"name","pass","fork","stateRoot","error"}.
    public static func json(_ r: CaseResult) -> String {
        var obj: [String: Any] = ["name": r.name, "fork": r.fork, "stateRoot": r.stateRoot]
        switch r.status {
        case .passed: obj["pass"] = true
        case .failed(let e): obj["pass"] = false; obj["error"] = e
        case .skipped(let e): obj["pass"] = true; obj["skipped"] = e
        }
        let data = (try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
