import ArgumentParser
import ELFLoader
import EVMPrimitives
import EVMProver
import Execute
import Foundation

/// `rvx evm stateless FILE.json`: a zkevm-benchmark-workload stateless input (`StatelessJSON`, docs/EVMBLOCKS.md
/// §9) converted to the block-mode container and verified by the MPT EVM guest through EXECUTE, claiming the
/// header's state root. Exit 0 if the verdict is true, 1 if false, 2 on usage or input errors.
struct EVMStatelessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stateless", abstract: "Verify a zkevm-benchmark-workload stateless input (block_and_witness JSON) through EXECUTE.")

    @Argument(help: "The stateless input JSON file.") var file: String
    @Option(help: "Guest XLEN: 64, 32 or both.") var xlen: String = "both"
    @Option(help: "Write the converted EXECUTE container here.") var output: String?
    @Option(help: "Cycle limit per EXECUTE call.") var cycles: UInt64 = 100_000_000_000
    @Option(help: "Directory holding rv64/evm/evm-guest and rv32/evm/evm-guest (default: guest/build found from the current directory).")
    var guestDir: String?

    func run() throws {
        let labels: [String] = switch xlen {
        case "64": ["rv64"]
        case "32": ["rv32"]
        case "both": ["rv64", "rv32"]
        default: throw ValidationError("--xlen must be 64, 32 or both")
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let c: StatelessJSON.Converted
        do { c = try StatelessJSON.convert(data) } catch {
            FileHandle.standardError.write("\(error.description)\n".data(using: .utf8)!)
            throw ExitCode(ExecuteCLI.usageStatus)
        }
        if let output { FileManager.default.createFile(atPath: output, contents: Data(c.container)) }
        guard let dir = guestDir ?? EVMDiffCommand.findGuestBuild() else {
            throw ValidationError("guest/build not found: run toolchain/build-guests.sh or pass --guest-dir")
        }
        print("\(c.name): container \(c.container.count) bytes, pre \(Hex.encode(c.preStateRoot, prefix: true)), post \(Hex.encode(c.postStateRoot, prefix: true))")
        var all = true
        for l in labels {
            let image = try ELFLoader.load(path: "\(dir)/\(l)/evm/evm-guest").image
            let r = execute(ExecuteRequest(program: .image(image), container: c.container, claimedPostRoot: c.postStateRoot,
                                           stateMode: .guestManaged, limits: ExecuteLimits(cycles: cycles)))
            let debug = String(decoding: r.debugOutput, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
            print("\(l): \(r.verdict) cycles=\(r.cycles)" + (r.reason.map { " reason: \($0)" } ?? "") + (r.verdict ? "" : " (\(debug))"))
            all = all && r.verdict
        }
        throw ExitCode(all ? ExecuteCLI.trueStatus : ExecuteCLI.falseStatus)
    }
}
