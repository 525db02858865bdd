import ArgumentParser

/// `rvx evm …`: the reference EVM (placeholder until the EVM lands).
struct EVMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evm", abstract: "The reference EVM.", subcommands: [])
}
