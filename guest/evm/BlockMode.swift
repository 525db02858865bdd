// The EVM guests' block mode (docs/EVMBLOCKS.md §7, §10), compiled into both guests: with no BLOCK_ENV section,
// BATCH is a block input (docs/FORMAT.md §7) and the guest runs EIP-8079's state_transition over it through the
// one block driver, StatelessBlockVerifier (`verify` over the MPT witness, `verifyOverTree` over the runtime's
// binary tree). A valid block commits blockHash ‖ gasUsed (8 bytes, little-endian); the MPT guest also declares
// the header's state root (which the transition checked against the computed root) with POST_ROOT, while under
// the tree the runtime computes the root. Exit statuses: 2 malformed or unanchored input; 3, 4, 5 as in
// transaction mode; 8 invalid block or state layout error. Each failure prints one DEBUG_PRINT line.

import BlockInput
import EVMPrimitives
import EthereumBlock
import RVX
import StatelessBlock
import StatelessEVM

enum BlockMode {
    /// Runs the block of `batch` with `verify`; `guest` names the program in the failure line, `declareRoot`
    /// declares the header's state root with POST_ROOT.
    static func run(batch: UnsafeRawBufferPointer, crypto: GuestCrypto, guest: String, declareRoot: Bool,
                    verify: (BlockInput) throws(BlockVerificationError) -> BlockOutput) -> Never {
        do throws(BlockVerificationError) {
            let input: BlockInput
            do { input = try BlockInput.decode(Array(batch)) } catch { throw .input(error) }
            let out = try verify(input)
            let header: BlockHeader
            do { header = try Block.decode(input.block).header } catch { throw .block(error) }
            if declareRoot { RVX.postRoot(header.stateRoot.withUnsafeBytes { Word($0) }) }
            var output = header.hash(crypto)
            for i in 0..<8 { output.append(UInt8(truncatingIfNeeded: out.gasUsed >> (8 * UInt64(i)))) }
            output.withUnsafeBytes { RVX.commit($0) }
            RVX.exit(0)
        } catch {
            var line = guest + ": " + error.description + "\n"
            line.withUTF8 { RVX.debugPrint(UnsafeRawBufferPointer($0)) }
            RVX.exit(exitStatus(error))
        }
    }

    static func exitStatus(_ e: BlockVerificationError) -> Int32 {
        switch e {
        case .input: return 2
        case .witness(let w): return w.exitStatus
        case .block, .treeState: return 8
        }
    }
}
