/// The merkelization rules of EIP-7864 §"Node merkelization", with a meter of the hashing work done.
///
/// - `hash(0^64) = 0^32`, otherwise `hash(x) = H(x)` (H from the `BinaryTreeHasher`);
/// - internal node (main tree and the 8-level stem subtree) = `hash(left ‖ right)`;
/// - stem node = `hash(stem ‖ 0x00 ‖ subtree root)`;
/// - leaf = `hash(value)` for a present value (even an all-zero one), `0^32` for an absent one;
/// - empty = `0^32`.
public struct TreeHash<H: BinaryTreeHasher> {
    /// Number of calls of the hash function so far (zero-rule shortcuts are free and not counted).
    public var calls: Int = 0
    /// Number of bytes hashed so far (32 or 64 per call).
    public var bytes: Int = 0

    public init() {}

    /// Leaf hash of a present value.
    @inlinable public mutating func leaf(_ value: Bytes32) -> Bytes32 {
        calls &+= 1
        bytes &+= 32
        return H.hash(value)
    }

    /// `hash(left ‖ right)` with the zero rule.
    @inlinable public mutating func node(_ left: Bytes32, _ right: Bytes32) -> Bytes32 {
        if left.isZero && right.isZero { return .zero }
        calls &+= 1
        bytes &+= 64
        return H.hash(left, right)
    }

    /// Stem node hash; `stem` is `stem ‖ 0x00` (see `Bytes32.stem`).
    @inlinable public mutating func stemNode(_ stem: Bytes32, _ subtreeRoot: Bytes32) -> Bytes32 {
        node(stem, subtreeRoot)
    }
}
