import Foundation

/// Totals and distributions of `rvx evm diff` (docs/EVMGUEST.md §9): case counts, skip reasons, and per guest
/// the cycles per case and cycles per gas (min / median / p90 / max, over cases with non-zero gas).
public struct DiffSummary {
    public var labels: [String]
    public private(set) var passed = 0
    public private(set) var mismatched = 0
    public private(set) var skipped = 0
    public private(set) var skipReasons: [String: Int] = [:]
    public private(set) var cycles: [String: [UInt64]] = [:]
    /// cycles / gas × 1000 (fixed point, no floating point in the data).
    public private(set) var cyclesPerKiloGas: [String: [UInt64]] = [:]
    /// Total gas used over the cases, in 128 bits: state tests with 2^63 gas limits use up to ~2^62 gas each,
    /// so a UInt64 sum overflows over a few thousand cases.
    public private(set) var gas: (high: UInt64, low: UInt64) = (0, 0)
    public private(set) var witnessBytes = 0
    /// Per fork (state tests) or network (blocks): counts, cycles per kilogas by guest, witness sizes.
    public private(set) var groups: [String: Group] = [:]

    /// The tallies of one fork or network.
    public struct Group {
        public var passed = 0, mismatched = 0, skipped = 0
        public var cyclesPerKiloGas: [String: [UInt64]] = [:]
        public var witnessBytes: [UInt64] = []
        public var treeWitnessBytes: [UInt64] = []
        /// Blocks the tree guests were not run on.
        public var treeSkipped = 0
    }

    public init(labels: [String]) { self.labels = labels }

    public mutating func add(_ r: GuestDiff.CaseReport) {
        if let why = r.skipped {
            skipped += 1
            skipReasons[why, default: 0] += 1
            groups[r.fork, default: Group()].skipped += 1
            return
        }
        if r.mismatches.isEmpty { passed += 1 } else { mismatched += 1 }
        var group = groups[r.fork, default: Group()]
        if r.mismatches.isEmpty { group.passed += 1 } else { group.mismatched += 1 }
        if r.witnessBytes > 0 { group.witnessBytes.append(UInt64(r.witnessBytes)) }
        if r.treeWitnessBytes > 0 { group.treeWitnessBytes.append(UInt64(r.treeWitnessBytes)) }
        if let why = r.treeSkipped {
            group.treeSkipped += 1
            skipReasons["tree: " + why, default: 0] += 1
        }
        if r.gasUsed > 0 {
            for (label, c) in r.cycles { group.cyclesPerKiloGas[label, default: []].append(Self.perKilo(c, r.gasUsed)) }
        }
        groups[r.fork] = group
        let (low, carry) = gas.low.addingReportingOverflow(r.gasUsed)
        gas = (gas.high + (carry ? 1 : 0), low)
        witnessBytes += r.witnessBytes
        for (label, c) in r.cycles {
            cycles[label, default: []].append(c)
            if r.gasUsed > 0 { cyclesPerKiloGas[label, default: []].append(Self.perKilo(c, r.gasUsed)) }
        }
    }

    /// The summary lines.
    public func lines(files: Int) -> [String] {
        var out: [String] = []
        let reasons = skipReasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        out.append("\(files) files: \(passed) passed, \(mismatched) mismatched, \(skipped) skipped" + (reasons.isEmpty ? "" : " (\(reasons))"))
        for l in labels {
            let c = (cycles[l] ?? []).sorted()
            let g = (cyclesPerKiloGas[l] ?? []).sorted()
            guard !c.isEmpty else { continue }
            let total = c.reduce(0, &+)
            out.append("\(l): \(c.count) EXECUTE calls, \(total) cycles; cycles/case min \(c[0]) median \(Self.pct(c, 50)) p90 \(Self.pct(c, 90)) max \(c[c.count - 1])")
            if !g.isEmpty {
                out.append("\(l): cycles/gas min \(Self.milli(g[0])) median \(Self.milli(Self.pct(g, 50))) p90 \(Self.milli(Self.pct(g, 90))) max \(Self.milli(g[g.count - 1])) (over \(g.count) cases with gas > 0; all cases: \(Self.ratio(total, gas)) cycles/gas)")
            }
        }
        return out
    }

