import ArgumentParser
import DevTools
import ELFLoader
import GuestABI
import HostABI
import RISCV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `rvx run`: runs a statically linked RV32IM/RV64IM Linux-ABI ELF under the interpreter
/// (docs/ARCHITECTURE.md "Interpreter"), with stdout/stderr passed through.
struct RunCommand: ParsableCommand {
    /// Exit status when the guest faults (illegal instruction, access fault, misaligned jump, ebreak).
    static let faultStatus: Int32 = 134
    /// Exit status when the guest runs out of cycles or memory.
    static let limitStatus: Int32 = 137
    /// Exit status when the ELF cannot be loaded.
    static let loadStatus: Int32 = 2
    /// Exit status when the guest's exit code is outside 0...255; the full code is printed on stderr.
    static let wideCodeStatus: Int32 = 255

    /// The process status for a guest exit code: the code itself when it fits 0...255, otherwise
    /// `wideCodeStatus`, so that no nonzero code (256, -1, 2^32) is ever reported as success.
    static func processStatus(for code: Int64) -> Int32 {
        (0...255).contains(code) ? Int32(code) : wideCodeStatus
    }

    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a RISC-V ELF program.",
        discussion: """
            Exit status: the guest's exit code when it is 0-255; any other code (the full register value, \
            e.g. 256 or -1) prints "rvx: guest exit code N" on stderr and gives \(wideCodeStatus). \
            \(faultStatus) if the guest faults, \(limitStatus) if it runs out of cycles or memory, \
            \(loadStatus) if the ELF is rejected.
            """
    )

    @Option(help: "Cycle limit (one cycle per retired instruction). Default: unlimited.")
    var cycles: UInt64?

    @Option(help: "Memory limit in bytes, 64K to 2G; K, M, G suffixes (binary) accepted. Default: 1G.")
    var memory: ByteCount?

    @Flag(help: "Print instructions, cycles, misaligned accesses, memory, wall time and MIPS to stderr.")
    var stats = false

    @Option(help: "Wait for gdb on 127.0.0.1:PORT (GDB remote protocol; 0 = any free port) and run under it.")
    var gdb: UInt16?

    @OptionGroup var engineOptions: EngineOptions

    @OptionGroup var progress: ProgressOptions

    @Argument(help: "The ELF file.")
    var elf: String

    /// A limit that cannot be meant (`--cycles 0`, `--memory` outside 64K…2G) is a usage error, as for `execute`.
    func validate() throws { _ = try LimitOptions.resolve(cycles: cycles, memory: memory) }

    func run() throws {
        let (engine, translator) = try engineOptions.resolve(default: .fast)
        let program: ELFProgram
        let hart: Hart
        do {
            program = try ELFLoader.load(path: elf)
            hart = try Hart(image: program.image, config: MachineConfig(
                cycleLimit: cycles ?? MachineConfig.defaultCycleLimit,
                memoryLimit: memory?.bytes ?? MachineConfig.defaultMemoryLimit, engine: engine))
        } catch {
            printError("rvx: \(elf): \(error)")
            throw ExitCode(RunCommand.loadStatus)
        }
        if let translator {
            do { try translator.install(on: hart) } catch {
                // auto falls back to the fast engine (a translated hart without a translation runs it).
                if engineOptions.engine == .translated { throw ExecuteCLI.usage("--engine translated: \(error)") }
            }
        }
        var syscalls = LinuxSyscalls(io: StandardIO(), extension: AcceleratorSyscalls())
        let clock = ContinuousClock()
        let start = clock.now
        let reason: StopReason
        if let port = gdb {
            reason = try RunCommand.debug(hart, syscalls, port: port)
        } else if progress.enabled {
            reason = RunProgress.run(hart, &syscalls)
        } else {
            reason = hart.run(&syscalls)
        }
        let elapsed = clock.now - start
        if stats { printStats(hart, elapsed) }
        switch reason {
        case .exited(let code):
            let status = RunCommand.processStatus(for: code)
            if Int64(status) != code { printError("rvx: guest exit code \(code)") }
            throw ExitCode(status)
        case .outOfCycles, .outOfMemory:
            printError("rvx: \(describe(reason, hart, program))")
            throw ExitCode(RunCommand.limitStatus)
        default:
            printError("rvx: \(describe(reason, hart, program))")
            throw ExitCode(RunCommand.faultStatus)
        }
    }

    /// Runs the guest under a gdb stub (docs/DEVTOOLS.md); a debugger that kills or leaves ends the run.
    static func debug<H: SyscallHandler>(_ hart: Hart, _ handler: H, port: UInt16) throws -> StopReason {
        do {
            let server = try GDBServer(port: port)
            printError("rvx: gdb stub listening on 127.0.0.1:\(server.port)")
            let stub = GDBStub(hart: hart, handler: handler)
            return try server.serve(stub) ?? .halted(code: 9, reason: "debugger disconnected")
        } catch {
            printError("rvx: \(error)")
            throw ExitCode(RunCommand.loadStatus)
        }
    }

    /// One line: the stop, its symbol, and the instruction word with its disassembly.
    func describe(_ reason: StopReason, _ hart: Hart, _ program: ELFProgram) -> String {
        var line = reason.description
        guard let pc = reason.pc else { return line }
        // The DevTools symbolizer skips the psABI mapping symbols ($x…, $d) that mark code and data.
        if let (s, offset) = Symbolizer(program: program).lookup(pc) { line += " in \(s.name)+0x\(String(offset, radix: 16))" }
        if hart.memory.permissions(at: pc).contains(.execute), let b = hart.memory.read(pc, count: 4) {
            let w = UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
            let hex = String(w, radix: 16)
            line += ": 0x" + String(repeating: "0", count: 8 - hex.count) + hex
            line += " " + Disassembler.disassemble(w, pc: pc, xlen: hart.xlen)
        }
        return line
    }

    func printStats(_ hart: Hart, _ elapsed: Duration) {
        let c = elapsed.components
        let micros = UInt64(c.seconds) * 1_000_000 + UInt64(c.attoseconds / 1_000_000_000_000)
        let retired = hart.instructionsRetired
        let mips = micros == 0 ? 0 : retired / micros
        let frac = micros == 0 ? 0 : (retired * 10 / micros) % 10
        printError("""
            rvx: instructions retired: \(retired)
            rvx: cycles:               \(hart.cycles)
            rvx: misaligned accesses: \(hart.memory.misalignedAccesses)
            rvx: memory used:         \(hart.memory.memoryUsed) bytes
            rvx: wall time:           \(micros / 1_000_000).\(pad6(micros % 1_000_000)) s
            rvx: speed:               \(mips).\(frac) MIPS
            """)
    }

    func pad6(_ v: UInt64) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }
}

/// Writes a line to the host's stderr.
func printError(_ s: String) {
    var line = s + "\n"
    line.withUTF8 { b in _ = write(2, b.baseAddress, b.count) }
}

