import ArgumentParser
import EVMBlocks
import EVMPrimitives
import EVMProver
import Execute
import Foundation
import NativeCrypto
import OPStackEVM

/// `rvx evm genblock`: generates a deterministic rollup block of ETH and ERC-20 transfers with its pre-state,
/// minimal witness and expected post root, and writes the EXECUTE container (docs/EVMBLOCKS.md §3).
struct EVMGenBlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "genblock",
        abstract: "Generate a rollup block of signed ETH and ERC-20 transfers as an EXECUTE container.",
        discussion: """
            --mode mpt (default): guest-managed container for guest/build/rvXX/evm/evm-guest (MPT witness). \
            --mode block: an ordinary Ethereum (Cancun) block with every header commitment, in the EVM guest's block mode \
            (guest/build/rvXX/evm/evm-guest, docs/EVMBLOCKS.md §3). \
            --mode tree: runtime-managed container for guest/build/rvXX/evm-bt/evm-bt-guest (binary tree); the \
            witness comes from a recording run of that guest (--xlen selects it, --elf overrides). \
            --variant op: an OP Stack block (L1 attributes deposit, user deposits, ETH transfers paying the L1 fee) \
            for guest/build/rvXX/evm-op/evm-op-guest (mpt mode only; docs/ROLLUP-EVM.md §4). Prints the \
            pre- and post-state roots and the rvx execute command line. Exit status 0, or 2 on errors.
            """)

    @Option(help: "Block gas limit; transactions are added while they fit.") var gas: UInt64 = 30_000_000
    @Option(help: "Percentage of ERC-20 transfers (0-100).") var erc20Share: UInt64 = 50
    @Option(help: "Seed of every choice.") var seed: UInt64 = 1
    @Option(help: "Number of funded accounts (default gas/42000, at least 8).") var accounts: Int?
    @Option(help: "Guest XLEN for the printed command line and the tree-mode recording run: 64 or 32.") var xlen: Int = 64
    @Option(help: "mpt (guest-managed batch), block (an Ethereum block, guest-managed) or tree (runtime-managed binary tree).") var mode: String = "mpt"
    @Option(help: "The guest ELF (default guest/build/rv<xlen>/evm/evm-guest or evm-bt/evm-bt-guest).") var elf: String?
    @Option(name: .shortAndLong, help: "Output container file.") var output: String?
    @OptionGroup var compression: CompressOption
    @Option(help: "Chain rules: l1 (default) or op (the OP Stack variant, docs/ROLLUP-EVM.md).") var variant: String = "l1"
    @Option(help: "With --variant op: percentage (0-100) of user deposits among the transactions.") var depositShare: UInt64 = 25

    func run() throws {
        guard let output else { throw ExecuteCLI.usage("missing -o OUTPUT") }
        guard xlen == 64 || xlen == 32 else { throw ExecuteCLI.usage("--xlen must be 64 or 32") }
        guard ["mpt", "tree", "block"].contains(mode) else { throw ExecuteCLI.usage("--mode must be mpt, tree or block") }
        let options = GenBlockOptions(gas: gas, erc20Share: erc20Share, seed: seed, accounts: accounts)
        guard variant == "l1" || variant == "op" else { throw ExecuteCLI.usage("--variant must be l1 or op") }
        if variant == "op" { return try runOP(options, output: output) }
        let defaultELF = mode != "tree" ? "guest/build/rv\(xlen)/evm/evm-guest" : "guest/build/rv\(xlen)/evm-bt/evm-bt-guest"
        let elfPath = elf ?? defaultELF
        let block: GeneratedBlock
        do { block = try BlockGenerator.generate(options) } catch { throw ExecuteCLI.usage(error.description) }
        var container: [UInt8], pre: [UInt8], post: [UInt8], witness: Int
        if mode == "block" {
            let proof: EthereumBlockProof
            do { proof = try EthereumBlockProof.make(block) } catch { throw ExecuteCLI.usage("\(error)") }
            (container, pre, post, witness) = (proof.proof.container, block.preRoot, proof.block.header.stateRoot, proof.proof.witnessBytes)
            print("ethereum block \(proof.block.header.number): hash \(ExecuteCLI.hexString(proof.block.header.hash(NativeCryptoProvider()))), "
                  + "gas used \(proof.block.header.gasUsed), receipts root \(ExecuteCLI.hexString(proof.block.header.receiptsRoot))")
        } else if mode == "mpt" {
            let proof: EVMProver.Proof
            do { proof = try block.mptProof() } catch { throw ExecuteCLI.usage(error.description) }
            (container, pre, post, witness) = (proof.container, proof.preStateRoot, proof.postStateRoot, proof.witnessBytes)
        } else {
            let program = try ExecuteCLI.read(elfPath, what: "ELF")
            let proof: ProverOutput
            do { proof = try block.treeProof(elf: program) } catch { throw ExecuteCLI.usage(error.description) }
            let preTree: [UInt8]
            do { preTree = try TreeLayout.tree(block.pre).root().bytes } catch { throw ExecuteCLI.usage("\(error)") }
            (container, pre, post, witness) = (proof.container, preTree, proof.postRoot, proof.witnessSize)
        }
        let plainBytes = container.count
        let decodeCycles: UInt64
        (container, decodeCycles) = try compression.apply(container)
        guard FileManager.default.createFile(atPath: output, contents: Data(container)) else {
            throw ExecuteCLI.usage("cannot write \(output)")
        }
        print("block: \(block.transactions.count) transactions (\(block.ethTransfers) ETH, \(block.erc20Transfers) ERC-20), "
              + "\(block.gasUsed) gas of \(gas), \(options.accounts ?? max(8, Int(gas / 21_000) / 2)) accounts")
        print("container: \(container.count) bytes, witness \(witness) bytes (\(mode))"
              + (compression.compress.map { ", \($0) of \(plainBytes) bytes, decode charge \(decodeCycles) cycles" } ?? ""))
        print("pre-state root:  \(ExecuteCLI.hexString(pre))")
        print("post-state root: \(ExecuteCLI.hexString(post))")
        print("run: rvx execute --elf \(elfPath) --state \(mode != "tree" ? "guest" : "runtime") "
              + "--pre \(ExecuteCLI.hexString(pre)) --post \(ExecuteCLI.hexString(post)) --input \(output)")
    }

    /// `--variant op`: the OP Stack block and its container for evm-op-guest.
    func runOP(_ options: GenBlockOptions, output: String) throws {
        guard mode == "mpt" else { throw ExecuteCLI.usage("--variant op supports --mode mpt only") }
        guard depositShare <= 100 else { throw ExecuteCLI.usage("--deposit-share must be 0-100") }
        let block: OPStackBlockGenerator.Block
        let proof: EVMProver.Proof
        do {
            block = try OPStackBlockGenerator.generate(options, depositShare: depositShare)
            proof = try block.proof()
        } catch { throw ExecuteCLI.usage(error.description) }
        let (container, decodeCycles) = try compression.apply(proof.container)
        guard FileManager.default.createFile(atPath: output, contents: Data(container)) else {
            throw ExecuteCLI.usage("cannot write \(output)")
        }
        let elfPath = elf ?? "guest/build/rv\(xlen)/evm-op/evm-op-guest"
        print("op block: \(block.transactions.count) transactions (\(block.deposits) deposits of which \(block.failedDeposits) failed, "
              + "\(block.transfers) transfers), \(block.gasUsed) gas of \(gas)")
        print("container: \(container.count) bytes, witness \(proof.witnessBytes) bytes (mpt)"
              + (compression.compress.map { ", \($0) of \(proof.container.count) bytes, decode charge \(decodeCycles) cycles" } ?? ""))
        print("pre-state root:  \(ExecuteCLI.hexString(block.preRoot))")
        print("post-state root: \(ExecuteCLI.hexString(block.postRoot))")
        print("run: rvx execute --elf \(elfPath) --state guest --pre \(ExecuteCLI.hexString(block.preRoot)) "
              + "--post \(ExecuteCLI.hexString(block.postRoot)) --input \(output)")
    }
}
