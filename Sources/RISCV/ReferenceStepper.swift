import GuestABI

/// The outcome of executing one instruction with `Hart.step()`.
public enum StepResult: Equatable, Sendable {
    /// The instruction retired (one cycle charged); `pc` is the next instruction.
    case retired
    /// ECALL at `pc`: it has retired (one cycle charged) but `pc` still points at it, as with `execute()`.
    case ecall
    /// The hart stopped; nothing retired.
    case stop(StopReason)
}

/// The reference stepper: one RV32IM/RV64IM instruction at a time, decoded afresh from guest memory
/// (RISC-V Unprivileged ISA, chapters "RV32I", "RV64I" and "M"), with no pre-decoded records, blocks or
/// fused operations. It is deliberately simple and slow: the fast engines are tested against it, and
/// developer tools (tracer, profiler, debugger) drive the hart through it.
///
/// Order of checks for one step: cycle limit (`outOfCycles`, pc unchanged), instruction fetch
/// (`fetchFault` unless pc is in an executable page), then the instruction, which either retires or
/// stops with a fault without changing any register, memory or cycle.
extension Hart {
    /// Register `index` (0…31); x0 reads as 0. RV32 values are returned sign-extended from bit 31.
    public func register(_ index: Int) -> UInt64 { self[index] }

    /// Sets register `index` (1…31; x0 and out-of-range indices are ignored), canonicalised to XLEN.
    public func setRegister(_ index: Int, _ value: UInt64) { self[index] = value }

    /// Executes exactly one instruction at `pc`.
    public func step() -> StepResult {
        guard cycles < cycleLimit else { return .stop(.outOfCycles(pc: pc)) }
        // An executable page lies inside the 2 GiB arena, so the 4-byte read below stays in bounds.
        guard pc & 3 == 0, memory.permissions(at: pc).contains(.execute) else { return .stop(.fetchFault(pc: pc)) }
        let w = UInt32(littleEndian: memory.arena.load(fromByteOffset: Int(pc), as: UInt32.self))
        let r = stepWord(w)
        if case .stop = r { return r }
        cycles &+= 1
        return r
    }

    /// Value of `v` as an unsigned XLEN-bit number.
    private func u(_ v: UInt64) -> UInt64 { xlen == .rv32 ? v & 0xFFFF_FFFF : v }
    /// Value of `v` as a signed XLEN-bit number.
    private func s(_ v: UInt64) -> Int64 { xlen == .rv32 ? Int64(Int32(truncatingIfNeeded: v)) : Int64(bitPattern: v) }
    private func setX(_ rd: Int, _ v: UInt64) { if rd != 0 { x[rd] = xlen.canonical(v) } }
    private func setW(_ rd: Int, _ v: UInt32) { if rd != 0 { x[rd] = UInt64(bitPattern: Int64(Int32(bitPattern: v))) } }

