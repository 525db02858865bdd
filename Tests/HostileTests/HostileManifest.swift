import Foundation

/// One adversarial guest of guest/tests/hostile/manifest.txt and its expected outcome on each XLEN.
struct HostileCase {
    enum Mode: String { case runtime, guest }
    enum Input: String { case empty, opaque, batch }

    var name: String
    var mode: Mode
    var input: Input
    var cycleLimit: UInt64
    var memoryLimit: UInt64
    /// "true" or an `ExecuteFailure.name`.
    var reason: String
    /// The text after ":" in the expectation (exit code or fault kind@value, "A/B" = RV32/RV64), if any.
    var detail: String?
    /// Exact cycles for RV32 and RV64; nil = not asserted.
    var cycles32: UInt64?
    var cycles64: UInt64?

    func cycles(xlen: Int) -> UInt64? { xlen == 32 ? cycles32 : cycles64 }

    /// `detail` for one XLEN ("kind@a/b" → "kind@a" on RV32, "kind@b" on RV64).
    func detail(xlen: Int) -> String? {
        guard let d = detail else { return nil }
        guard let at = d.firstIndex(of: "@"), let slash = d.firstIndex(of: "/") else { return d }
        let head = d[...at]
        return String(head) + (xlen == 32 ? String(d[d.index(after: at)..<slash]) : String(d[d.index(after: slash)...]))
    }

    /// The prefix `ExecuteFailure.guestFault`'s description must start with, from a `kind@value` detail.
    static func faultPrefix(_ detail: String) -> String? {
        let parts = detail.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let v = parts[1]
        switch parts[0] {
        case "load": return "guest fault: load access fault at address \(v) "
        case "store": return "guest fault: store access fault at address \(v) "
        case "fetch": return "guest fault: instruction fetch fault at pc \(v) "
        case "misaligned": return "guest fault: misaligned jump target \(v) "
        case "illegal": return "guest fault: illegal instruction \(v) "
        case "breakpoint": return "guest fault: breakpoint (ebreak) at pc \(v)"
        default: return nil
        }
    }
}

enum HostileManifest {
    static func load() throws -> [HostileCase] {
        let url = HostilePaths.sources.appendingPathComponent("manifest.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var cases: [HostileCase] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if f.isEmpty { continue }
            func bad(_ why: String) -> Error { HostileError.badManifest("line \(i + 1): \(why)") }
            guard f.count == 8 else { throw bad("expected 8 fields, got \(f.count)") }
            guard let mode = HostileCase.Mode(rawValue: f[1]) else { throw bad("mode \(f[1])") }
            guard let input = HostileCase.Input(rawValue: f[2]) else { throw bad("input \(f[2])") }
            guard let cycles = UInt64(f[3]) else { throw bad("cycle limit \(f[3])") }
            guard let memory = byteCount(f[4]) else { throw bad("memory limit \(f[4])") }
            let expect = f[5].split(separator: ":", maxSplits: 1).map(String.init)
            func count(_ s: String) throws -> UInt64? {
                if s == "-" { return nil }
                guard let v = UInt64(s) else { throw bad("cycle count \(s)") }
                return v
            }
            cases.append(HostileCase(name: f[0], mode: mode, input: input, cycleLimit: cycles, memoryLimit: memory,
                                     reason: expect[0], detail: expect.count > 1 ? expect[1] : nil,
                                     cycles32: try count(f[6]), cycles64: try count(f[7])))
        }
        return cases
    }

    /// "64M" → 64 MiB; K, M, G binary suffixes.
    static func byteCount(_ s: String) -> UInt64? {
        let units: [(String, UInt64)] = [("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("", 1)]
        for (suffix, scale) in units where s.hasSuffix(suffix) {
            if let n = UInt64(s.dropLast(suffix.count)) { return n * scale }
        }
        return nil
    }
}

enum HostileError: Error, CustomStringConvertible {
    case badManifest(String)
    case buildFailed(String)
    case missing(String)

    var description: String {
        switch self {
        case .badManifest(let s): return "guest/tests/hostile/manifest.txt: \(s)"
        case .buildFailed(let s): return "toolchain/build-guests.sh failed:\n\(s)"
        case .missing(let s): return s
        }
    }
}
