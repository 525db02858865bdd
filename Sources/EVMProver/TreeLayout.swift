import BinaryTree
import EVM
import EVMPrimitives
import NativeCrypto
import StatelessEVM

/// Lays a whole `InMemoryState` out in the binary tree by EIP-7864's keys (docs/EVMBLOCKS.md §4), for the
/// runtime-managed variant's pre-state and for the independent computation of its expected post root.
/// Every account gets its basic-data and code-hash leaves, contracts their code chunks, and every non-zero
/// storage slot a leaf.
public enum TreeLayout {
    public static func entries(_ state: InMemoryState) throws(TreeStateError) -> [Bytes32: Bytes32] {
        let crypto = NativeCryptoProvider()
        var out: [Bytes32: Bytes32] = [:]
        func put(_ k: UInt256, _ v: UInt256) { out[Bytes32(k.bigEndianBytes)!] = Bytes32(v.bigEndianBytes)! }
        for (a, e) in state.entries {
            let header = TreeKeys.stem(a, treeIndex: .zero, crypto: crypto)
            guard let basic = BasicData(codeSize: e.account.code.count, nonce: e.account.nonce,
                                        balance: e.account.balance).leaf else {
                throw e.account.code.count >= (1 << 24) ? .codeTooLarge(a) : .balanceTooLarge(a)
            }
            put(TreeKeys.key(stem: header, subindex: TreeKeys.basicDataLeafKey), basic)
            put(TreeKeys.key(stem: header, subindex: TreeKeys.codeHashLeafKey), e.account.codeHash)
            for (i, chunk) in CodeChunks.chunkify(e.account.code).enumerated() {
                let loc = TreeKeys.codeChunkLocation(i)
                put(TreeKeys.key(stem: TreeKeys.stem(a, treeIndex: loc.treeIndex, crypto: crypto), subindex: loc.subindex), chunk)
            }
            for (slot, v) in e.storage where !v.isZero {
                let loc = TreeKeys.storageLocation(slot)
                put(TreeKeys.key(stem: TreeKeys.stem(a, treeIndex: loc.treeIndex, crypto: crypto), subindex: loc.subindex), v)
            }
        }
        return out
    }

    /// The binary tree of `state`.
    public static func tree(_ state: InMemoryState) throws(TreeStateError) -> SHA256BinaryTree {
        SHA256BinaryTree(try entries(state))
    }
}
