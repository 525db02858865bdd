import ArgumentParser

/// `rvx run`: run a statically linked RISC-V ELF (placeholder until the foundation lands).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a RISC-V ELF program.")
    @Argument(help: "The ELF file.") var elf: String
    func run() throws { throw ValidationError("not yet implemented") }
}
