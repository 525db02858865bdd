import ArgumentParser

/// The `rvx` command-line tool: run RISC-V guests, verify and prove EXECUTE calls, and drive the reference EVM.
@main
struct RVX: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rvx",
        abstract: "A RISC-V runtime for the generalized EXECUTE precompile of native rollups.",
        version: "0.1.0",
        subcommands: [
            RunCommand.self, EVMCommand.self, ABIHeaderCommand.self, ExecuteCommand.self, ExecuteBlockCommand.self,
            PackCommand.self, ProveCommand.self, StateCommand.self, RollupCommand.self, DisasmCommand.self,
            TraceCommand.self, ProfileCommand.self, TranslateCommand.self,
        ]
    )

    /// Parses and runs the command; every usage error (unknown or missing option, invalid value) exits with
    /// status 2, as the commands' own usage errors do.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                exit(withError: ExitCode(ExecuteCLI.usageStatus))
            }
            exit(withError: error)
        }
    }
}
