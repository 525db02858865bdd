import BinaryTree
import EVM
import EVMPrimitives
import EVMProver
import Execute
import InputContainer
import NativeCrypto
import StatelessEVM

/// The EXECUTE containers of a generated block (docs/EVMBLOCKS.md §3–4).
extension GeneratedBlock {
    public var statelessBlockEnv: StatelessBlockEnv { StatelessBlockEnv(fork: fork, env: block) }

    /// Guest-managed MPT mode (docs/EVMGUEST.md): BATCH, minimal WITNESS (EVMProver), PRE_STATE_ROOT (MPT),
    /// BLOCK_ENV and L1_ANCHOR. The proof's post root must equal the natively computed one.
    public func mptProof() throws(EVMBlocksError) -> EVMProver.Proof {
        let proof: EVMProver.Proof
        do {
            proof = try EVMProver.prove(pre: pre, blockEnv: statelessBlockEnv, transactions: transactions,
                                        crypto: NativeCryptoProvider(), anchor: anchor)
        } catch {
            throw .proverFailed(error.description)
        }
        guard proof.postStateRoot == postRoot, proof.preStateRoot == preRoot else {
            throw .executionMismatch("stateless post root differs from the native one")
        }
        return proof
    }

    /// Runtime-managed binary-tree mode: BATCH, BLOCK_ENV, L1_ANCHOR, PRE_STATE_ROOT (binary tree of the pre-state
    /// laid out by EIP-7864 keys) and the minimal WITNESS from a recording run of `elf` (Execute.Prover).
    public func treeProof(elf: [UInt8], limits: ExecuteLimits = ExecuteLimits()) throws(EVMBlocksError) -> ProverOutput {
        let tree: SHA256BinaryTree
        do { tree = try TreeLayout.tree(pre) } catch { throw .executionMismatch(error.description) }
        let input = ProverInput(program: .elf(elf),
                                sections: [(.batch, Batch.encode(transactions)), (.l1Anchor, anchor),
                                           (.blockEnv, statelessBlockEnv.encode())],
                                preState: tree, stateMode: .runtimeManaged, limits: limits)
        do { return try Prover.prove(input) } catch { throw .proverFailed(error.description) }
    }
}

/// A `TreeStore` over a key→value map (native runs of the runtime-managed executor).
public final class MapTreeStore: TreeStore {
    public private(set) var entries: [Bytes32: Bytes32]
    public private(set) var reads = 0
    public private(set) var writes = 0

    public init(_ entries: [Bytes32: Bytes32]) { self.entries = entries }

    public func read(_ key: UInt256) -> UInt256? {
        reads += 1
        return entries[Bytes32(key.bigEndianBytes)!].map { UInt256(bigEndian: $0.bytes) }
    }

    public func write(_ key: UInt256, _ value: UInt256?) {
        writes += 1
        entries[Bytes32(key.bigEndianBytes)!] = value.map { Bytes32($0.bigEndianBytes)! }
    }
}
