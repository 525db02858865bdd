import BinaryTree
import HostABI

/// The verifier's runtime-managed state (docs/STATE.md §5): the witness checked against PRE_STATE_ROOT,
/// serving STATE_READ / STATE_WRITE / STATE_ROOT; SHA-256 binary tree.
public struct WitnessBackend: StateBackend {
    public var state: SHA256WitnessState
    /// Bound on the nodes held (witness nodes plus nodes created by writes), so that host memory stays
    /// proportional to the memory limit whatever the guest writes.
    public var maxNodes: Int
    /// The last incomplete-witness failure, typed (the syscall layer carries only a key and a message).
    public private(set) var gap: ExecuteFailure?

    /// Bytes of the memory limit one created node counts for (a node takes about 80 host bytes).
    public static let bytesPerNode: UInt64 = 128

    public init(_ state: SHA256WitnessState, memoryLimit: UInt64 = 1 << 30) {
        self.state = state
        maxNodes = state.nodeCount + Int(clamping: memoryLimit / WitnessBackend.bytesPerNode)
    }

    public mutating func read(key: UnsafeRawPointer, value: UnsafeMutableRawPointer) throws(StateFailure) -> Bool {
        let k = Bytes32(loading: key)
        do {
            let v = try state.read(key: k)
            (v ?? .zero).store(to: value)
            return v != nil
        } catch { throw fail(error) }
    }

    public mutating func write(key: UnsafeRawPointer, value: UnsafeRawPointer?) throws(StateFailure) {
        let k = Bytes32(loading: key)
        let v = value.map { Bytes32(loading: $0) }
        do { try state.write(key: k, value: v) } catch { throw fail(error) }
        if state.nodeCount > maxNodes {
            throw .limitExceeded("state writes created more than \(maxNodes) tree nodes")
        }
    }

    public mutating func root(into out: UnsafeMutableRawPointer) throws(StateFailure) {
        do { try state.root().store(to: out) } catch { throw fail(error) }
    }

    public var hashCalls: Int { state.hashCalls }

    mutating func fail(_ e: WitnessError) -> StateFailure {
        switch e {
        case .incomplete(let key):
            gap = .witnessIncomplete(key: key.bytes)
            return .incomplete(key: key.bytes, detail: e.description)
        case .incompleteSibling(let prefix, let depth):
            let g = ExecuteFailure.witnessSiblingIncomplete(path: prefix.bytes, depth: depth)
            gap = g
            return .incomplete(key: prefix.bytes, detail: g.description)
        default: return .failed(e.description)
        }
    }
}

/// The prover's state (docs/STATE.md §6): the full tree, recording every touched key. Its STATE_ROOT costs no
/// hash cycles; the prover's reported metering comes from a verifying re-run with the built witness.
public struct RecordingBackend: StateBackend {
    public var state: RecordingState<SHA256TreeHasher>

    public init(_ pre: SHA256BinaryTree) { state = RecordingState(pre) }

    public mutating func read(key: UnsafeRawPointer, value: UnsafeMutableRawPointer) throws(StateFailure) -> Bool {
        let v = state.read(key: Bytes32(loading: key))
        (v ?? .zero).store(to: value)
        return v != nil
    }

    public mutating func write(key: UnsafeRawPointer, value: UnsafeRawPointer?) throws(StateFailure) {
        let k = Bytes32(loading: key)
        state.write(key: k, value: value.map { Bytes32(loading: $0) })
    }

    public mutating func root(into out: UnsafeMutableRawPointer) throws(StateFailure) {
        state.current.root().store(to: out)
    }

    public var hashCalls: Int { 0 }
}
