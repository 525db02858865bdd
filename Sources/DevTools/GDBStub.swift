import RISCV

/// The command side of a GDB remote stub for one hart (GDB manual, Appendix E "Packets", "Stop Reply
/// Packets", "General Query Packets"; registers in the order of gdb's RISC-V target description: x0…x31,
/// pc, each XLEN bits little-endian). Transport-independent: `GDBServer` feeds it packets from a socket.
///
/// Breakpoints are kept by the stub (Z0/z0) and checked before each instruction; guest code is never
/// patched (it is pre-decoded and immutable). Memory reads and writes touch only pages that are mapped
/// with the needed permission, so the debugger cannot change what the guest could do.
public final class GDBStub<Handler: SyscallHandler> {
    /// What the transport should do after a packet.
    public enum Action: Equatable {
        /// Send this reply.
        case reply(String)
        /// Send this reply, then end the session (the guest has stopped for good).
        case replyAndEnd(String)
        /// End the session without a reply (`k`).
        case end
    }

    public let hart: Hart
    public var handler: Handler
    public private(set) var breakpoints: Set<UInt64> = []
    /// The final stop once the guest exited or was killed/detached (nil while it can still run).
    public private(set) var finalStop: StopReason?
    /// The last stop, for `?`.
    var lastStop = "S05"
    /// Largest `m`/`M` transfer.
    public static var maxTransfer: UInt64 { 4096 }
    /// Polled every 2^16 instructions during `c`; returns true if the debugger asked to interrupt.
    public var interrupted: () -> Bool = { false }

    public init(hart: Hart, handler: Handler) {
        self.hart = hart
        self.handler = handler
    }

    /// Handles one packet's data.
    public func handle(_ packet: [UInt8]) -> Action {
        let p = String(decoding: packet, as: UTF8.self)
        guard let first = p.first else { return .reply("") }
        let rest = String(p.dropFirst())
        switch first {
        case "?": return .reply(lastStop)
        case "g": return .reply((0...32).map { register($0) }.joined())
        case "G": return .reply(writeAll(rest) ? "OK" : "E01")
        case "p":
            guard let n = Int(rest, radix: 16), n >= 0, n <= 32 else { return .reply("E01") }
            return .reply(register(n))
        case "P":
            let parts = rest.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let n = Int(parts[0], radix: 16), n >= 0, n <= 32,
                  let v = littleEndian(parts[1]) else { return .reply("E01") }
            setRegister(n, v)
            return .reply("OK")
        case "m": return .reply(readMemory(rest))
        case "M": return .reply(writeMemory(rest))
        case "Z", "z": return .reply(breakpoint(rest, insert: first == "Z"))
        case "s", "c":
            if !rest.isEmpty {
                guard let a = UInt64(rest, radix: 16) else { return .reply("E01") }
                hart.pc = a
            }
            return resume(single: first == "s")
        case "k":
            finalStop = finalStop ?? .halted(code: 9, reason: "killed by the debugger")
            return .end
        case "D":
            finalStop = finalStop ?? runDetached()
            return .replyAndEnd("OK")
        case "H", "T": return .reply("OK")
        case "q": return .reply(query(rest))
        default: return .reply("")   // unsupported (vCont?, vMustReplyEmpty, X, ...): empty reply
        }
    }

    // MARK: - Registers

    /// Register n (0…31 = x0…x31, 32 = pc) as XLEN-wide little-endian hex.
    func register(_ n: Int) -> String {
        let v = n == 32 ? hart.pc : hart[n]
        return (0..<Int(hart.xlen.bytes)).map { GDBPacket.hex2(UInt8(truncatingIfNeeded: v >> (8 * UInt64($0)))) }.joined()
    }

    func setRegister(_ n: Int, _ v: UInt64) {
        if n == 32 { hart.pc = hart.xlen.address(v) } else { hart[n] = v }
    }

