import EVMPrimitives

/// EIP-7864 §"Tree embedding": where an account's header, code and storage live in the binary tree.
/// `get_tree_key(address32, tree_index, sub_index) = H(address32 ‖ le32(tree_index))[0..<31] ‖ sub_index`
/// with H = SHA-256 (rvx's choice, as for the tree's node hash; the EIP's draft hash is not final).
/// Keys are handled as big-endian `UInt256` words: byte 31 (the subindex) is the low byte.
public enum TreeKeys {
    public static let basicDataLeafKey: UInt8 = 0
    public static let codeHashLeafKey: UInt8 = 1
    public static let headerStorageOffset: UInt64 = 64
    public static let codeOffset: UInt64 = 128
    public static let stemSubtreeWidth: UInt64 = 256
    /// MAIN_STORAGE_OFFSET = 256^31; as a tree index (÷ 256) it is 256^30 = 2^240.
    static let mainStorageTreeIndexBase = UInt256(w0: 0, w1: 0, w2: 0, w3: 1 << 48)

    /// The 31-byte stem of (address, tree_index) as a key word with subindex 0.
    public static func stem<C: CryptoProvider>(_ address: Address, treeIndex: UInt256, crypto: C) -> UInt256 {
        var input = [UInt8](repeating: 0, count: 64)
        let a = address.bytes
        for i in 0..<20 { input[12 + i] = a[i] }
        let le = treeIndex.bigEndianBytes
        for i in 0..<32 { input[32 + i] = le[31 - i] }
        let h = crypto.sha256(input)
        var k = UInt256(bigEndian: h)
        k.w0 &= ~0xff
        return k
    }

    /// A key from a stem (subindex byte zero) and a subindex.
    @inline(__always)
    public static func key(stem: UInt256, subindex: UInt8) -> UInt256 {
        var k = stem
        k.w0 |= UInt64(subindex)
        return k
    }

    /// (tree_index, sub_index) of a storage slot (`get_tree_key_for_storage_slot`): slots 0…63 live in the
    /// account's header stem at 64…127, the others at MAIN_STORAGE_OFFSET + slot.
    public static func storageLocation(_ slot: UInt256) -> (treeIndex: UInt256, subindex: UInt8) {
        if slot < UInt256(codeOffset - headerStorageOffset) {
            return (.zero, UInt8(headerStorageOffset + slot.w0))
        }
        return (mainStorageTreeIndexBase &+ (slot >> 8), UInt8(truncatingIfNeeded: slot.w0))
    }

    /// (tree_index, sub_index) of code chunk `chunk` (`get_tree_key_for_code_chunk`).
    public static func codeChunkLocation(_ chunk: Int) -> (treeIndex: UInt256, subindex: UInt8) {
        let pos = codeOffset + UInt64(chunk)
        return (UInt256(pos / stemSubtreeWidth), UInt8(truncatingIfNeeded: pos % stemSubtreeWidth))
    }
}
