import ArgumentParser
import BlockTest
import ELFLoader
import EVMBlocks
import EVMProver
import Execute
import Foundation
import RISCV
import StateTest

/// `rvx evm diff FILE|DIR`: every state-test case on the native EVM and on the EVM guest(s) through EXECUTE
/// (guest-managed, claimed root = the fixture's expected root); compares post root, logs hash, gas used and
/// per-transaction status (docs/EVMGUEST.md §9). With `--blocks`, every block of every blockchain test natively
/// and in the guests' block mode: verdict, typed reason, post root and output (docs/EVMBLOCKS.md §8); `--state`
/// picks the MPT guest, the binary-tree guest (labels rv64-tree, rv32-tree; docs/EVMBLOCKS.md §10) or both.
/// Exit 1 on any mismatch.
struct EVMDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Differential test: native EVM vs the EVM guest under EXECUTE on state tests or blocks.")

    @Argument(help: "Fixture files or directories searched recursively for .json files (none with --variant op).") var paths: [String] = []
    @Option(help: "l1 (default: the fixtures) or op: generated OP Stack blocks on the native twin and evm-op-guest (docs/ROLLUP-EVM.md §5).")
    var variant: String = "l1"
    @Option(help: "With --variant op: gas of each generated block.") var gas: UInt64 = 2_000_000
    @Option(help: "With --variant op: seeds of the generated blocks (repeatable; default 1).") var seed: [UInt64] = []
    @Option(help: "Guest XLEN: 64, 32 or both.") var xlen: String = "both"
    @Flag(help: "Blockchain tests: every block natively and in the guests' block mode.") var blocks = false
    @Option(help: "With --blocks, the guests' state: mpt (evm-guest), tree (evm-bt-guest over the binary tree) or both.")
    var state: String = "mpt"
    @Flag(help: "One JSON object per case (per block with --blocks) on stdout; the summary goes to stderr.") var json = false
    @OptionGroup var progress: ProgressOptions
    @Option(help: "Only this fork (Berlin, London, Paris, Shanghai, Cancun, Prague, Osaka, BPO1, BPO2; with --blocks a network name such as CancunToPragueAtTime15k). Repeatable.") var fork: [String] = []
    @Option(name: .customLong("run"), help: "Only cases whose name matches this regular expression.") var pattern: String?
    @Option(help: "Worker threads.") var jobs: Int = 2
    @Option(help: "Only every Nth fixture file (a slice; 1 = all).") var every: Int = 1
    @Flag(help: "Also run the heavy fixtures (loopMul, BLAKE2f max rounds); with --blocks, blocks spending more than 500 Mgas (EVMBLOCKS.md §8).") var heavy = false
    @Option(help: "Cycle limit per EXECUTE call.") var cycles: UInt64 = 20_000_000_000
    @Option(help: "Directory holding rv64/evm/evm-guest and rv32/evm/evm-guest (default: guest/build found from the current directory).")
    var guestDir: String?

    func run() throws {
        var filter: NSRegularExpression? = nil
        if let r = pattern {
            do { filter = try NSRegularExpression(pattern: r) } catch { throw ValidationError("bad --run regex: \(r)") }
        }
        let labels: [String]
        switch xlen {
        case "64": labels = ["rv64"]
        case "32": labels = ["rv32"]
        case "both": labels = ["rv64", "rv32"]
        default: throw ValidationError("--xlen must be 64, 32 or both")
        }
        guard ["mpt", "tree", "both"].contains(state) else { throw ValidationError("--state must be mpt, tree or both") }
        guard blocks || state == "mpt" else { throw ValidationError("--state tree needs --blocks") }
        guard every >= 1, jobs >= 1 else { throw ValidationError("--every and --jobs must be at least 1") }
        guard let dir = guestDir ?? Self.findGuestBuild() else {
            throw ValidationError("guest/build not found: run toolchain/build-guests.sh or pass --guest-dir")
        }
        guard variant == "l1" || variant == "op" else { throw ValidationError("--variant must be l1 or op") }
        if variant == "op" { return try runOP(labels: labels, dir: dir) }
        func load(_ program: String, _ suffix: String) throws -> [GuestDiff.Guest] {
            try labels.map { l in
                let path = "\(dir)/\(l)/\(program)"
                do { return GuestDiff.Guest(label: l + suffix, image: try ELFLoader.load(path: path).image) } catch {
                    throw ValidationError("cannot load \(path): \(error)")
                }
            }
        }
        let guests = state == "tree" ? [] : try load("evm/evm-guest", "")
        let treeGuests = state == "mpt" ? [] : try load("evm-bt/evm-bt-guest", "-tree")
        var files = paths.flatMap { StateTestRunner.fixtureFiles($0) }
        files = files.enumerated().filter { $0.offset % every == 0 }.map(\.element)
        if files.isEmpty { throw ValidationError("no .json fixtures at \(paths.joined(separator: " "))") }

        let forks: Set<String>?
        if blocks { forks = fork.isEmpty ? nil : Set(fork) } else {
            do { forks = try StateTestRunner.forkFilter(fork) } catch { throw ValidationError(error.description) }
        }
        let blockMode = blocks
        let limits = ExecuteLimits(cycles: cycles)
        let lock = NSLock()
        nonisolated(unsafe) var summary = DiffSummary(labels: (guests + treeGuests).map(\.label))
        nonisolated(unsafe) var done = 0
        nonisolated(unsafe) var next = 0
        let tty = progress.enabled
        let asJSON = json
        let includeHeavy = heavy
        let fileList = files
        nonisolated(unsafe) let nameFilter = filter
        let guestList = guests
        let treeGuestList = treeGuests
        let group = DispatchGroup()
        for _ in 0..<jobs {
            group.enter()
            let t = Thread {
                while true {
                    lock.lock()
                    let i = next
                    next += 1
                    lock.unlock()
                    if i >= fileList.count { break }
                    var reports: [GuestDiff.CaseReport] = []
                    if blockMode {
                        reports = Self.blockReports(fileList[i], networks: forks, nameFilter: nameFilter, guests: guestList, treeGuests: treeGuestList,
                                                    limits: limits, maxGas: includeHeavy ? nil : BlockGuestDiff.heavyBlockGas)
                    } else {
                    for entry in StateTestCase.cases(file: fileList[i], forks: forks, nameFilter: nameFilter, includeHeavy: includeHeavy) {
                        switch entry {
                        case .run(let c): reports.append(GuestDiff.run(c, guests: guestList, limits: limits))
                        case .skipped(let name, let f, let reason):
                            var r = GuestDiff.CaseReport(name: name, fork: f)
                            r.skipped = reason
                            reports.append(r)
                        case .error(let name, let message):
                            var r = GuestDiff.CaseReport(name: name, fork: "-")
                            r.mismatches = ["cannot load fixture: \(message)"]
                            reports.append(r)
                        }
                    }
                    }
                    lock.lock()
                    done += 1
                    for r in reports {
                        summary.add(r)
                        if asJSON { print(DiffSummary.json(r)) } else {
                            for m in r.mismatches { print("MISMATCH \(r.name): \(m)") }
                        }
                    }
                    if tty {
                        FileHandle.standardError.write(
                            "\r\(done)/\(fileList.count) files, \(summary.passed) passed, \(summary.mismatched) mismatched, \(summary.skipped) skipped"
                                .data(using: .utf8)!)
                    }
                    lock.unlock()
                }
                group.leave()
            }
            t.stackSize = 512 << 20
            t.start()
        }
        group.wait()
        if tty { FileHandle.standardError.write("\n".data(using: .utf8)!) }
        let out = asJSON ? FileHandle.standardError : FileHandle.standardOutput
        for l in (blockMode ? summary.groupLines() : []) + summary.lines(files: files.count) { out.write((l + "\n").data(using: .utf8)!) }
        if summary.mismatched > 0 { throw ExitCode(1) }
    }

    /// The block reports of every selected blockchain test of one file.
    static func blockReports(_ file: String, networks: Set<String>?, nameFilter: NSRegularExpression?,
                             guests: [GuestDiff.Guest], treeGuests: [GuestDiff.Guest] = [], limits: ExecuteLimits,
                             maxGas: UInt64?) -> [GuestDiff.CaseReport] {
        let tests: [BlockTestFixture]
        do { tests = try BlockTestFixture.load(path: file) } catch {
            var r = GuestDiff.CaseReport(name: (file as NSString).lastPathComponent, fork: "-")
            r.mismatches = ["cannot load fixture: \(error)"]
            return [r]
        }
        return tests.filter { t in
            networks.map { $0.contains(t.network) } ?? true
                && nameFilter.map { $0.firstMatch(in: t.name, range: NSRange(t.name.startIndex..., in: t.name)) != nil } ?? true
        }.flatMap { BlockGuestDiff.run($0, guests: guests, treeGuests: treeGuests, limits: limits, maxGas: maxGas) }
    }

    /// guest/build found from the current directory upwards.
    static func findGuestBuild() -> String? {
        var url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<8 {
            let candidate = url.appendingPathComponent("guest/build").path
            if FileManager.default.fileExists(atPath: candidate + "/rv64/evm/evm-guest")
                || FileManager.default.fileExists(atPath: candidate + "/rv32/evm/evm-guest") { return candidate }
            url = url.deletingLastPathComponent()
        }
        return nil
    }

    /// `--variant op`: each seed's generated block natively and on evm-op-guest for every selected XLEN.
    func runOP(labels: [String], dir: String) throws {
        var guests: [GuestDiff.Guest] = []
        for l in labels {
            let path = "\(dir)/\(l)/evm-op/evm-op-guest"
            do { guests.append(GuestDiff.Guest(label: l, image: try ELFLoader.load(path: path).image)) } catch {
                throw ValidationError("cannot load \(path): \(error)")
            }
        }
        var mismatched = 0
        for s in seed.isEmpty ? [1] : seed {
            let block: OPStackBlockGenerator.Block
            do { block = try OPStackBlockGenerator.generate(GenBlockOptions(gas: gas, seed: s)) } catch {
                throw ValidationError(error.description)
            }
            let r = OPStackGuestDiff.run(block, guests: guests, limits: ExecuteLimits(cycles: cycles))
            for m in r.mismatches { print("MISMATCH seed \(s): \(m)") }
            if !r.mismatches.isEmpty { mismatched += 1 }
            let cyc = r.cycles.map { "\($0.label) \($0.cycles) cycles" }.joined(separator: ", ")
            print("seed \(s): \(block.transactions.count) transactions (\(block.deposits) deposits, \(block.failedDeposits) failed, "
                  + "\(block.transfers) transfers), \(block.gasUsed) gas; \(cyc); \(r.mismatches.count) mismatches")
        }
        let n = seed.isEmpty ? 1 : seed.count
        print("\(n - mismatched) passed, \(mismatched) mismatched (op blocks)")
        if mismatched > 0 { throw ExitCode(1) }
    }
}
