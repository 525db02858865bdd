import BinaryTree

/// Binary-tree witness harness (docs/STATE.md §3–5): arbitrary bytes as a WITNESS section.
///
/// The bytes are decoded against the zero root; a `rootMismatch` names the root they do hash to, and decoding
/// against that root must then succeed (the verifier accepts exactly what it hashed). On an accepted witness:
/// `root()` without writes is the pre-state root; for keys taken from the witness bytes, a read either answers or
/// throws `incomplete`; a covered write is read back; and undoing every write restores the pre-state root exactly.
enum WitnessHarness {
    static func run(_ data: [UInt8]) throws(InvariantViolation) -> String {
        var state: SHA256WitnessState
        do {
            state = try SHA256WitnessState(root: [UInt8](repeating: 0, count: 32), witness: data)
        } catch {
            guard case .rootMismatch(_, let computed) = error else { return "rejected: \(error)" }
            do { state = try SHA256WitnessState(root: computed.bytes, witness: data) } catch {
                throw InvariantViolation("witness hashing to \(computed) rejected against that root: \(error)")
            }
        }
        let pre = state.preStateRoot
        let unchanged: Bytes32
        do { unchanged = try state.root() } catch { throw InvariantViolation("root() without writes threw \(error)") }
        try check(unchanged == pre, "root() without writes \(unchanged) differs from the pre-state root \(pre)")
        // Keys: 32-byte windows of the witness (stems and values appear there), plus their last-byte variants.
        var keys: [Bytes32] = []
        var offset = 0
        while keys.count < 8, offset + 32 <= data.count {
            if let k = Bytes32(data[offset..<offset + 32]) { keys.append(k); keys.append(Bytes32(stem: k.stem, subindex: 7)) }
            offset += 33
        }
        if keys.isEmpty { keys = [.zero, Bytes32(1, 2, 3, 4)] }
        var undo: [(Bytes32, Bytes32?)] = []
        var covered = 0
        for (i, k) in keys.enumerated() {
            let old: Bytes32?
            do { old = try state.read(key: k) } catch {
                guard case .incomplete = error else { throw InvariantViolation("read threw \(error)") }
                continue
            }
            covered += 1
            let v: Bytes32? = i % 3 == 2 ? nil : Bytes32(UInt64(i) + 1, 0xF00D, 0, UInt64(data.count))
            do { try state.write(key: k, value: v) } catch {
                switch error {
                case .incomplete, .incompleteSibling: continue
                default: throw InvariantViolation("write threw \(error)")
                }
            }
            undo.append((k, old))
            let back: Bytes32?
            do { back = try state.read(key: k) } catch { throw InvariantViolation("read after write threw \(error)") }
            try check(back == v, "read after write gives \(String(describing: back)), wrote \(String(describing: v))")
        }
        var post: Bytes32? = nil
        do { post = try state.root() } catch {
            guard case .incompleteSibling = error else { throw InvariantViolation("root() threw \(error)") }
        }
        for (k, old) in undo.reversed() {
            do { try state.write(key: k, value: old) } catch {
                throw InvariantViolation("undoing a write threw \(error)")
            }
        }
        let restored: Bytes32?
        do { restored = try state.root() } catch {
            guard case .incompleteSibling = error else { throw InvariantViolation("root() after undo threw \(error)") }
            restored = nil
        }
        if let r = restored { try check(r == pre, "undoing all writes gives \(r), pre-state root \(pre)") }
        return "accepted \(state.nodeCount) nodes, \(covered) covered keys, post \(post.map { "\($0)" } ?? "incomplete")"
    }
}
