/// Why a hart stopped running. Faults follow the RISC-V exception causes (Privileged ISA, "mcause"
/// table: instruction address misaligned, instruction access fault, illegal instruction, breakpoint,
/// load/store access fault) but are reported to the embedder instead of trapping to a guest handler.
/// A faulting instruction does not retire: its cycle is not charged and no register changes.
public enum StopReason: Equatable, Sendable, CustomStringConvertible {
    /// The guest called exit/exit_group with this status (the full register value, sign-extended on RV32).
    case exited(code: Int64)
    /// EBREAK at `pc`.
    case breakpoint(pc: UInt64)
    /// An instruction outside RV32IM/RV64IM (C, A, F/D, Zicsr, privileged, reserved encodings) at `pc`.
    case illegalInstruction(pc: UInt64, word: UInt32)
    /// A load at `pc` touched `address`, which is unmapped or not readable.
    case loadFault(pc: UInt64, address: UInt64)
    /// A store at `pc` touched `address`, which is unmapped or not writable.
    case storeFault(pc: UInt64, address: UInt64)
    /// An instruction fetch from `pc`, which is not in an executable page.
    case fetchFault(pc: UInt64)
    /// The jump or taken branch at `pc` targets `target`, which is not 4-byte aligned (no C extension).
    case misalignedFetch(pc: UInt64, target: UInt64)
    /// The cycle limit was reached; `pc` is the next instruction, which did not execute. The hart can resume
    /// if the limit is raised.
    case outOfCycles(pc: UInt64)
    /// Touching `address` at `pc` (a first touch of a stack page) would exceed the memory limit.
    case outOfMemory(pc: UInt64, address: UInt64)
    /// A syscall handler stopped the guest (e.g. a native rvx syscall reporting an error).
    case halted(code: UInt64, reason: String)

    /// One line naming the stop, the pc and the address or instruction word.
    public var description: String {
        switch self {
        case .exited(let c): return "exited with status \(c)"
        case .breakpoint(let pc): return "breakpoint (ebreak) at pc \(hex(pc))"
        case .illegalInstruction(let pc, let w): return "illegal instruction \(hex32(w)) at pc \(hex(pc))"
        case .loadFault(let pc, let a): return "load access fault at address \(hex(a)) (pc \(hex(pc)))"
        case .storeFault(let pc, let a): return "store access fault at address \(hex(a)) (pc \(hex(pc)))"
        case .fetchFault(let pc): return "instruction fetch fault at pc \(hex(pc)) (not executable)"
        case .misalignedFetch(let pc, let t): return "misaligned jump target \(hex(t)) (pc \(hex(pc)))"
        case .outOfCycles(let pc): return "out of cycles before pc \(hex(pc))"
        case .outOfMemory(let pc, let a): return "out of memory touching address \(hex(a)) (pc \(hex(pc)))"
        case .halted(let c, let r): return "halted by syscall with code \(c): \(r)"
        }
    }

    /// The pc the stop refers to, if any.
    public var pc: UInt64? {
        switch self {
        case .exited, .halted: return nil
        case .breakpoint(let pc), .illegalInstruction(let pc, _), .loadFault(let pc, _), .storeFault(let pc, _),
             .fetchFault(let pc), .misalignedFetch(let pc, _), .outOfCycles(let pc), .outOfMemory(let pc, _):
            return pc
        }
    }
}

@usableFromInline
func hex(_ v: UInt64) -> String { "0x" + String(v, radix: 16) }

@usableFromInline
func hex32(_ v: UInt32) -> String {
    let s = String(v, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - s.count)) + s
}
