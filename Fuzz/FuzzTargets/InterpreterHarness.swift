import GuestABI
import HostABI
import RISCV

/// Interpreter harness (RISC-V Unprivileged ISA RV32IM/RV64IM; docs/MEMORY.md "Limits"): random instruction words
/// with random register state, run with the native syscalls (guest-managed) over a small container and a small
/// cycle limit.
///
/// Input layout: byte 0 — bit 0 selects RV64, bit 1 asks for a determinism re-run; 31 × 4 bytes — register
/// seeds (the top two bits of each pick a class: raw sign-extended word, address in the data page, address near
/// the stack top, or a 64-bit value); 4096 bytes — the data page; the rest — instruction words at 0x10000.
///
/// Invariants: the run stops with a typed reason; at most `cycleLimit` instructions retire; a stop other than
/// *out of cycles* leaves `cycles ≤ cycleLimit` (costs are charged before the work, docs/ABI.md §5); RV32
/// registers stay sign-extended; fetch faults name non-executable pcs, misaligned fetches misaligned targets,
/// illegal instructions the word at their pc; a `halted` stop carries a native reason; memory stays within its
/// limit; and (bit 1) a second run on a fresh hart gives the same stop, cycles, registers and output.
enum InterpreterHarness {
    static let cycleLimit: UInt64 = 2_000
    static let memoryLimit: UInt64 = 8 << 20
    static let textBase: UInt64 = 0x10000
    static let dataBase: UInt64 = 0x20000
    static let container: [UInt8] = Seeds.container(batch: Array("fuzz".utf8))

    struct Outcome: Equatable {
        var stop: StopReason
        var cycles: UInt64
        var retired: UInt64
        var registers: [UInt64]
        var output: [UInt8]
        var stdout: [UInt8]
        var data: [UInt8]
        var memoryUsed: UInt64
    }

    static func run(_ data: [UInt8]) throws(InvariantViolation) -> String {
        let (flags, image, regs) = parse(data)
        let first = try once(image, regs)
        if flags & 2 != 0 {
            let second = try once(image, regs)
            try check(first == second, "re-run differs: \(first.stop) / \(second.stop), cycles \(first.cycles) / \(second.cycles)")
        }
        return "\(first.stop) after \(first.cycles) cycles"
    }

    /// The input's flags byte, program image and initial registers (layout above).
    static func parse(_ data: [UInt8]) -> (flags: UInt8, image: ProgramImage, registers: [UInt64]) {
        var r = FuzzReader(data)
        let flags = r.u8()
        let xlen: XLEN = flags & 1 == 1 ? .rv64 : .rv32
        var regs = [UInt64](repeating: 0, count: 32)
        for i in 1..<32 {
            let w = r.u32()
            switch w >> 30 {
            case 0: regs[i] = UInt64(bitPattern: Int64(Int32(bitPattern: w)))
            case 1: regs[i] = dataBase + UInt64(w & 0xFFF)
            case 2: regs[i] = MemoryMap.stackTop - UInt64(w & 0xFFFF)
            default: regs[i] = UInt64(w) << 32 | UInt64(w.byteSwapped)
            }
        }
        let dataPage = r.take(4096)
        var text = r.rest()
        while text.count % 4 != 0 { text.append(0) }
        if text.isEmpty { text = [0x73, 0, 0, 0] }  // ecall
        let image = ProgramImage(xlen: xlen, entry: textBase, segments: [
            Segment(address: textBase, bytes: text, permissions: [.read, .execute]),
            Segment(address: dataBase, bytes: dataPage, memorySize: 4096, permissions: [.read, .write]),
        ])
        return (flags, image, regs)
    }

    /// One run on a fresh hart of `engine` (`prepare` may install translated code) under `cycleLimit`.
    static func once(_ image: ProgramImage, _ regs: [UInt64], engine: Engine = .fast, cycleLimit: UInt64 = cycleLimit,
                     prepare: (Hart) throws(InvariantViolation) -> Void = { _ in }) throws(InvariantViolation) -> Outcome {
        let hart: Hart
        do {
            hart = try Hart(image: image, config: MachineConfig(cycleLimit: cycleLimit, memoryLimit: memoryLimit, engine: engine))
        } catch {
            throw InvariantViolation("a valid two-segment image was rejected: \(error)")
        }
        try prepare(hart)
        for i in 1..<32 { hart[i] = regs[i] }
        let xlen = image.xlen
        var sections = [Range<Int>?](repeating: nil, count: 7)
        sections[0] = 0..<container.count
        let native = NativeSyscalls<NoStateBackend>(input: container, sections: sections, mode: .guestManaged, state: nil,
                                                    outputLimit: 4096, debugLimit: 4096)
        guard hart.memory.mapInput(container) else { throw InvariantViolation("a small container did not map") }
        var handler = LinuxSyscalls(io: CapturedIO(stdin: container, outputLimit: 4096), extension: native)
        handler.ext.maxTransfer = handler.maxTransfer
        let stop = hart.run(&handler)

        try check(hart.instructionsRetired <= cycleLimit, "\(hart.instructionsRetired) instructions retired, limit \(cycleLimit)")
        switch stop {
        case .outOfCycles:
            try check(hart.cycles >= cycleLimit, "out of cycles at \(hart.cycles) < limit \(cycleLimit)")
        default:
            try check(hart.cycles <= cycleLimit, "stopped with \(stop) after \(hart.cycles) cycles, limit \(cycleLimit)")
        }
        switch stop {
        case .fetchFault(let pc):
            try check(!hart.memory.permissions(at: pc).contains(.execute) || pc & 3 != 0, "fetch fault at executable pc \(pc)")
        case .misalignedFetch(_, let target):
            try check(target & 3 != 0, "misaligned fetch to aligned target \(target)")
        case .illegalInstruction(let pc, let word):
            if let b = hart.memory.read(pc, count: 4) {
                let w = UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
                try check(w == word, "illegal instruction word \(word) differs from memory \(w) at \(pc)")
            }
        case .halted:
            try check(handler.ext.stop != nil, "halted without a native reason: \(stop)")
        case .loadFault(_, let a), .storeFault(_, let a):
            _ = a
        default:
            break
        }
        var out = [UInt64](repeating: 0, count: 32)
        for i in 0..<32 {
            out[i] = hart[i]
            try check(out[i] == xlen.canonical(out[i]), "x\(i) = \(out[i]) is not canonical for \(xlen)")
        }
        try check(hart.memory.memoryUsed <= memoryLimit, "memory used \(hart.memory.memoryUsed) > limit")
        return Outcome(stop: stop, cycles: hart.cycles, retired: hart.instructionsRetired, registers: out,
                       output: handler.ext.output, stdout: handler.io.stdout,
                       data: hart.memory.read(dataBase, count: 4096) ?? [], memoryUsed: hart.memory.memoryUsed)
    }
}
