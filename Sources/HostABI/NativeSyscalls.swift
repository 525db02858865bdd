import GuestABI
import RISCV

/// The native rvx syscalls (docs/ABI.md §3), as a `SyscallExtension` of `LinuxSyscalls`: input access,
/// runtime-managed state, public output, post-root declaration, accelerators, debug output and the cycle
/// counter. It also meters every Linux syscall (base cost, plus bytes moved for read/write) and serves
/// `write(3, …)` as COMMIT.
///
/// Every guest buffer is checked with `GuestMemory.access` (unmapped, unpermitted or wrapping → -EFAULT);
/// every length is bounded before the host allocates anything proportional to it. Costs are charged before
/// the work, and a call whose cost passes the cycle limit stops the run before doing the work.
public struct NativeSyscalls<State: StateBackend>: SyscallExtension {
    /// The input container bytes (also mapped at `MemoryMap.inputBase`).
    public let input: [UInt8]
    /// Body ranges by section kind (index 0 = the whole container); nil = absent.
    public let sections: [Range<Int>?]
    /// Who manages the state.
    public let mode: StateMode
    /// The runtime-managed state (nil in guest-managed mode).
    public var state: State?
    /// The public output (COMMIT, write(3)).
    public private(set) var output: [UInt8] = []
    /// The cap on `output`; passing it stops the run.
    public var outputLimit: UInt64
    /// DEBUG_PRINT bytes, at most `debugLimit` (the rest is dropped).
    public private(set) var debug: [UInt8] = []
    /// The cap on `debug`.
    public var debugLimit: UInt64
    /// The root declared by POST_ROOT.
    public private(set) var declaredPostRoot: [UInt8]?
    /// The typed reason if a native syscall stopped the run.
    public private(set) var stop: NativeStop?
    /// Largest transfer of one Linux read/write (for metering; must equal `LinuxSyscalls.maxTransfer`).
    public var maxTransfer: UInt64 = 1 << 20

    /// `sections[k]` is the body of section kind k (1…6, and 16 for the standard-IO view) and `sections[0]` the
    /// whole container.
    public init(input: [UInt8], sections: [Range<Int>?], mode: StateMode, state: State?,
                outputLimit: UInt64 = NativeABI.defaultOutputLimit, debugLimit: UInt64 = NativeABI.defaultDebugLimit) {
        self.input = input
        self.sections = sections
        self.mode = mode
        self.state = state
        self.outputLimit = outputLimit
        self.debugLimit = debugLimit
    }

    public mutating func handle(_ number: UInt64, _ hart: Hart) -> SyscallAction? {
        hart.chargeCycles(SyscallCosts.base)
        // Costs are charged before the work: a call whose base cost passes the limit does nothing — in
        // particular an exit at the limit must not end the run as a (possibly successful) exit.
        if hart.cycles > hart.cycleLimit { return .halt(.outOfCycles(pc: hart.pc)) }
        guard let call = NativeSyscall(rawValue: number) else {
            return linux(number, hart)
        }
        do {
            let a0 = try dispatch(call, hart)
            hart[10] = UInt64(bitPattern: a0)
            return .resume
        } catch {
            switch error {
            case .errno(let e):
                hart[10] = UInt64(bitPattern: -e)
                return .resume
            case .halt(let reason):
                return .halt(reason)
            }
        }
    }

    /// Linux calls: metering, and write(3) as COMMIT. Returns nil to let `LinuxSyscalls` handle the call.
    mutating func linux(_ number: UInt64, _ hart: Hart) -> SyscallAction? {
        guard number == LinuxSyscall.read || number == LinuxSyscall.write else { return nil }
        if number == LinuxSyscall.write && hart.xlen.address(hart[10]) == NativeABI.commitFD {
            do {
                hart[10] = UInt64(bitPattern: try commit(hart, hart.xlen.address(hart[11]), hart.xlen.address(hart[12])))
                return .resume
            } catch {
                switch error {
                case .errno(let e): hart[10] = UInt64(bitPattern: -e); return .resume
                case .halt(let r): return .halt(r)
                }
            }
        }
        hart.chargeCycles(SyscallCosts.copy(min(hart.xlen.address(hart[12]), maxTransfer)))
        return nil
    }

    // MARK: - Helpers

    /// Argument register a`i` as an address or length.
    @inline(__always)
    func arg(_ hart: Hart, _ i: Int) -> UInt64 { hart.xlen.address(hart[10 + i]) }

    /// Charges `n` cycles; stops the run before the work if the limit is passed.
    @inline(__always)
    func charge(_ hart: Hart, _ n: UInt64) throws(NativeAbort) {
        hart.chargeCycles(n)
        if hart.cycles > hart.cycleLimit { throw .halt(.outOfCycles(pc: hart.pc)) }
    }

    /// The guest buffer [address, address + count) with permission `p`.
    func buffer(_ hart: Hart, _ address: UInt64, _ count: UInt64, _ p: Permissions) throws(NativeAbort)
        -> UnsafeMutableRawBufferPointer
    {
        switch hart.memory.access(address, count: count, p) {
        case .ok(let b): return b
        case .fault: throw .errno(LinuxErrno.EFAULT)
        case .outOfMemory(let a): throw .halt(.outOfMemory(pc: hart.pc, address: a))
        }
    }

    /// A fixed-size guest buffer's base pointer.
    func pointer(_ hart: Hart, _ address: UInt64, _ count: UInt64, _ p: Permissions) throws(NativeAbort)
        -> UnsafeMutableRawPointer
    {
        let b = try buffer(hart, address, count, p)
        // count > 0, so baseAddress is non-nil; fall back to -EFAULT rather than trap.
        guard let base = b.baseAddress else { throw .errno(LinuxErrno.EFAULT) }
        return base
    }

