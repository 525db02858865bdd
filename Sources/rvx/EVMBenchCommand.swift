import ArgumentParser
import EVM
import EVMPrimitives
import ELFLoader
import Foundation
import NativeCrypto
import RISCV

/// `rvx evm bench [DIR]`: gas per second of the hand-assembled contracts in Benchmarks/evm (NAME.hex: the code,
/// then `gas-limit N`), each the code of a called contract run by one transaction under Cancun rules, and with
/// `--xlen` the EVM guest's cycles per gas for the same transaction through EXECUTE. Use a release build.
/// `Benchmarks/evm/compare_revm.py` runs it next to revm (pyrevm) on the same bytecodes.
struct EVMBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "EVM gas/second benchmarks.")
    @Argument(help: "Directory with NAME.hex contracts.") var dir: String = "Benchmarks/evm"
    @Option(name: .customLong("repeat"), help: "Repetitions per contract (best is reported).") var repetitions: Int = 3
    @Option(help: "Transaction gas limit for every contract (overrides each file's gas-limit line).") var gasLimit: UInt64?
    @Option(help: "Also run the EVM guest through EXECUTE: 64, 32, both or none.") var xlen: String = "none"
    @Option(help: "Directory holding rv64/evm/evm-guest and rv32/evm/evm-guest (default: guest/build found from the current directory).")
    var guestDir: String?
    @Option(name: .customLong("run"), help: "Only contracts whose name contains this string.") var only: String?
    @Flag(help: "One JSON object per contract.") var json = false

    func run() throws {
        let labels: [String]
        switch xlen {
        case "none": labels = []
        case "64": labels = ["rv64"]
        case "32": labels = ["rv32"]
        case "both": labels = ["rv64", "rv32"]
        default: throw ValidationError("--xlen must be 64, 32, both or none")
        }
        var guests: [(String, ProgramImage)] = []
        if !labels.isEmpty {
            guard let gdir = guestDir ?? EVMDiffCommand.findGuestBuild() else {
                throw ValidationError("guest/build not found: run toolchain/build-guests.sh or pass --guest-dir")
            }
            for l in labels {
                let path = "\(gdir)/\(l)/evm/evm-guest"
                do { guests.append((l, try ELFLoader.load(path: path).image)) } catch {
                    throw ValidationError("cannot load \(path): \(error)")
                }
            }
        }
        var contracts = try BenchContract.load(dir: dir)
        if let only { contracts = contracts.filter { $0.name.contains(only) } }
        if contracts.isEmpty { throw ValidationError("no .hex contracts in \(dir)") }
        for var c in contracts {
            if let gasLimit { c.gasLimit = gasLimit }
            var best = Double.infinity
            var outcome = BenchContract.Outcome(gasUsed: 0, output: [])
            for _ in 0..<max(1, repetitions) {
                let (seconds, o) = try c.measureNative()
                best = min(best, seconds)
                outcome = o
            }
            var guestCycles: [(String, UInt64)] = []
            for (label, image) in guests {
                let cycles = try c.runGuest(image, label: label)
                if cycles.gasUsed != outcome.gasUsed {
                    throw ValidationError("\(c.name): \(label) gas used \(cycles.gasUsed) != native \(outcome.gasUsed)")
                }
                guestCycles.append((label, cycles.cycles))
            }
            print(json ? Self.json(c, outcome, best, guestCycles) : Self.line(c, outcome, best, guestCycles))
        }
    }

    static func line(_ c: BenchContract, _ o: BenchContract.Outcome, _ seconds: Double, _ guests: [(String, UInt64)]) -> String {
        var s = "\(c.name): \(o.gasUsed) gas in \(String(format: "%.4f", seconds)) s = "
            + String(format: "%.1f", Double(o.gasUsed) / seconds / 1e6) + " Mgas/s"
        for (l, cycles) in guests { s += ", \(l) \(String(format: "%.2f", Double(cycles) / Double(o.gasUsed))) cycles/gas" }
        return s
    }

    static func json(_ c: BenchContract, _ o: BenchContract.Outcome, _ seconds: Double, _ guests: [(String, UInt64)]) -> String {
        let g = guests.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",")
        return "{\"name\":\"\(c.name)\",\"gasLimit\":\(c.gasLimit),\"gasUsed\":\(o.gasUsed),\"output\":\"\(Hex.encode(o.output, prefix: true))\","
            + "\"seconds\":\(seconds),\"guestCycles\":{\(g)}}"
    }
}
