import EVMPrimitives

/// Why a trie operation failed. Only tries built over a witness (`MerklePatriciaTrie(rootHash:nodes:)`)
/// can fail: a trie built from key/value pairs holds every node itself.
public enum TrieError: Error, Equatable {
    /// The operation needs the node with this 32-byte hash, and the witness does not contain it.
    case missingNode(hash: [UInt8])
    /// The witness node with this hash is not a valid trie node (Yellow Paper Appendix D): not strict
    /// RLP, not a 2- or 17-item list, a bad hex-prefix path, an empty leaf value or extension path,
    /// or a child reference that is neither empty, a 32-byte hash nor an embedded node under 32 bytes.
    case malformedNode(hash: [UInt8])
    /// A root hash that is not 32 bytes long.
    case invalidRootHash
}
