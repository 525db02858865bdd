import ArgumentParser

/// The `rvx` command-line tool: run RISC-V guests, verify EXECUTE calls, and drive the reference EVM.
@main
struct RVX: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rvx",
        abstract: "A RISC-V runtime for the generalized EXECUTE precompile of native rollups.",
        version: "0.1.0",
        subcommands: [
            RunCommand.self, EVMCommand.self, ABIHeaderCommand.self, ExecuteCommand.self, ExecuteBlockCommand.self,
            PackCommand.self, RollupCommand.self, DisasmCommand.self, TraceCommand.self, ProfileCommand.self,
        ]
    )
}