    /// One line per fork or network: counts, median cycles/gas per guest, median witness bytes.
    public func groupLines() -> [String] {
        groups.sorted { $0.key < $1.key }.map { name, g in
            var line = "\(name): \(g.passed) passed, \(g.mismatched) mismatched, \(g.skipped) skipped"
            for l in labels {
                let c = (g.cyclesPerKiloGas[l] ?? []).sorted()
                if !c.isEmpty { line += "; \(l) median cycles/gas \(Self.milli(Self.pct(c, 50)))" }
            }
            let w = g.witnessBytes.sorted()
            if !w.isEmpty { line += "; median witness bytes \(Self.pct(w, 50))" }
            let t = g.treeWitnessBytes.sorted()
            if !t.isEmpty { line += "; median tree witness bytes \(Self.pct(t, 50))" }
            if g.treeSkipped > 0 { line += "; \(g.treeSkipped) not run over the tree" }
            return line
        }
    }

    static func pct(_ sorted: [UInt64], _ p: Int) -> UInt64 {
        sorted[min(sorted.count - 1, (sorted.count - 1) * p / 100)]
    }

    /// ⌊cycles × 1000 / gas⌋ without overflow (saturating at UInt64.max).
    static func perKilo(_ cycles: UInt64, _ gas: UInt64) -> UInt64 {
        let wide = cycles.multipliedFullWidth(by: 1000)
        return wide.high >= gas ? .max : gas.dividingFullWidth(wide).quotient
    }

    /// cycles / gas over all cases with three decimals ("-" without gas).
    static func ratio(_ cycles: UInt64, _ gas: (high: UInt64, low: UInt64)) -> String {
        if gas.high == 0 && gas.low == 0 { return "-" }
        let g = Double(gas.high) * 18446744073709551616.0 + Double(gas.low)
        let milli = (Double(cycles) * 1000 / g).rounded(.down)
        return Self.milli(milli >= 1.8e19 ? UInt64.max : UInt64(milli))
    }

    static func milli(_ v: UInt64) -> String {
        let frac = v % 1000
        return "\(v / 1000)." + String(String(frac + 1000).dropFirst())
    }

    /// One case as JSON.
    public static func json(_ r: GuestDiff.CaseReport) -> String {
        func esc(_ s: String) -> String {
            var o = ""
            for ch in s.unicodeScalars {
                switch ch {
                case "\"": o += "\\\""
                case "\\": o += "\\\\"
                case "\n": o += "\\n"
                default: o.unicodeScalars.append(ch)
                }
            }
            return o
        }
        let status = r.skipped != nil ? "skipped" : (r.mismatches.isEmpty ? "pass" : "mismatch")
        let cycles = r.cycles.map { "\"\($0.label)\":\($0.cycles)" }.joined(separator: ",")
        let mism = r.mismatches.map { "\"\(esc($0))\"" }.joined(separator: ",")
        return "{\"name\":\"\(esc(r.name))\",\"fork\":\"\(esc(r.fork))\",\"status\":\"\(status)\""
            + (r.skipped.map { ",\"reason\":\"\(esc($0))\"" } ?? "")
            + ",\"gasUsed\":\(r.gasUsed),\"witnessBytes\":\(r.witnessBytes),\"containerBytes\":\(r.containerBytes),"
            + (r.treeSkipped.map { "\"treeSkipped\":\"\(esc($0))\"," } ?? "") + "\"treeWitnessBytes\":\(r.treeWitnessBytes),\"cycles\":{\(cycles)},\"mismatches\":[\(mism)]}"
    }
}
