/// A prover-side run against the full state that records every touched key (docs/STATE.md §6), so that
/// `witness()` can build the minimal witness afterwards.
public struct RecordingState<H: BinaryTreeHasher> {
    /// The state before the run.
    public let pre: BinaryTree<H>
    /// The state now.
    public private(set) var current: BinaryTree<H>
    /// Every key read or written so far.
    public private(set) var touched: Set<Bytes32> = []

    public init(_ pre: BinaryTree<H>) {
        self.pre = pre
        current = pre
    }

    public mutating func read(key: Bytes32) -> Bytes32? {
        touched.insert(key)
        return current.get(key)
    }

    public mutating func write(key: Bytes32, value: Bytes32?) {
        touched.insert(key)
        current[key] = value
    }

    /// The minimal witness for the run so far.
    public func witness() throws(WitnessError) -> Witness {
        try WitnessBuilder.build(pre: pre, touched: touched, post: current)
    }
}
