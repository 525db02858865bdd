import BinaryTree
import GuestABI
import HostABI

/// The standard-IO state mode's two byte layouts (docs/EXECUTE.md §2.1, `GuestABI.StandardIO`): the state
/// view `read_input` returns and the state report that ends the guest's output.
public enum StandardIOState {
    /// `n ‖ n × (key ‖ value) ‖ batch`, entries as given (ascending key order).
    public static func view(entries: [(key: Bytes32, value: Bytes32)], batch: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8 + 64 * entries.count + batch.count)
        appendU64(&out, UInt64(entries.count))
        for e in entries {
            out += e.key.bytes
            out += e.value.bytes
        }
        out += batch
        return out
    }

    /// Every key/value pair of a full tree, ascending: the prover's first-pass view.
    public static func entries(of tree: SHA256BinaryTree) -> [(key: Bytes32, value: Bytes32)] {
        var out: [(key: Bytes32, value: Bytes32)] = []
        for stem in tree.sortedStems {
            for (i, v) in tree.values(ofStem: stem) { out.append((Bytes32(stem: stem, subindex: i), v)) }
        }
        return out
    }

    /// What the guest reported: the application's output and the state changes and reads.
    public struct Report: Equatable {
        /// The application's public output: every byte before the report.
        public var app: ArraySlice<UInt8>
        public var writes: [(key: Bytes32, value: Bytes32)]
        public var deletes: [Bytes32]
        public var reads: [Bytes32]

        public static func == (a: Report, b: Report) -> Bool {
            a.app == b.app && a.deletes == b.deletes && a.reads == b.reads && a.writes.count == b.writes.count
                && zip(a.writes, b.writes).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }
    }

    /// Decodes the report at the end of `output`; `.stateReportInvalid` names the first rule broken.
    public static func report(_ output: [UInt8]) throws(ExecuteFailure) -> Report {
        let size = UInt64(output.count)
        guard size >= StandardIO.trailerSize else {
            throw .stateReportInvalid("the output (\(size) bytes) is shorter than the 32-byte report trailer")
        }
        let t = Int(size - StandardIO.trailerSize)
        guard Array(output[(t + 24)...]) == StandardIO.reportMagic else {
            throw .stateReportInvalid("the output does not end with the report magic \"rvxstate\"")
        }
        let nw = u64(output, t), nd = u64(output, t + 8), nr = u64(output, t + 16)
        // Each count is at most the output size, so the products below cannot overflow.
        guard nw <= size, nd <= size, nr <= size else {
            throw .stateReportInvalid("report counts \(nw), \(nd), \(nr) exceed the output size \(size)")
        }
        let body = nw * StandardIO.entrySize + (nd + nr) * StandardIO.keySize
        guard body <= UInt64(t) else {
            throw .stateReportInvalid("\(nw) writes, \(nd) deletes and \(nr) reads need \(body) bytes; \(t) precede the trailer")
        }
        var p = t - Int(body)
        var r = Report(app: output[..<p], writes: [], deletes: [], reads: [])
        r.writes.reserveCapacity(Int(nw))
        for _ in 0..<nw {
            r.writes.append((key32(output, p), key32(output, p + 32)))
            p += 64
        }
        for _ in 0..<nd { r.deletes.append(key32(output, p)); p += 32 }
        for _ in 0..<nr { r.reads.append(key32(output, p)); p += 32 }
        return r
    }

    /// Applies `report` to `state`: the reads are checked against the pre-state (the witness must cover each),
    /// then the writes and the deletes are applied in order. `charge` meters each access (STATE_READ /
    /// STATE_WRITE cost) and returns false when the cycle budget is gone.
    static func apply<S: StateBackend>(_ report: Report, to state: inout S, charge: (UInt64) -> Bool)
        throws(StateFailure) -> Bool
    {
        let k = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 8)
        defer { k.deallocate() }
        let v = k + 32
        for key in report.reads {
            guard charge(SyscallCosts.stateAccess) else { return false }
            key.store(to: k)
            _ = try state.read(key: UnsafeRawPointer(k), value: v)
        }
        for (key, value) in report.writes {
            guard charge(SyscallCosts.stateAccess) else { return false }
            key.store(to: k)
            value.store(to: v)
            try state.write(key: UnsafeRawPointer(k), value: UnsafeRawPointer(v))
        }
        for key in report.deletes {
            guard charge(SyscallCosts.stateAccess) else { return false }
            key.store(to: k)
            try state.write(key: UnsafeRawPointer(k), value: nil)
        }
        return true
    }

    static func appendU64(_ out: inout [UInt8], _ v: UInt64) {
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }

    static func u64(_ b: [UInt8], _ at: Int) -> UInt64 {
        var v: UInt64 = 0
        for i in (0..<8).reversed() { v = v << 8 | UInt64(b[at + i]) }
        return v
    }

    static func key32(_ b: [UInt8], _ at: Int) -> Bytes32 { Bytes32(b[at..<(at + 32)])! }
}
