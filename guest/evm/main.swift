// evm-guest: the bundled EVM state-transition function for rvx, guest-managed over Ethereum's MPT
// (docs/EVMGUEST.md). Reads BLOCK_ENV, BATCH, WITNESS and PRE_STATE_ROOT from the input container, runs
// the transactions with the shared EVM core through StatelessEVM (every trie node checked by its keccak
// hash from PRE_STATE_ROOT), declares the new state root with POST_ROOT and commits the public output:
// logsHash ‖ gasUsed ‖ per-transaction status and gas. Exit statuses: 0 ok; 2 malformed input;
// 3 witness incomplete; 4 witness invalid; 6 not under rvx; 8 invalid block; 70 SDK call failure.
// Each failure prints one DEBUG_PRINT line. Without BLOCK_ENV, BATCH is an Ethereum block input and the
// guest verifies the block (BlockMode.swift, docs/EVMBLOCKS.md §7); with it, TransactionMode.swift runs the batch.

import EVM
import BlockInput
import EVMPrimitives
import EthereumBlock
import RVX
import StatelessBlock
import StatelessEVM

@main
struct EVMGuest {
    static func main() {
        guard RVX.isAvailable else {
            print("evm-guest: not running under rvx")
            RVX.exit(6)
        }
        guard let pre = RVX.section(.preStateRoot), let batch = RVX.section(.batch) else {
            TransactionMode.stop(.malformedBatch, guest: "evm-guest")
        }
        let crypto = GuestCrypto()
        guard let env = RVX.section(.blockEnv) else {
            let anchor = RVX.section(.l1Anchor).map { Array($0) }
            BlockMode.run(batch: batch, crypto: crypto, guest: "evm-guest", declareRoot: true) { input throws(BlockVerificationError) in
                try StatelessBlockVerifier.verify(input, preStateRoot: Array(pre), anchor: anchor, crypto: crypto)
            }
        }
        TransactionMode.run(pre: pre, batch: batch, env: env, crypto: crypto, guest: "evm-guest", variant: L1Variant.self)
    }
}
