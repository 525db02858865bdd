import ArgumentParser
import BlockTest
import EVMBlocks
import EVMProver
import Execute
import Foundation
import StateTest

/// `rvx evm witness-report`: witness bytes per block under the MPT and the binary tree, next to the batch and
/// the compressed container (docs/STATE.md §9): generated blocks, the worst case, and blockchain-test fixtures.
struct EVMWitnessReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness-report",
        abstract: "Measure state-witness sizes (MPT vs binary tree vs compressed) against the batch.",
        discussion: """
            Generated blocks: for each --gas value, a transfer-heavy (ETH only) and an ERC-20-heavy (ERC-20 only) \
            `genblock` block and the worst-case block (docs/STATE.md §9.1). Fixture paths (blockchain tests) add \
            one MPT row per block (witness from BlockProver). Prints the Markdown table; --json writes JSON.
            """)

    @Argument(help: "Blockchain-test fixture files or directories (optional).") var fixtures: [String] = []
    @Option(help: "Comma-separated block gas limits of the generated blocks.") var gas: String = "1000000,10000000,30000000"
    @Option(help: "Comma-separated kinds of generated block: transfer, erc20, worst-case.") var kinds: String = "transfer,erc20,worst-case"
    @Option(help: "Code size of the worst-case targets (bytes, at most 24576).") var codeSize: Int = 24_576
    @Option(help: "Seed of the generated blocks.") var seed: UInt64 = 1
    @Option(help: "Write the measurements as JSON to this file.") var json: String?
    @Option(help: "Write each generated block's plain MPT and tree containers to this directory (NAME-mpt.bin, NAME-tree.bin).")
    var containers: String?

    func run() throws {
        let gasValues = try gas.split(separator: ",").map { s -> UInt64 in
            guard let v = UInt64(s.trimmingCharacters(in: .whitespaces)) else { throw ExecuteCLI.usage("bad --gas value \(s)") }
            return v
        }
        let kindList = kinds.split(separator: ",").map(String.init)
        for k in kindList where !["transfer", "erc20", "worst-case"].contains(k) { throw ExecuteCLI.usage("unknown kind \(k)") }
        var rows: [WitnessMeasurement] = []
        for g in gasValues {
            for k in kindList {
                let name = "\(k) \(g / 1_000_000 > 0 ? "\(g / 1_000_000)M" : "\(g)")"
                let block: GeneratedBlock
                do {
                    if k == "worst-case" {
                        block = try WorstCaseGenerator.generate(GenBlockOptions(gas: g, seed: seed), codeSize: codeSize)
                    } else {
                        block = try BlockGenerator.generate(GenBlockOptions(gas: g, erc20Share: k == "erc20" ? 100 : 0, seed: seed))
                    }
                    rows.append(try block.measureWitness(name: name, kind: k) { commitment, bytes in
                        guard let dir = containers else { return }
                        let path = "\(dir)/\(k)-\(g)-\(commitment).bin"
                        if !FileManager.default.createFile(atPath: path, contents: Data(bytes)) { printError("rvx: cannot write \(path)") }
                    })
                } catch { throw ExecuteCLI.usage("\(name): \(error.description)") }
                FileHandle.standardError.write("measured \(name)\n".data(using: .utf8)!)
            }
        }
        let fixtureRows = try fixtureMeasurements()
        let report = WitnessReport(blocks: rows, fixtures: fixtureRows)
        print(report.markdown(), terminator: "")
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            guard FileManager.default.createFile(atPath: json, contents: try encoder.encode(report)) else {
                throw ExecuteCLI.usage("cannot write \(json)")
            }
        }
    }

    /// One row per block of every blockchain test: BlockProver's MPT witness (no guest is run).
    func fixtureMeasurements() throws -> [FixtureWitness] {
        guard !fixtures.isEmpty else { return [] }
        let files = try FixtureRunReporter.files(fixtures, search: StateTestRunner.fixtureFiles)
        var out: [FixtureWitness] = []
        for file in files {
            guard let tests = try? BlockTestFixture.load(path: file) else { continue }
            for t in tests {
                let reports = BlockGuestDiff.run(t, guests: [], limits: ExecuteLimits())
                for (i, r) in reports.enumerated() where r.skipped == nil && r.witnessBytes > 0 && i < t.blocks.count {
                    out.append(FixtureWitness(name: r.name, fork: t.network, gasUsed: r.gasUsed, batchBytes: t.blocks[i].rlp.count,
                                              witnessBytes: r.witnessBytes, containerBytes: r.containerBytes))
                }
            }
        }
        return out
    }
}