    /// Executes instruction word `w` at `pc`. On `.retired` pc has been advanced; cycles are not charged here.
    private func stepWord(_ w: UInt32) -> StepResult {
        let rd = Int((w >> 7) & 31), rs1 = Int((w >> 15) & 31), rs2 = Int((w >> 20) & 31)
        let f3 = (w >> 12) & 7, f7 = w >> 25
        let a = x[rs1], b = x[rs2]
        let immI = UInt64(bitPattern: Int64(Int32(bitPattern: w) >> 20))
        let immS = UInt64(bitPattern: Int64((Int32(bitPattern: w) >> 25) << 5 | Int32((w >> 7) & 31)))
        let immU = UInt64(bitPattern: Int64(Int32(bitPattern: w & 0xFFFF_F000)))
        let illegal = StepResult.stop(.illegalInstruction(pc: pc, word: w))
        let rv64 = xlen == .rv64
        let shamtMask: UInt64 = rv64 ? 63 : 31
        var next = u(pc &+ 4)

        switch w & 0x7F {
        case 0x37: setX(rd, immU) // LUI
        case 0x17: setX(rd, pc &+ immU) // AUIPC
        case 0x6F: // JAL
            let off = Int64(Int32(bitPattern: w & 0x8000_0000) >> 11) | Int64((w >> 12) & 0xFF) << 12
                | Int64((w >> 20) & 1) << 11 | Int64((w >> 21) & 0x3FF) << 1
            let t = u(pc &+ UInt64(bitPattern: off))
            guard t & 3 == 0 else { return .stop(.misalignedFetch(pc: pc, target: t)) }
            setX(rd, next)
            next = t
        case 0x67: // JALR
            guard f3 == 0 else { return illegal }
            let t = u(a &+ immI) & ~1
            guard t & 3 == 0 else { return .stop(.misalignedFetch(pc: pc, target: t)) }
            setX(rd, next)
            next = t
        case 0x63: // BRANCH
            let taken: Bool
            switch f3 {
            case 0: taken = a == b
            case 1: taken = a != b
            case 4: taken = s(a) < s(b)
            case 5: taken = s(a) >= s(b)
            case 6: taken = u(a) < u(b)
            case 7: taken = u(a) >= u(b)
            default: return illegal
            }
            if taken {
                let off = Int64(Int32(bitPattern: w & 0x8000_0000) >> 19) | Int64((w >> 7) & 1) << 11
                    | Int64((w >> 25) & 0x3F) << 5 | Int64((w >> 8) & 0xF) << 1
                let t = u(pc &+ UInt64(bitPattern: off))
                guard t & 3 == 0 else { return .stop(.misalignedFetch(pc: pc, target: t)) }
                next = t
            }
        case 0x03: // LOAD
            let widths: [UInt64] = [1, 2, 4, 8, 1, 2, 4, 0]
            let width = widths[Int(f3)]
            guard width != 0, width != 8 || rv64, f3 != 6 || rv64 else { return illegal }
            let addr = u(a &+ immI)
            let (r, v) = memory.slowLoad(addr, width)
            switch r {
            case .ok: break
            case .fault: return .stop(.loadFault(pc: pc, address: v))
            case .outOfMemory: return .stop(.outOfMemory(pc: pc, address: v))
            }
            switch f3 {
            case 0: setX(rd, UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: v))))
            case 1: setX(rd, UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: v))))
            case 2: setX(rd, UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: v))))
            default: setX(rd, v)
            }
        case 0x23: // STORE
            guard f3 < 3 || (f3 == 3 && rv64) else { return illegal }
            let addr = u(a &+ immS)
            let (r, at) = memory.slowStore(addr, 1 << UInt64(f3), b)
            switch r {
            case .ok: break
            case .fault: return .stop(.storeFault(pc: pc, address: at))
            case .outOfMemory: return .stop(.outOfMemory(pc: pc, address: at))
            }
        case 0x13: // OP-IMM
            let f6 = w >> 26
            switch f3 {
            case 0: setX(rd, a &+ immI)
            case 2: setX(rd, s(a) < s(immI) ? 1 : 0)
            case 3: setX(rd, u(a) < u(immI) ? 1 : 0)
            case 4: setX(rd, a ^ immI)
            case 6: setX(rd, a | immI)
            case 7: setX(rd, a & immI)
            case 1:
                guard rv64 ? f6 == 0 : f7 == 0 else { return illegal }
                setX(rd, a &<< (immI & shamtMask))
            default: // 5
                let sh = immI & shamtMask
                if rv64 ? f6 == 0 : f7 == 0 {
                    setX(rd, u(a) &>> sh)
                } else if rv64 ? f6 == 0x10 : f7 == 0x20 {
                    setX(rd, UInt64(bitPattern: s(a) &>> sh))
                } else {
                    return illegal
                }
            }
        case 0x1B: // OP-IMM-32 (RV64)
            guard rv64 else { return illegal }
            let a32 = UInt32(truncatingIfNeeded: a), sh = UInt32((w >> 20) & 31)
            switch (f3, f7) {
            case (0, _): setW(rd, a32 &+ UInt32(truncatingIfNeeded: immI))
            case (1, 0): setW(rd, a32 &<< sh)
            case (5, 0): setW(rd, a32 &>> sh)
            case (5, 0x20): setW(rd, UInt32(bitPattern: Int32(bitPattern: a32) &>> sh))
            default: return illegal
            }
        case 0x33: // OP
            guard let v = op(f3, f7, a, b) else { return illegal }
            setX(rd, v)
        case 0x3B: // OP-32 (RV64)
            guard rv64, let v = op32(f3, f7, UInt32(truncatingIfNeeded: a), UInt32(truncatingIfNeeded: b)) else {
                return illegal
            }
            setW(rd, v)
        case 0x0F: // MISC-MEM: FENCE is a no-op on one hart; FENCE.I is not part of IM
            guard f3 == 0 else { return illegal }
        case 0x73: // SYSTEM
            if w == 0x0000_0073 { return .ecall }
            if w == 0x0010_0073 { return .stop(.breakpoint(pc: pc)) }
            return illegal
        default:
            return illegal
        }
        pc = next
        return .retired
    }

    /// OP: register-register operations at XLEN (RV32I/RV64I "Integer Register-Register Operations", M).
    private func op(_ f3: UInt32, _ f7: UInt32, _ a: UInt64, _ b: UInt64) -> UInt64? {
        let sh = b & (xlen == .rv64 ? 63 : 31)
        let bits: UInt64 = xlen == .rv64 ? 64 : 32
        switch (f7, f3) {
        case (0, 0): return a &+ b
        case (0x20, 0): return a &- b
        case (0, 1): return a &<< sh
        case (0, 2): return s(a) < s(b) ? 1 : 0
        case (0, 3): return u(a) < u(b) ? 1 : 0
        case (0, 4): return a ^ b
        case (0, 5): return u(a) &>> sh
        case (0x20, 5): return UInt64(bitPattern: s(a) &>> sh)
        case (0, 6): return a | b
        case (0, 7): return a & b
        case (1, 0): return a &* b
        case (1, 1): // MULH: signed × signed, high half
            if bits == 32 { return UInt64(bitPattern: (s(a) &* s(b)) &>> 32) }
            return UInt64(bitPattern: s(a).multipliedFullWidth(by: s(b)).high)
        case (1, 2): // MULHSU: signed × unsigned, high half
            if bits == 32 { return UInt64(bitPattern: (s(a) &* Int64(u(b))) &>> 32) }
            var h = a.multipliedFullWidth(by: b).high
            if s(a) < 0 { h &-= b }
            return h
        case (1, 3): // MULHU
            if bits == 32 { return (u(a) &* u(b)) &>> 32 }
            return a.multipliedFullWidth(by: b).high
        case (1, 4): // DIV
            let x = s(a), y = s(b)
            if y == 0 { return ~0 }
            if y == -1 { return UInt64(bitPattern: 0 &- x) } // also the overflow case: the result is the dividend
            return UInt64(bitPattern: x / y)
        case (1, 5): // DIVU
            return u(b) == 0 ? ~0 : u(a) / u(b)
        case (1, 6): // REM
            let x = s(a), y = s(b)
            if y == 0 { return UInt64(bitPattern: x) }
            if y == -1 { return 0 }
            return UInt64(bitPattern: x % y)
        case (1, 7): // REMU
            return u(b) == 0 ? u(a) : u(a) % u(b)
        default: return nil
        }
    }

    /// OP-32: the RV64 *W register-register operations on the low 32 bits.
    private func op32(_ f3: UInt32, _ f7: UInt32, _ a: UInt32, _ b: UInt32) -> UInt32? {
        let sa = Int32(bitPattern: a), sb = Int32(bitPattern: b)
        switch (f7, f3) {
        case (0, 0): return a &+ b
        case (0x20, 0): return a &- b
        case (0, 1): return a &<< (b & 31)
        case (0, 5): return a &>> (b & 31)
        case (0x20, 5): return UInt32(bitPattern: sa &>> (b & 31))
        case (1, 0): return a &* b
        case (1, 4): return sb == 0 ? ~0 : UInt32(bitPattern: sb == -1 ? 0 &- sa : sa / sb)
        case (1, 5): return b == 0 ? ~0 : a / b
        case (1, 6): return UInt32(bitPattern: sb == 0 ? sa : (sb == -1 ? 0 : sa % sb))
        case (1, 7): return b == 0 ? a : a % b
        default: return nil
        }
    }
}
