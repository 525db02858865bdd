// The EVM guests' transaction mode (docs/EVMGUEST.md), compiled into evm-guest and evm-op-guest: BLOCK_ENV,
// BATCH, WITNESS and PRE_STATE_ROOT in, the transactions through StatelessExecutor under the guest's chain
// rules (`L1Variant`, `OPStack`, docs/ROLLUP-EVM.md), POST_ROOT and the public output
// logsHash ‖ gasUsed ‖ per-transaction status and gas out. A failure prints one DEBUG_PRINT line naming
// `guest` and exits with `StatelessError.exitStatus`.

import EVM
import EVMPrimitives
import RVX
import StatelessEVM

enum TransactionMode {
    static func run<V: ChainVariant>(pre: UnsafeRawBufferPointer, batch: UnsafeRawBufferPointer, env: UnsafeRawBufferPointer,
                                     crypto: GuestCrypto, guest: String, variant: V.Type) {
        do throws(StatelessError) {
            let blockEnv = try StatelessBlockEnv.decode(Array(env))
            let transactions = try Batch.decode(Array(batch))
            var witness = ExecutionWitness()
            if let w = RVX.section(.witness) { witness = try ExecutionWitness.decode(Array(w)) }
            let result = try StatelessExecutor.execute(
                preStateRoot: Array(pre), blockEnv: blockEnv, transactions: transactions, witness: witness, crypto: crypto,
                anchor: RVX.section(.l1Anchor).map { Array($0) }, variant: variant)
            RVX.postRoot(result.postStateRoot.withUnsafeBytes { Word($0) })
            result.publicOutput().withUnsafeBytes { RVX.commit($0) }
        } catch {
            stop(error, guest: guest)
        }
    }

    static func stop(_ error: StatelessError, guest: String) -> Never {
        var line = guest + ": " + error.description + "\n"
        line.withUTF8 { RVX.debugPrint(UnsafeRawBufferPointer($0)) }
        RVX.exit(error.exitStatus)
    }
}
