import ArgumentParser

/// `rvx evm bench`: gas-per-second benchmarks of hand-assembled contracts (see Benchmarks/evm).
struct EVMBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "EVM gas/second benchmarks.")
    func run() throws { throw ValidationError("not yet implemented") }
}
