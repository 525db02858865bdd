import ArgumentParser
import DevTools
import ELFLoader

/// `rvx disasm`: symbolized disassembly of an ELF's executable segments (docs/DEVTOOLS.md).
struct DisasmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disasm",
        abstract: "Disassemble the executable segments of a RISC-V ELF, with symbols.")

    @Argument(help: "The ELF file.")
    var elf: String

    func run() throws {
        let program: ELFProgram
        do { program = try ELFLoader.load(path: elf) } catch {
            printError("rvx: \(elf): \(error)")
            throw ExitCode(RunCommand.loadStatus)
        }
        print(DisassemblyListing.render(program), terminator: "")
    }
}
