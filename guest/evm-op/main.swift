// evm-op-guest: the OP Stack variant of the EVM guest (docs/ROLLUP-EVM.md): the same sources as evm-guest's
// transaction mode — BLOCK_ENV, BATCH, WITNESS, PRE_STATE_ROOT in, POST_ROOT and the public output
// logsHash ‖ gasUsed ‖ per-transaction status and gas out — with the shared EVM core specialised for
// `OPStack` (deposits of type 0x7E, the L1 data fee, fee vaults, P256VERIFY, COINBASE). Exit statuses as
// evm-guest's: 0 ok; 2 malformed input; 3 witness incomplete; 4 witness invalid; 6 not under rvx; 70 SDK
// call failure. There is no block mode.

import OPStackEVM
import StatelessEVM
import RVX

@main
struct EVMOPGuest {
    static func main() {
        guard RVX.isAvailable else {
            print("evm-op-guest: not running under rvx")
            RVX.exit(6)
        }
        guard let pre = RVX.section(.preStateRoot), let batch = RVX.section(.batch), let env = RVX.section(.blockEnv) else {
            TransactionMode.stop(.malformedBatch, guest: "evm-op-guest")
        }
        TransactionMode.run(pre: pre, batch: batch, env: env, crypto: GuestCrypto(), guest: "evm-op-guest", variant: OPStack.self)
    }
}
