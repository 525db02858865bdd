import CRISCVCore
import GuestABI

/// A RISC-V hardware thread running one user-level program (RISC-V Unprivileged ISA, "Terminology":
/// hart), with its sandboxed memory, pre-decoded code, and cycle meter.
///
/// Registers hold XLEN-canonical values: RV64 as is, RV32 sign-extended from bit 31. Create one from a
/// `ProgramImage`, then call `run(_:)` with a `SyscallHandler`.
public final class Hart {
    /// Register width.
    public let xlen: XLEN
    /// The engine `execute()` uses.
    public let engine: Engine
    /// Guest memory.
    public let memory: GuestMemory
    /// x0…x31 plus a scratch slot (index 32) that absorbs writes to x0.
    @usableFromInline let x: UnsafeMutablePointer<UInt64>
    /// Pre-decoded code: `codeCount` slots plus a `fetchFault` sentinel.
    @usableFromInline let code: UnsafeMutablePointer<Instruction>
    /// For each code slot, the number of slots up to and including the next block-ending instruction.
    @usableFromInline let blockLength: UnsafeMutablePointer<UInt32>
    /// The fast engine's direct-threaded records (`codeCount + 1`), or nil for the other engines.
    let coreCode: UnsafeMutablePointer<rvx_insn>?
    /// The translated tier's host code (engine `.translated`), once installed.
    public internal(set) var translation: Translation?
    /// Address of code slot 0 (the lowest executable page).
    public let codeBase: UInt64
    /// Number of 4-byte code slots.
    public let codeCount: Int

    /// The program counter: the next instruction to execute (after a fault: the faulting instruction).
    @exclusivity(unchecked) public var pc: UInt64
    /// Cycles consumed so far: retired instructions plus cycles charged by syscalls.
    @exclusivity(unchecked) public internal(set) var cycles: UInt64 = 0
    /// Cycles charged by syscalls (so `cycles - extraCycles` is the number of retired instructions).
    @exclusivity(unchecked) public internal(set) var extraCycles: UInt64 = 0
    /// The cycle limit; a run stops with `outOfCycles` rather than exceed it. May be raised to resume.
    @exclusivity(unchecked) public var cycleLimit: UInt64

    /// Instructions retired so far.
    public var instructionsRetired: UInt64 { cycles &- extraCycles }

    /// Creates a hart: validates and maps the image, pre-decodes its executable pages, and sets up the
    /// initial stack frame (docs/MEMORY.md). Throws if the image is invalid or does not fit the limits.
    public init(image: ProgramImage, config: MachineConfig = MachineConfig()) throws(MachineError) {
        xlen = image.xlen
        engine = config.engine
        cycleLimit = config.cycleLimit
        let segments = image.segments.filter { $0.memorySize > 0 }
        try Hart.validate(segments, image.segments)
        var lo = UInt64.max, hi: UInt64 = 0
        for s in segments where s.permissions.contains(.execute) {
            lo = min(lo, GuestMemory.pageDown(s.address))
            hi = max(hi, GuestMemory.pageUp(s.address + s.memorySize))
        }
        guard hi > lo else { throw .entryNotExecutable(entry: image.entry) }
        guard hi - lo <= MachineConfig.maxCodeSpan else { throw .codeTooLarge(span: hi - lo) }
        let mem = try GuestMemory(memoryLimit: config.memoryLimit)
        try mem.mapImage(segments)
        memory = mem
        guard image.entry & 3 == 0, mem.permissions(at: image.entry).contains(.execute) else {
            throw .entryNotExecutable(entry: image.entry)
        }
        // Initial process frame: argc = 0, argv = {NULL}, envp = {NULL}, auxv = {AT_NULL}; all zero.
        let sp = MemoryMap.initialStackPointer(xlenBytes: xlen.bytes)
        let (r, _) = mem.prepare(sp, MemoryMap.initialFrameWords * xlen.bytes, GuestMemory.pageWrite)
        guard r == .ok else {
            throw .outOfMemory(needed: mem.memoryUsed + MemoryMap.pageSize, limit: mem.memoryLimit)
        }
        codeBase = lo
        codeCount = Int((hi - lo) >> 2)
        code = .allocate(capacity: codeCount + 1)
        let decoder = Decoder(xlen: xlen, codeBase: lo, codeCount: codeCount)
        for i in 0..<codeCount {
            let a = lo + UInt64(i) << 2
            if mem.pages[Int(a >> MemoryMap.pageShift)] & GuestMemory.pageExecute != 0 {
                let w = UInt32(littleEndian: mem.arena.load(fromByteOffset: Int(a), as: UInt32.self))
                (code + i).initialize(to: decoder.decode(w, pc: a))
            } else {
                (code + i).initialize(to: Instruction(.fetchFault))
            }
        }
        (code + codeCount).initialize(to: Instruction(.fetchFault))
        blockLength = .allocate(capacity: codeCount + 1)
        blockLength[codeCount] = 1
        for i in stride(from: codeCount - 1, through: 0, by: -1) {
            blockLength[i] = code[i].op.endsBlock ? 1 : blockLength[i + 1] + 1
        }
        x = .allocate(capacity: 33)
        x.initialize(repeating: 0, count: 33)
        coreCode = config.engine == .reference ? nil
            : Hart.buildCoreCode(code, blockLength, count: codeCount, xlen: xlen, fuse: config.engine != .fastUnfused)
        pc = image.entry
        x[2] = sp
    }

