// The EVM guest's block mode (docs/EVMBLOCKS.md §7): with no BLOCK_ENV section, BATCH is a block input
// (docs/FORMAT.md §7) and the guest runs EIP-8079's state_transition over it through StatelessBlockVerifier.
// A valid block declares its header's state root (which the transition checked against the computed root) with
// POST_ROOT and commits blockHash ‖ gasUsed (8 bytes, little-endian). Exit statuses: 2 malformed or unanchored
// input; 3, 4, 5 as in transaction mode; 8 invalid block. Each failure prints one DEBUG_PRINT line.

import BlockInput
import EVMPrimitives
import EthereumBlock
import RVX
import StatelessBlock
import StatelessEVM

enum BlockMode {
    static func run(batch: UnsafeRawBufferPointer, preStateRoot: [UInt8], anchor: [UInt8]?, crypto: GuestCrypto) -> Never {
        do throws(BlockVerificationError) {
            let input: BlockInput
            do { input = try BlockInput.decode(Array(batch)) } catch { throw .input(error) }
            let out = try StatelessBlockVerifier.verify(input, preStateRoot: preStateRoot, anchor: anchor, crypto: crypto)
            let header: BlockHeader
            do { header = try Block.decode(input.block).header } catch { throw .block(error) }
            RVX.postRoot(header.stateRoot.withUnsafeBytes { Word($0) })
            var output = header.hash(crypto)
            for i in 0..<8 { output.append(UInt8(truncatingIfNeeded: out.gasUsed >> (8 * UInt64(i)))) }
            output.withUnsafeBytes { RVX.commit($0) }
            RVX.exit(0)
        } catch {
            var line = "evm-guest: " + error.description + "\n"
            line.withUTF8 { RVX.debugPrint(UnsafeRawBufferPointer($0)) }
            RVX.exit(exitStatus(error))
        }
    }

    static func exitStatus(_ e: BlockVerificationError) -> Int32 {
        switch e {
        case .input: return 2
        case .witness(let w): return w.exitStatus
        case .block: return 8
        }
    }
}
