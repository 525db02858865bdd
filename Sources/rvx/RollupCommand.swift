import ArgumentParser
import BinaryTree
import EVMPrimitives
import Execute
import Foundation
import TokenRollup

/// `rvx rollup`: the example token rollup end to end (docs/ROLLUP.md §9): genesis → sequencer batch → prover →
/// container → EXECUTE.
struct RollupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "Run the example token rollup (genesis, sequencer, prover, EXECUTE).",
        subcommands: [RollupDemoCommand.self, RollupBuildCommand.self]
    )
}

/// Options shared by `rvx rollup demo` and `rvx rollup build`.
struct RollupOptions: ParsableArguments {
    @Option(help: "Signed transfers in the batch.") var transfers = 1000
    @Option(help: "L1 deposits in the batch (default: transfers / 20).") var deposits: Int?
    @Option(help: "Withdrawals in the batch (default: transfers / 50).") var withdrawals: Int?
    @Option(help: "Genesis accounts (keys derived from --seed).") var accounts = 100
    @Option(help: "Initial balance of every genesis account.") var balance: UInt64 = 1_000_000_000
    @Option(help: "Seed of the account keys and of the batch plan.") var seed: UInt64 = 1
    @Option(help: "Chain id (CONFIG section; part of every signed message).") var chainId: UInt64 = 1337
    @Option(help: "Guest XLEN: 64 or 32.") var xlen = 64
    @Option(help: "The STF ELF. Default: guest/build/rv<xlen>/examples/token-rollup.") var stf: String?

    func validate() throws {
        guard xlen == 64 || xlen == 32 else { throw ValidationError("--xlen must be 32 or 64") }
        guard transfers >= 0, (1...1_000_000).contains(accounts), (deposits ?? 0) >= 0, (withdrawals ?? 0) >= 0 else {
            throw ValidationError("counts must be non-negative and --accounts between 1 and 1,000,000")
        }
        guard transfers + (deposits ?? transfers / 20) + (withdrawals ?? transfers / 50) <= 1_000_000 else {
            throw ValidationError("at most 1,000,000 operations per batch")
        }
    }

    var stfPath: String { stf ?? "guest/build/rv\(xlen)/examples/token-rollup" }

    func loadSTF() throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: stfPath) else {
            printError("rvx: cannot read the STF \(stfPath): build it with toolchain/build-guests.sh or pass --stf")
            throw ExitCode(2)
        }
        return [UInt8](data)
    }
}

/// One sequenced and proved batch, with timings.
struct RollupRun {
    let genesis: TokenGenesis
    let config: TokenConfig
    let batch: [UInt8]
    let anchor: [UInt8]
    let proof: TokenRollupProof
    let model: TokenOutput
    let modelRoot: [UInt8]
    let times: [(String, Duration)]

    static func make(_ o: RollupOptions, elf: [UInt8]) throws -> RollupRun {
        let clock = ContinuousClock()
        var times: [(String, Duration)] = []
        var t = clock.now
        func lap(_ name: String) { let n = clock.now; times.append((name, n - t)); t = n }

        let genesis = TokenGenesis(seed: o.seed, accounts: o.accounts, initialBalance: TokenAmount(o.balance))
        _ = genesis.tree.root()
        lap("genesis")
        let config = TokenConfig(chainId: o.chainId)
        var sequencer = TokenSequencer(genesis: genesis, config: config)
        let batch = sequencer.makeBatch(transfers: o.transfers, deposits: o.deposits ?? o.transfers / 20,
                                        withdrawals: o.withdrawals ?? o.transfers / 50, seed: o.seed).encode()
        lap("sequence+sign")
        let anchor = Keccak256.hash(Array("L1 anchor for seed \(o.seed)".utf8))
        let proof: TokenRollupProof
        do {
            proof = try TokenRollupProver.prove(elf: elf, preState: genesis.tree, batch: batch, config: config, l1Anchor: anchor)
        } catch {
            printError("rvx: \(error)")
            throw ExitCode(1)
        }
        lap("prove")
        var model = genesis.tree
        let out = try TokenSTF.apply(batch: batch, config: config, l1Anchor: anchor, to: &model)
        lap("native model")
        return RollupRun(genesis: genesis, config: config, batch: batch, anchor: anchor, proof: proof, model: out,
                         modelRoot: model.root().bytes, times: times)
    }
}

func hexString(_ b: [UInt8]) -> String { "0x" + TokenHex.encode(b) }

func formatDuration(_ d: Duration) -> String {
    let ms = Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15
    return ms >= 1000 ? String(format: "%.2f s", ms / 1e3) : String(format: "%.1f ms", ms)
}