    deinit {
        x.deallocate()
        code.deallocate()
        blockLength.deallocate()
        coreCode?.deallocate()
    }

    static func validate(_ segments: [Segment], _ all: [Segment]) throws(MachineError) {
        for (i, s) in all.enumerated() {
            guard UInt64(s.bytes.count) <= s.memorySize else { throw .segmentFileSizeExceedsMemorySize(index: i) }
            guard s.memorySize > 0 else { continue }
            guard s.address >= MemoryMap.imageBase, s.address < MemoryMap.heapLimit,
                  s.memorySize <= MemoryMap.heapLimit - s.address else { throw .segmentOutOfRange(index: i) }
            guard !s.permissions.isSuperset(of: [.write, .execute]) else { throw .segmentWritableAndExecutable(index: i) }
        }
        for i in all.indices where all[i].memorySize > 0 {
            for j in all.indices where j > i && all[j].memorySize > 0 {
                let a = all[i], b = all[j]
                let aLo = GuestMemory.pageDown(a.address), aHi = GuestMemory.pageUp(a.address + a.memorySize)
                let bLo = GuestMemory.pageDown(b.address), bHi = GuestMemory.pageUp(b.address + b.memorySize)
                if aLo < bHi && bLo < aHi { throw .segmentsOverlap(first: i, second: j) }
            }
        }
    }

    /// Register `index` (0…31). x0 reads as 0.
    public subscript(_ index: Int) -> UInt64 {
        get { index >= 0 && index < 32 ? x[index] : 0 }
        set { if index > 0 && index < 32 { x[index] = xlen.canonical(newValue) } }
    }

    /// Charges `n` extra cycles (for syscalls). If the total passes the cycle limit, the run stops with
    /// `outOfCycles` when the syscall returns. The total saturates at `UInt64.max`, and `extraCycles` grows by
    /// what was actually added, so `instructionsRetired` stays exact even for a cost that saturates (a hash of a
    /// near-2⁶⁴ length).
    public func chargeCycles(_ n: UInt64) {
        let (c, o) = cycles.addingReportingOverflow(n)
        let total = o ? UInt64.max : c
        extraCycles &+= total - cycles
        cycles = total
    }
}

/// What `Hart.execute()` returns: a stop, or an ECALL for the embedder's syscall handler.
public enum ExecutionEvent: Equatable {
    /// ECALL at `hart.pc`; it has retired (charged one cycle) but pc still points at it.
    case ecall
    /// The hart stopped.
    case stop(StopReason)
}
