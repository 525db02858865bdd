import ArgumentParser
import DevTools
import ELFLoader
import Execute
import HostABI
import RISCV

/// `rvx profile`: cycles per function with call stacks, as an SVG flamegraph and folded stacks
/// (docs/DEVTOOLS.md). Run mode: `rvx profile ELF -o out.svg` (like `rvx run`). EXECUTE mode:
/// `rvx profile --elf STF --input C --post ROOT [--pre ROOT] [--state …] -o out.svg` (like `rvx execute`).
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Profile a guest's cycles per function: SVG flamegraph and folded stacks.",
        discussion: """
            Give an ELF argument to profile it as `rvx run` runs it, or --elf/--input/--post (and the other \
            `rvx execute` options) to profile an EXECUTE call. Prints the top functions by self cycles to stderr.
            """)

    @Option(name: [.short, .customLong("output")], help: "The SVG flamegraph to write.") var output: String
    @Option(help: "Also write folded stacks (`a;b;c cycles` lines) to this file.") var folded: String?
    @Option(help: "Functions listed in the summary.") var top: Int = 15
    @Option(help: "Cycle limit (run mode default: unlimited; EXECUTE default 10^9).") var cycles: UInt64?
    @Option(help: "Memory limit in bytes; K, M, G suffixes accepted (default 1G).") var memory: ByteCount?
    @Option(help: "EXECUTE: the STF ELF.") var elf: String?
    @Option(help: "EXECUTE: the expected pre-state root (32 bytes hex).") var pre: String?
    @Option(help: "EXECUTE: the claimed post-state root (32 bytes hex).") var post: String?
    @Option(help: "EXECUTE: the input container file.") var input: String?
    @Option(help: "EXECUTE: state mode, runtime, guest or standard.") var state: String = "runtime"
    @Argument(help: "Run mode: the ELF file.") var program: String?

    func run() throws {
        let tree: CallTree
        let title: String
        var exitError: Error?
        if let path = program {
            guard elf == nil, input == nil else { throw ExecuteCLI.usage("give either an ELF argument or --elf/--input") }
            let (prog, hart) = try DevToolsCLI.load(path, cycles: cycles, memory: memory)
            let profiler = Profiler(code: CodeMap(image: prog.image), symbols: Symbolizer(program: prog))
            var syscalls = LinuxSyscalls(io: StandardIO())
            let reason = hart.run(&syscalls, observer: profiler)
            tree = profiler.tree
            title = "rvx profile: \(lastComponent(path)) (\(hart.cycles) cycles)"
            do { try DevToolsCLI.finish(reason, hart, prog) } catch { exitError = error }
        } else {
            guard let elf else { throw ExecuteCLI.usage("missing --elf") }
            guard let post else { throw ExecuteCLI.usage("missing --post") }
            guard let input else { throw ExecuteCLI.usage("missing --input") }
            let limits = try LimitOptions.resolve(cycles: cycles, memory: memory)
            let request = try ExecuteCommand.request(elf: elf, pre: pre, post: post, input: input, state: state, limits: limits)
            guard case .elf(let bytes) = request.program else { throw ExecuteCLI.usage("missing --elf") }
            let prog: ELFProgram
            do { prog = try ELFLoader.load(bytes) } catch { throw ExecuteCLI.usage("\(elf): \(error)") }
            let profiler = Profiler(code: CodeMap(image: prog.image), symbols: Symbolizer(program: prog))
            let r = execute(request, observer: profiler)
            // Cycles charged outside guest instructions: witness verification before the run, the final
            // state root after it.
            profiler.addExternal(r.cycles &- min(r.cycles, profiler.tree.total), name: "[EXECUTE host: witness + post root]")
            tree = profiler.tree
            title = "rvx profile: EXECUTE \(lastComponent(elf)) (\(r.cycles) cycles, verdict \(r.verdict))"
            printError("rvx: verdict \(r.verdict)" + (r.reason.map { " (\($0))" } ?? ""))
            if !r.verdict { exitError = ExitCode(ExecuteCLI.falseStatus) }
        }
        try DevToolsCLI.write(Flamegraph.render(tree, title: title), to: output)
        if let folded { try DevToolsCLI.write(tree.folded(), to: folded) }
        printSummary(tree)
        if let exitError { throw exitError }
    }

    func lastComponent(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }

    /// The top functions by self cycles, with inclusive cycles, to stderr.
    func printSummary(_ tree: CallTree) {
        let total = max(tree.total, 1)
        var lines = ["rvx: total cycles: \(tree.total)", "rvx:         self   self%    inclusive  function"]
        for f in tree.perFunction().prefix(max(0, top)) where f.selfCycles > 0 {
            let pct = f.selfCycles * 1000 / total
            lines.append("rvx: " + pad(String(f.selfCycles), 12) + pad("\(pct / 10).\(pct % 10)", 8)
                         + pad(String(f.inclusive), 13) + "  " + f.name)
        }
        printError(lines.joined(separator: "\n"))
    }

    func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
}
