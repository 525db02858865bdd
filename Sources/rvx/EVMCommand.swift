import ArgumentParser

/// `rvx evm …`: the reference EVM.
struct EVMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evm", abstract: "The reference EVM.", subcommands: [EVMStateTestCommand.self, EVMBlockTestCommand.self, EVMBenchCommand.self, EVMDiffCommand.self,
                                                                     EVMGenBlockCommand.self, EVMStatelessCommand.self,
                                                                     EVMWitnessReportCommand.self])
}
