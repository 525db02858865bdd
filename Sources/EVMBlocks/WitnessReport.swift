/// One block of a blockchain-test fixture in `rvx evm witness-report`: the MPT witness `BlockProver` builds
/// (docs/FORMAT.md §7) beside the RLP block (the batch).
public struct FixtureWitness: Sendable, Equatable, Encodable {
    public var name: String
    /// The fixture's `network` (its fork).
    public var fork: String
    public var gasUsed: UInt64
    public var batchBytes: Int
    public var witnessBytes: Int
    public var containerBytes: Int

    public init(name: String, fork: String, gasUsed: UInt64, batchBytes: Int, witnessBytes: Int, containerBytes: Int) {
        self.name = name
        self.fork = fork
        self.gasUsed = gasUsed
        self.batchBytes = batchBytes
        self.witnessBytes = witnessBytes
        self.containerBytes = containerBytes
    }
}

/// The output of `rvx evm witness-report` (docs/STATE.md §9): the Markdown tables and the JSON document.
public struct WitnessReport: Sendable, Encodable {
    public var blocks: [WitnessMeasurement]
    public var fixtures: [FixtureWitness]

    public init(blocks: [WitnessMeasurement], fixtures: [FixtureWitness]) {
        self.blocks = blocks
        self.fixtures = fixtures
    }

    /// `x / y` with `digits` decimals ("-" for y = 0).
    static func ratio(_ x: Int, _ y: Int, _ digits: Int = 1) -> String {
        guard y > 0 else { return "-" }
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let v = (x * scale * 2 + y) / (2 * y)  // rounded half up
        let whole = v / scale, frac = v % scale
        guard digits > 0 else { return "\(whole)" }
        let f = String(frac)
        return "\(whole)." + String(repeating: "0", count: digits - f.count) + f
    }

    public func markdown() -> String {
        var s = """
            | block | gas used | txs | batch B | MPT witness B (nodes + code) | MPT B/gas | MPT/batch | \
            tree witness B (nodes + chunks) | tree B/gas | tree/batch | MPT container zlib B | tree container zlib B | \
            MPT recomputable hashes B | decode cycles MPT / tree |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|

            """
        for b in blocks {
            let gas = Int(b.gasUsed)
            var row = "| \(b.name) | \(gas) | \(b.transactions) | \(b.batchBytes) | "
            row += "\(b.mpt.witnessBytes) (\(b.mpt.nodeBytes) + \(b.mpt.codeBytes)) | \(Self.ratio(b.mpt.witnessBytes, gas, 2)) | "
            row += "\(Self.ratio(b.mpt.witnessBytes, b.batchBytes))× | "
            if let t = b.tree {
                row += "\(t.witnessBytes) (\(t.nodeBytes) + \(t.codeChunkBytes))\(t.exceedsVerifierBound ? " > 2^22 nodes" : "") | "
                row += "\(Self.ratio(t.witnessBytes, gas, 2)) | "
                row += "\(Self.ratio(t.witnessBytes, b.batchBytes))× | "
            } else {
                row += "- | - | - | "
            }
            row += "\(b.mpt.compressedContainerBytes) (of \(b.mpt.containerBytes)) | "
            row += b.tree.map { "\($0.compressedContainerBytes) (of \($0.containerBytes))" } ?? "-"
            row += " | \(b.mpt.recomputableHashBytes) | \(b.mpt.decodeCycles) / \(b.tree.map { "\($0.decodeCycles)" } ?? "-") |\n"
            s += row
        }
        s += """

            Stateless transforms of the witness alone (docs/STATE.md §9.2), bytes:

            | block | MPT witness | MPT zlib | MPT refs dropped | MPT refs dropped + zlib | tree witness | tree zlib |
            |---|---:|---:|---:|---:|---:|---:|

            """
        for b in blocks {
            let m = b.mpt
            s += "| \(b.name) | \(m.witnessBytes) | \(m.witnessZlibBytes) | \(m.referencesDroppedBytes) | "
            s += "\(m.referencesDroppedZlibBytes) | \(b.tree.map { "\($0.witnessBytes) | \($0.witnessZlibBytes)" } ?? "- | -") |\n"
        }
        if !fixtures.isEmpty {
            s += "\nBlockchain-test fixtures (MPT witness from BlockProver), per fork:\n\n"
            s += "| fork | blocks | gas used | batch B | MPT witness B | witness/batch | B/gas | largest witness B (block, gas) |\n"
            s += "|---|---:|---:|---:|---:|---:|---:|---|\n"
            var forks: [String] = []
            for f in fixtures where !forks.contains(f.fork) { forks.append(f.fork) }
            for fork in forks + (forks.count > 1 ? ["all"] : []) {
                let rows = fixtures.filter { fork == "all" || $0.fork == fork }
                let witness = rows.reduce(0) { $0 + $1.witnessBytes }, batch = rows.reduce(0) { $0 + $1.batchBytes }
                let gas = rows.reduce(0) { $0 + Int($1.gasUsed) }
                let largest = rows.max { $0.witnessBytes < $1.witnessBytes }!
                s += "| \(fork) | \(rows.count) | \(gas) | \(batch) | \(witness) | \(Self.ratio(witness, batch))× | "
                s += "\(Self.ratio(witness, gas, 2)) | \(largest.witnessBytes) (\(largest.name), \(largest.gasUsed)) |\n"
            }
        }
        return s
    }
}
