import ArgumentParser
import ELFLoader
import Execute
import Foundation
import HostABI
import RISCV

/// `rvx execute`: one EXECUTE call from files (docs/EXECUTE.md §7). Prints the verdict, reason, cycles, gas,
/// output and its keccak; exit status 0 = true, 1 = false, 2 = usage error.
struct ExecuteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "execute",
        abstract: "Verify one EXECUTE call: run the STF on the container and compare the post-state root.",
        discussion: """
            Exit status: 0 if the verdict is true, 1 if false, 2 on usage errors. --pre must equal the \
            container's PRE_STATE_ROOT (else false: pre-state root mismatch).
            """
    )

    @Option(help: "The STF ELF (RV32IM or RV64IM).") var elf: String
    @Option(help: "The pre-state root (32 bytes hex) the L1 holds for the rollup; optional.") var pre: String?
    @Option(help: "The claimed post-state root (32 bytes hex).") var post: String
    @Option(help: "The input container file (docs/FORMAT.md).") var input: String
    @Option(help: "State mode: runtime (runtime-managed, default), guest (guest-managed) or standard (standard-IO).")
    var state: String = "runtime"
    @OptionGroup var limits: LimitOptions
    @OptionGroup var engineOptions: EngineOptions
    @Flag(help: "Print the result as one JSON object.") var json = false
    @Flag(help: "Also print the guest's debug output to stderr.") var debug = false
    @Flag(help: "Also report this process's peak resident set size in bytes (JSON key peakRSS; Linux: VmHWM).")
    var peakRss = false
    @Option(help: "Write this run's block profile to the file, for 'rvx translate --profile' (runs the C core one block at a time; same results).")
    var profileOut: String?

    func run() throws {
        var request = try ExecuteCommand.request(elf: elf, pre: pre, post: post, input: input, state: state, limits: try limits.resolved())
        (request.engine, request.translator) = try engineOptions.resolve(default: .auto)
        if engineOptions.engine == .translated, let t = request.translator, case .elf(let bytes) = request.program,
           let image = try? ELFLoader.load(bytes).image {
            // Translate now so a failure is a usage error with its reason (execute then loads it).
            do { try t.install(on: try Hart(image: image, config: MachineConfig(engine: .translated))) } catch {
                throw ExecuteCLI.usage("--engine translated: \(error)")
            }
        }
        var profile: BlockProfile?
        if let out = profileOut {
            guard case .elf(let bytes) = request.program, let image = try? ELFLoader.load(bytes).image,
                  let hart = try? Hart(image: image, config: MachineConfig(engine: .translated)) else {
                throw ExecuteCLI.usage("--profile-out: the ELF cannot be loaded")
            }
            profile = BlockProfile(codeCount: hart.codeCount)
            (request.engine, request.translator, request.profile) = (.translated, nil, profile)
            guard FileManager.default.createFile(atPath: out, contents: nil) else { throw ExecuteCLI.usage("--profile-out: cannot write \(out)") }
        }
        let r = execute(request)
        if let profile, let out = profileOut {
            do { try profile.text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
                throw ExecuteCLI.usage("--profile-out: cannot write \(out)")
            }
        }
        let rss = peakRss ? PeakRSS.bytes() : nil
        if json {
            print(ExecuteCLI.json(r, extra: peakRss ? ["\"peakRSS\": " + (rss.map { String($0) } ?? "null")] : []))
        } else {
            print(ExecuteCLI.text(r) + (peakRss ? "\npeak RSS: " + (rss.map { "\($0) bytes" } ?? "unknown") : ""))
        }
        if debug && !r.debugOutput.isEmpty { printError(String(decoding: r.debugOutput, as: UTF8.self)) }
        throw ExitCode(r.verdict ? ExecuteCLI.trueStatus : ExecuteCLI.falseStatus)
    }

    static func mode(_ s: String) throws -> StateMode {
        guard let m = StateMode(rawValue: s) else { throw ExecuteCLI.usage("--state must be runtime, guest or standard") }
        return m
    }

    static func request(elf: String, pre: String?, post: String, input: String, state: String,
                        limits: (limits: ExecuteLimits, cyclesPerGas: UInt64)) throws -> ExecuteRequest {
        ExecuteRequest(
            program: .elf(try ExecuteCLI.read(elf, what: "ELF")),
            container: try ExecuteCLI.read(input, what: "input"),
            claimedPostRoot: try ExecuteCLI.hex(post, length: 32, what: "--post"),
            expectedPreStateRoot: try pre.map { try ExecuteCLI.hex($0, length: 32, what: "--pre") },
            stateMode: try mode(state), limits: limits.limits, cyclesPerGas: limits.cyclesPerGas)
    }
}
