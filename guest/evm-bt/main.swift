// evm-bt-guest: the bundled EVM over the runtime's binary tree (runtime-managed mode, docs/EVMBLOCKS.md §4).
// Reads BLOCK_ENV and BATCH (docs/EVMGUEST.md §2–3) and the optional L1_ANCHOR from the input container, runs
// the anchor system call and the transactions with the shared EVM core over state read with STATE_READ
// (accounts, code and storage at their EIP-7864 keys; an uncovered key stops the run: witness incomplete),
// writes the changed leaves with STATE_WRITE (rvx recomputes the root) and commits the public output of
// docs/EVMGUEST.md §5. Exit statuses: 0 ok; 2 malformed input; 6 not under rvx;
// 8 state layout error (balance ≥ 2^128, bad leaf); 70 SDK call failure.
// Without BLOCK_ENV, BATCH is an Ethereum block input verified over the tree (guest/evm/BlockMode.swift,
// docs/EVMBLOCKS.md §10). GuestCrypto.swift and BlockMode.swift of guest/evm are compiled into this program.

import EVM
import BlockInput
import EVMPrimitives
import EthereumBlock
import RVX
import StatelessBlock
import StatelessEVM

@main
struct EVMTreeGuest {
    static func main() {
        guard RVX.isAvailable else {
            print("evm-bt-guest: not running under rvx")
            RVX.exit(6)
        }
        guard let batch = RVX.section(.batch) else { stop("malformed input: BATCH absent", 2) }
        guard let env = RVX.section(.blockEnv) else {
            // Block mode (docs/EVMBLOCKS.md §10): BATCH is a block input, the state the runtime's tree.
            let anchor = RVX.section(.l1Anchor).map { Array($0) }
            let crypto = GuestCrypto()
            BlockMode.run(batch: batch, crypto: crypto, guest: "evm-bt-guest", declareRoot: false) { input throws(BlockVerificationError) in
                try StatelessBlockVerifier.verifyOverTree(input, store: SyscallTreeStore(), anchor: anchor, crypto: crypto)
            }
        }
        let blockEnv: StatelessBlockEnv
        let transactions: [[UInt8]]
        do throws(StatelessError) {
            blockEnv = try StatelessBlockEnv.decode(Array(env))
            transactions = try Batch.decode(Array(batch))
        } catch {
            stop(error.description, error.exitStatus)
        }
        do throws(RuntimeManagedError) {
            let result = try RuntimeManagedExecutor.execute(
                store: SyscallTreeStore(), fork: blockEnv.fork, block: blockEnv.env, transactions: transactions,
                anchor: RVX.section(.l1Anchor).map { Array($0) }, crypto: GuestCrypto())
            result.publicOutput().withUnsafeBytes { RVX.commit($0) }
        } catch {
            stop(error.description, error.exitStatus)
        }
    }

    static func stop(_ reason: String, _ status: Int32) -> Never {
        var line = "evm-bt-guest: " + reason + "\n"
        line.withUTF8 { RVX.debugPrint(UnsafeRawBufferPointer($0)) }
        RVX.exit(status)
    }
}
