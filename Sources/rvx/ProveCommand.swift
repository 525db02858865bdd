import ArgumentParser
import BinaryTree
import Execute
import GuestABI
import InputContainer

/// `rvx prove`: builds the EXECUTE call for one batch of any STF (docs/EXECUTE.md §5.2) with `Execute.Prover`:
/// the container, the post root and (runtime-managed) the post-state file the next batch starts from.
struct ProveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Prove one batch of an STF: write the input container, the post root and the post-state file.",
        discussion: """
            Runtime-managed (default): --pre-state is the full state before the batch (a JSON object of \
            32-byte hex keys to 32-byte hex values; absent or empty = genesis); the prover runs the STF on it, \
            builds the minimal witness, packs the container and checks it with `execute`; --post-state \
            receives the state after the batch, the --pre-state of the next one. Guest-managed (--state \
            guest): the container holds --pre ROOT (default 0^32) and --witness as given, and the post root \
            is the one the guest declares. Standard-IO (--state standard): as runtime-managed, for a guest \
            written only against the eth-act IO standard; read_input gives it the verified state view and the \
            batch, and its output ends with the state report (docs/EXECUTE.md §2.1). Exit status: 0 proved, 1 the STF run failed, 2 usage error.
            """
    )

    @Option(help: "The STF ELF (RV32IM or RV64IM).") var elf: String
    @Option(help: "The batch file (BATCH section).") var batch: String
    @Option(name: [.short, .customLong("output")], help: "The input container to write.") var output: String
    @Option(help: "Runtime-managed or standard-IO: the state before the batch (JSON; absent = genesis).") var preState: String?
    @Option(help: "Runtime-managed or standard-IO: where to write the state after the batch (JSON).") var postState: String?
    @Option(help: "Guest-managed: the pre-state root, 32 bytes hex (default 0^32).") var pre: String?
    @Option(help: "Guest-managed: the guest's own witness file (WITNESS section, copied as is).") var witness: String?
    @Option(help: "Rollup parameters file (CONFIG section).") var config: String?
    @Option(help: "The L1 anchor, 32 bytes hex (L1_ANCHOR section).") var l1Anchor: String?
    @Option(help: "Block environment file (BLOCK_ENV section).") var blockEnv: String?
    @Option(help: "State mode: runtime (runtime-managed, default), guest (guest-managed) or standard (standard-IO).")
    var state: String = "runtime"
    @OptionGroup var limits: LimitOptions
    @OptionGroup var compression: CompressOption
    @Flag(help: "Print the result as one JSON object.") var json = false

    func run() throws {
        let mode = try ExecuteCommand.mode(state)
        let (limits, cyclesPerGas) = try limits.resolved()
        var sections: [(SectionKind, [UInt8])] = [(.batch, try ExecuteCLI.read(batch, what: "batch"))]
        if let c = config { sections.append((.config, try ExecuteCLI.read(c, what: "config"))) }
        if let a = l1Anchor { sections.append((.l1Anchor, try ExecuteCLI.hex(a, length: 32, what: "--l1-anchor"))) }
        if let b = blockEnv { sections.append((.blockEnv, try ExecuteCLI.read(b, what: "block-env"))) }
        var tree = SHA256BinaryTree()
        switch mode {
        case .runtimeManaged, .standardIO:
            if pre != nil || witness != nil {
                throw ExecuteCLI.usage("--pre and --witness are for --state guest; --state \(state) takes --pre-state")
            }
            if let p = preState { tree = try StateCLI.load(p) }
        case .guestManaged:
            if preState != nil || postState != nil {
                throw ExecuteCLI.usage("--pre-state and --post-state are for --state runtime or standard; --state guest takes --pre")
            }
            sections.append((.preStateRoot, try pre.map { try ExecuteCLI.hex($0, length: 32, what: "--pre") }
                             ?? [UInt8](repeating: 0, count: 32)))
            if let w = witness { sections.append((.witness, try ExecuteCLI.read(w, what: "witness"))) }
        }
        let program = ExecuteRequest.Program.elf(try ExecuteCLI.read(elf, what: "ELF"))
        let proof: ProverOutput
        do {
            proof = try Prover.prove(ProverInput(program: program, sections: sections, preState: tree, stateMode: mode,
                                                 limits: limits, cyclesPerGas: cyclesPerGas))
        } catch {
            printError("rvx: \(error)")
            throw ExitCode(ExecuteCLI.falseStatus)
        }
        // Compressed, the container costs the decode charge on top of the checked run (docs/FORMAT.md §8).
        let (container, decodeCycles) = try compression.apply(proof.container)
        let cycles = proof.cycles + decodeCycles
        let gas = decodeCycles == 0 ? proof.result.gas
            : SyscallCosts.gas(cycles: cycles, containerBytes: UInt64(container.count), cyclesPerGas: cyclesPerGas)
        try ExecuteCLI.write(container, to: output, what: "container")
        if let p = postState, let post = proof.postState { try ExecuteCLI.write(StateFile.encode(post), to: p, what: "post-state") }
        let preRoot = (try? InputContainer(decoding: proof.container))?.preStateRoot ?? []
        if json {
            let fields = [
                "\"preRoot\": \"\(ExecuteCLI.hexString(preRoot))\"", "\"postRoot\": \"\(ExecuteCLI.hexString(proof.postRoot))\"",
                "\"witnessBytes\": \(proof.witnessSize)", "\"cycles\": \(cycles)", "\"decodeCycles\": \(decodeCycles)",
                "\"gas\": \(gas)", "\"containerBytes\": \(container.count)", "\"container\": " + ExecuteCLI.jsonString(output),
                "\"postState\": " + (postState.map(ExecuteCLI.jsonString) ?? "null"),
                "\"output\": \"\(ExecuteCLI.hexString(proof.result.output))\"",
            ]
            print("{" + fields.joined(separator: ", ") + "}")
        } else {
            print("post-root \(ExecuteCLI.hexString(proof.postRoot)) pre-root \(ExecuteCLI.hexString(preRoot)) "
                  + "witness \(proof.witnessSize) bytes, \(cycles) cycles, gas \(gas) -> \(output)")
        }
    }
}