    /// Stops the run with `s`.
    mutating func halt(_ s: NativeStop) -> NativeAbort {
        stop = s
        return .halt(s.stopReason)
    }

    // MARK: - Dispatch

    mutating func dispatch(_ call: NativeSyscall, _ hart: Hart) throws(NativeAbort) -> Int64 {
        switch call {
        case .probe:
            hart[11] = NativeABI.version
            return Int64(NativeABI.probeMagic)
        case .inputMap:
            guard let r = section(arg(hart, 0)) else { throw .errno(LinuxErrno.ENOENT) }
            hart[11] = UInt64(r.count)
            return Int64(MemoryMap.inputBase) + Int64(r.lowerBound)
        case .inputRead:
            return try inputRead(hart)
        case .stateRead, .stateWrite, .stateRoot:
            return try stateCall(call, hart)
        case .commit:
            return try commit(hart, arg(hart, 0), arg(hart, 1))
        case .postRoot:
            guard mode == .guestManaged else { throw .errno(LinuxErrno.ENOSYS) }
            if declaredPostRoot != nil { throw halt(.postRootDeclaredTwice) }
            let p = try buffer(hart, arg(hart, 0), 32, .read)
            declaredPostRoot = [UInt8](p)
            return 0
        case .keccak256, .keccakF1600, .sha256, .secp256k1Ecrecover, .secp256k1Verify, .modexp, .u256Mulmod:
            return try accelerate(call, hart)
        case .ripemd160, .bn254G1Add, .bn254G1Mul, .bn254Pairing, .blake2f, .kzgPointEval, .secp256r1Verify,
             .bls12G1Add, .bls12G1MSM, .bls12G2Add, .bls12G2MSM, .bls12Pairing, .bls12MapFpToG1, .bls12MapFp2ToG2:
            return try accelerateCurve(call, hart)
        case .debugPrint:
            let n = arg(hart, 1)
            try charge(hart, SyscallCosts.copy(n))
            let b = try buffer(hart, arg(hart, 0), n, .read)
            let room = Int(clamping: debugLimit) - debug.count
            if room > 0 { debug += UnsafeRawBufferPointer(rebasing: b[..<min(room, b.count)]) }
            return 0
        case .cycleCount:
            return Int64(bitPattern: hart.cycles)
        case .cycleScope:
            // A marker for profilers, which observe the ecall itself; nothing to do beyond the base cost.
            return 0
        }
    }

    /// The body range of section `kind` (0 = whole container).
    func section(_ kind: UInt64) -> Range<Int>? {
        guard kind < UInt64(sections.count) else { return nil }
        return sections[Int(kind)]
    }

    mutating func inputRead(_ hart: Hart) throws(NativeAbort) -> Int64 {
        guard let r = section(arg(hart, 0)) else { throw .errno(LinuxErrno.ENOENT) }
        let size = UInt64(r.count), offset = arg(hart, 3)
        let n = offset >= size ? 0 : min(arg(hart, 2), size - offset)
        try charge(hart, SyscallCosts.copy(n))
        let out = try buffer(hart, arg(hart, 1), n, .write)
        if n > 0 {
            input.withUnsafeBytes { src in
                out.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[(r.lowerBound + Int(offset))...].prefix(Int(n))))
            }
        }
        return Int64(size)
    }

    mutating func commit(_ hart: Hart, _ address: UInt64, _ count: UInt64) throws(NativeAbort) -> Int64 {
        try charge(hart, SyscallCosts.copy(count))
        if count > outputLimit || UInt64(output.count) > outputLimit - count {
            throw halt(.outputLimitExceeded(limit: outputLimit))
        }
        let b = try buffer(hart, address, count, .read)
        output += UnsafeRawBufferPointer(b)
        return Int64(count)
    }

    mutating func stateCall(_ call: NativeSyscall, _ hart: Hart) throws(NativeAbort) -> Int64 {
        guard mode == .runtimeManaged, state != nil else { throw .errno(LinuxErrno.ENOSYS) }
        let result: Result<Int64, StateFailure>
        switch call {
        case .stateRead:
            try charge(hart, SyscallCosts.stateAccess)
            let k = try pointer(hart, arg(hart, 0), 32, .read)
            let v = try pointer(hart, arg(hart, 1), 32, .write)
            result = Result { () throws(StateFailure) in try state!.read(key: k, value: v) ? 1 : 0 }
        case .stateWrite:
            try charge(hart, SyscallCosts.stateAccess)
            let k = try pointer(hart, arg(hart, 0), 32, .read)
            let va = arg(hart, 1)
            let v: UnsafeRawPointer? = va == 0 ? nil : UnsafeRawPointer(try pointer(hart, va, 32, .read))
            result = Result { () throws(StateFailure) in try state!.write(key: k, value: v); return 0 }
        default:
            let out = try pointer(hart, arg(hart, 0), 32, .write)
            let before = state!.hashCalls
            result = Result { () throws(StateFailure) in try state!.root(into: out); return 0 }
            try charge(hart, SyscallCosts.mul(SyscallCosts.hash, UInt64(max(0, state!.hashCalls - before))))
        }
        switch result {
        case .success(let a0): return a0
        case .failure(.incomplete(let key, let detail)): throw halt(.witnessIncomplete(key: key, detail: detail))
        case .failure(.limitExceeded(let m)): throw halt(.stateLimitExceeded(m))
        case .failure(.failed(let m)): throw halt(.stateFailed(m))
        }
    }
}
