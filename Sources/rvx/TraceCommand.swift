import ArgumentParser
import DevTools
import ELFLoader
import Foundation
import HostABI
import RISCV

/// `rvx trace`: runs an ELF like `rvx run`, printing one line per retired instruction (docs/DEVTOOLS.md).
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Run a RISC-V ELF, printing each retired instruction: pc, symbol+offset, disassembly, value written.")

    @Option(help: "Stop after this many instructions.") var limit: UInt64?
    @Option(help: "Require this register width: 32 or 64.") var xlen: Int?
    @Option(help: "Cycle limit. Default: unlimited.") var cycles: UInt64?
    @Option(help: "Memory limit in bytes; K, M, G suffixes accepted. Default: 1G.") var memory: ByteCount?
    @Option(name: [.short, .customLong("output")], help: "Write the trace to this file instead of stdout.") var output: String?
    @Argument(help: "The ELF file.") var elf: String

    func run() throws {
        let width: XLEN?
        switch xlen {
        case nil: width = nil
        case 32?: width = .rv32
        case 64?: width = .rv64
        default: throw ExecuteCLI.usage("--xlen must be 32 or 64")
        }
        let (program, hart) = try DevToolsCLI.load(elf, xlen: width, cycles: cycles, memory: memory)
        let out = try DevToolsCLI.Writer(path: output)
        let tracer = Tracer(code: CodeMap(image: program.image), symbols: Symbolizer(program: program), limit: limit) {
            out.line($0)
        }
        var syscalls = LinuxSyscalls(io: FlushingIO(flush: out))
        let reason = hart.run(&syscalls, observer: tracer)
        out.flush()
        if tracer.limitReached {
            printError("rvx: trace limit of \(tracer.count) instructions reached")
            return
        }
        try DevToolsCLI.finish(reason, hart, program)
    }
}

/// Standard I/O for guests whose output interleaves with a trace on stdout: flushes the trace first.
struct FlushingIO: GuestIO {
    let flush: DevToolsCLI.Writer
    var io = StandardIO()
    mutating func write(fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int64 {
        flush.flush()
        return io.write(fd: fd, bytes)
    }
    mutating func read(_ buffer: UnsafeMutableRawBufferPointer) -> Int64 { io.read(buffer) }
}

/// Shared plumbing of the developer-tool commands.
enum DevToolsCLI {
    /// Loads the ELF and creates the hart as `rvx run` does (load errors exit with `RunCommand.loadStatus`).
    static func load(_ path: String, xlen: XLEN? = nil, cycles: UInt64?, memory: ByteCount?) throws -> (ELFProgram, Hart) {
        do {
            let program = try ELFLoader.load(path: path, xlen: xlen)
            let hart = try Hart(image: program.image, config: MachineConfig(
                cycleLimit: cycles ?? MachineConfig.defaultCycleLimit,
                memoryLimit: memory?.bytes ?? MachineConfig.defaultMemoryLimit))
            return (program, hart)
        } catch {
            printError("rvx: \(path): \(error)")
            throw ExitCode(RunCommand.loadStatus)
        }
    }

    /// Exits like `rvx run` for the stop `reason`.
    static func finish(_ reason: StopReason, _ hart: Hart, _ program: ELFProgram) throws {
        switch reason {
        case .exited(let code):
            let status = RunCommand.processStatus(for: code)
            if Int64(status) != code { printError("rvx: guest exit code \(code)") }
            if status != 0 { throw ExitCode(status) }
        case .outOfCycles, .outOfMemory:
            printError("rvx: \(describe(reason, program))")
            throw ExitCode(RunCommand.limitStatus)
        default:
            printError("rvx: \(describe(reason, program))")
            throw ExitCode(RunCommand.faultStatus)
        }
    }

    /// The stop, its symbol and the disassembly of the instruction at its pc.
    static func describe(_ reason: StopReason, _ program: ELFProgram) -> String {
        var line = reason.description
        guard let pc = reason.pc else { return line }
        let symbols = Symbolizer(program: program)
        if symbols.lookup(pc) != nil { line += " in " + symbols.describe(pc) }
        if let w = CodeMap(image: program.image).word(at: pc) {
            line += ": 0x" + DisassemblyListing.hex(UInt64(w), digits: 8) + " "
            line += Disassembler.disassemble(w, pc: pc, xlen: program.image.xlen)
        }
        return line
    }

    /// Writes a whole file or fails with a one-line usage error.
    static func write(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw ExecuteCLI.usage("cannot write \(path)")
        }
    }

    /// A buffered line writer to stdout or a file.
    final class Writer {
        let fd: Int32
        var buffer: [UInt8] = []

        init(path: String?) throws {
            if let path {
                let f = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                guard f >= 0 else { throw ExecuteCLI.usage("cannot write \(path)") }
                fd = f
            } else {
                fd = 1
            }
            buffer.reserveCapacity(1 << 16)
        }

        deinit {
            flush()
            if fd != 1 { close(fd) }
        }

        func line(_ s: String) {
            buffer += s.utf8
            buffer.append(0x0A)
            if buffer.count >= 1 << 16 { flush() }
        }

        func flush() {
            var done = 0
            while done < buffer.count {
                let n = buffer.withUnsafeBytes { b -> Int in
                    guard let base = b.baseAddress else { return 0 }
                    return Foundation.write(fd, base + done, b.count - done)
                }
                if n <= 0 { break }
                done += n
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