/// `rvx rollup demo`: everything in memory; prints the verdict with cycles, gas, witness size and wall times.
struct RollupDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Genesis → batch → prove → container → EXECUTE, in memory; prints true/false and the metering.",
        discussion: "Exit status: 0 if EXECUTE answered true and agrees with the native model, 1 otherwise, 2 on usage errors."
    )

    @OptionGroup var options: RollupOptions

    func run() throws {
        let elf = try options.loadSTF()
        let r = try RollupRun.make(options, elf: elf)
        let clock = ContinuousClock()
        let start = clock.now
        let result = execute(TokenRollupProver.request(elf: elf, proof: r.proof))
        let verify = clock.now - start
        let ops = (try? TokenBatch(decoding: r.batch).ops.count) ?? 0

        print("token rollup: \(options.stfPath) (rv\(options.xlen))")
        print("genesis:   \(options.accounts) accounts, pre-state root \(hexString(r.proof.preRoot))")
        print("batch:     \(ops) operations (\(options.transfers) transfers, \(r.model.deposits) deposits, "
              + "\(r.model.withdrawals.count) withdrawals), \(r.batch.count) bytes")
        print("witness:   \(r.proof.witnessSize) bytes; container \(r.proof.container.count) bytes")
        print("post root: \(hexString(r.proof.postRoot))")
        print(result.verdict ? "true" : "false" + (result.reason.map { ": \($0)" } ?? ""))
        print("cycles:    \(result.cycles) (\(result.instructions) instructions)")
        print("gas:       \(result.gas)")
        print("output:    \(result.output.count) bytes, keccak \(hexString(result.outputKeccak))")
        for (name, d) in r.times { print("time:      \(name) \(formatDuration(d))") }
        let mips = Double(result.instructions) / max(Double(verify.components.attoseconds) / 1e18
                                                   + Double(verify.components.seconds), 1e-9) / 1e6
        print("time:      execute \(formatDuration(verify)) (\(String(format: "%.1f", mips)) MIPS)")
        let agrees = r.modelRoot == r.proof.postRoot && r.model.encode() == result.output
        print("model:     native model \(agrees ? "agrees" : "DISAGREES") (post root and output)")
        // The same call with a claimed post root that differs in one bit must answer false (root mismatch).
        var wrong = TokenRollupProver.request(elf: elf, proof: r.proof)
        wrong.claimedPostRoot[31] ^= 1
        let negative = execute(wrong)
        let rejected: Bool
        if !negative.verdict, case .rootMismatch? = negative.reason { rejected = true } else { rejected = false }
        print("negative:  claimed root with its last bit flipped -> "
              + (negative.verdict ? "true (WRONG)" : "false" + (negative.reason.map { ": \($0)" } ?? "")))
        if !(result.verdict && agrees && rejected) { throw ExitCode(1) }
    }
}

/// `rvx rollup build --out DIR`: writes the STF, container and roots so that `rvx execute` can be run by hand.
struct RollupBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a proved batch into DIR: stf.elf, container.bin, pre-root.txt, post-root.txt, batch.bin, output.bin.",
        discussion: """
            Also writes the inputs of `rvx prove`: genesis.json (the pre-state file), config.bin, l1-anchor.txt and,             with --batches N, batch-1.bin … batch-N.bin, consecutive batches from genesis (batch-1.bin = batch.bin).
            """
    )

    @OptionGroup var options: RollupOptions
    @Option(help: "Output directory (created if missing).") var out: String
    @Option(help: "Also write this many consecutive batches (batch-1.bin …) for `rvx prove`.") var batches = 0

    func run() throws {
        let elf = try options.loadSTF()
        let r = try RollupRun.make(options, elf: elf)
        let fm = FileManager.default
        try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: out).appendingPathComponent(name))
        }
        try write("stf.elf", elf)
        try write("container.bin", r.proof.container)
        try write("batch.bin", r.batch)
        try write("output.bin", r.proof.result.output)
        try write("pre-root.txt", Array((hexString(r.proof.preRoot) + "\n").utf8))
        try write("post-root.txt", Array((hexString(r.proof.postRoot) + "\n").utf8))
        try write("genesis.json", StateFile.encode(r.genesis.tree))
        try write("config.bin", r.config.encode())
        try write("l1-anchor.txt", Array((hexString(r.anchor) + "\n").utf8))
        var sequencer = TokenSequencer(genesis: r.genesis, config: r.config)
        for i in 0..<max(batches, 0) {
            let o = options
            let b = sequencer.makeBatch(transfers: o.transfers, deposits: o.deposits ?? o.transfers / 20,
                                        withdrawals: o.withdrawals ?? o.transfers / 50, seed: o.seed &+ UInt64(i)).encode()
            try write("batch-\(i + 1).bin", b)
        }
        print("wrote \(out)/{stf.elf,container.bin,batch.bin,output.bin,pre-root.txt,post-root.txt}")
        print("witness \(r.proof.witnessSize) bytes, container \(r.proof.container.count) bytes, cycles \(r.proof.result.cycles)")
        print("verify with:")
        print("  rvx execute --elf \(out)/stf.elf --pre \(hexString(r.proof.preRoot)) --post \(hexString(r.proof.postRoot)) "
              + "--input \(out)/container.bin")
    }
}