    /// A little-endian hex value of at most 8 bytes.
    func littleEndian<S: StringProtocol>(_ s: S) -> UInt64? {
        guard let bytes = GDBStub.bytes(s), bytes.count <= 8 else { return nil }
        return bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    func writeAll(_ s: String) -> Bool {
        let w = Int(hart.xlen.bytes) * 2
        guard s.count >= 33 * w else { return false }
        let chars = Array(s)
        var values: [UInt64] = []
        for n in 0...32 {
            guard let v = littleEndian(String(chars[(n * w)..<((n + 1) * w)])) else { return false }
            values.append(v)
        }
        for n in 0...32 { setRegister(n, values[n]) }
        return true
    }

    /// Hex text to bytes.
    static func bytes<S: StringProtocol>(_ s: S) -> [UInt8]? {
        let u = Array(s.utf8)
        guard u.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(u.count / 2)
        for i in stride(from: 0, to: u.count, by: 2) {
            guard let h = GDBPacket.hexValue(u[i]), let l = GDBPacket.hexValue(u[i + 1]) else { return nil }
            out.append(h << 4 | l)
        }
        return out
    }

    // MARK: - Memory

    /// "addr,len" in hex.
    func range<S: StringProtocol>(_ s: S) -> (UInt64, UInt64)? {
        let parts = s.split(separator: ",")
        guard parts.count == 2, let a = UInt64(parts[0], radix: 16), let n = UInt64(parts[1], radix: 16),
              n <= GDBStub.maxTransfer else { return nil }
        return (a, n)
    }

    /// True if every page of [a, a + n) is mapped with `p` (no first-touch mapping, no wrap).
    func accessible(_ a: UInt64, _ n: UInt64, _ p: Permissions) -> Bool {
        guard n > 0 else { return true }
        let (end, o) = a.addingReportingOverflow(n - 1)
        guard !o else { return false }
        var page = a & ~0xFFF
        while page <= end {
            guard hart.memory.permissions(at: page).isSuperset(of: p) else { return false }
            page += 0x1000
        }
        return true
    }

    func readMemory(_ s: String) -> String {
        guard let (a, n) = range(s) else { return "E01" }
        guard accessible(a, n, .read), let b = hart.memory.read(a, count: n) else { return "E14" }
        return b.map { GDBPacket.hex2($0) }.joined()
    }

    func writeMemory(_ s: String) -> String {
        let parts = s.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let (a, n) = range(parts[0]), let data = GDBStub.bytes(parts[1]),
              UInt64(data.count) == n else { return "E01" }
        guard accessible(a, n, .write), hart.memory.write(a, data) else { return "E14" }
        return "OK"
    }

    func breakpoint(_ s: String, insert: Bool) -> String {
        let parts = s.split(separator: ",")
        guard parts.count >= 2, parts[0] == "0" || parts[0] == "1" else { return "" }
        guard let a = UInt64(parts[1], radix: 16) else { return "E01" }
        if insert { breakpoints.insert(a) } else { breakpoints.remove(a) }
        return "OK"
    }

    // MARK: - Execution

    /// One instruction, with the syscall handled as `Hart.run` does. Returns a stop, or nil to go on.
    func stepOnce() -> StopReason? {
        switch hart.step() {
        case .retired:
            return nil
        case .ecall:
            switch handler.handleSyscall(hart) {
            case .halt(let r): return r
            case .resume:
                hart.pc &+= 4
                return hart.cycles > hart.cycleLimit ? .outOfCycles(pc: hart.pc) : nil
            }
        case .stop(let r):
            return r
        }
    }

    func resume(single: Bool) -> Action {
        if let f = finalStop { return .replyAndEnd(stopReply(f)) }
        var n: UInt64 = 0
        var stop = stepOnce()
        while stop == nil && !single {
            if breakpoints.contains(hart.pc) { lastStop = "T05"; return .reply(lastStop) }
            n &+= 1
            if n & 0xFFFF == 0 && interrupted() { lastStop = "T02"; return .reply(lastStop) }
            stop = stepOnce()
        }
        guard let stop else { lastStop = "T05"; return .reply(lastStop) }
        let reply = stopReply(stop)
        if case .exited = stop {
            finalStop = stop
            return .replyAndEnd(reply)
        }
        lastStop = reply
        return .reply(reply)
    }

    /// The stop reply for a stop (W = exited; S = signal: TRAP 5, ILL 4, SEGV 11, BUS 7, XCPU 24, KILL 9).
    func stopReply(_ stop: StopReason) -> String {
        switch stop {
        case .exited(let code): return "W" + GDBPacket.hex2(UInt8(truncatingIfNeeded: code))
        case .breakpoint: return "S05"
        case .illegalInstruction: return "S04"
        case .loadFault, .storeFault, .fetchFault, .outOfMemory: return "S0b"
        case .misalignedFetch: return "S07"
        case .outOfCycles: return "S18"
        case .halted: return "S09"
        }
    }

    /// After `D`: the guest runs on without the debugger until it stops.
    func runDetached() -> StopReason {
        while true { if let s = stepOnce() { return s } }
    }

    // MARK: - Queries

    func query(_ q: String) -> String {
        if q.hasPrefix("Supported") { return "PacketSize=4000;qXfer:features:read+" }
        if q.hasPrefix("Xfer:features:read:target.xml:") {
            guard let (off, len) = range(q.dropFirst("Xfer:features:read:target.xml:".count)) else { return "E01" }
            let xml = Array(GDBTargetDescription.xml(hart.xlen).utf8)
            guard off <= UInt64(xml.count) else { return "E01" }
            let end = min(UInt64(xml.count), off + len)
            let chunk = String(decoding: xml[Int(off)..<Int(end)], as: UTF8.self)
            return (end == UInt64(xml.count) ? "l" : "m") + chunk
        }
        if q == "Attached" { return "1" }
        if q == "C" { return "QC1" }
        if q == "fThreadInfo" { return "m1" }
        if q == "sThreadInfo" { return "l" }
        if q.hasPrefix("Symbol") { return "OK" }
        return ""
    }
}
