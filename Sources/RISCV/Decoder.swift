/// Decodes 32-bit RV32IM/RV64IM instruction words into pre-decoded records
/// (RISC-V Unprivileged ISA: "RV32I Base Integer Instruction Set", "RV64I", "M Extension";
/// opcode map in "RV32/64G Instruction Set Listings").
///
/// Every encoding outside RV32IM/RV64IM decodes to `illegal`: compressed (low bits != 0b11), A, F/D,
/// Zicsr (incl. rdcycle), Zifencei (FENCE.I is not part of IM: rvx code is immutable and pre-decoded, so
/// it is rejected rather than silently ignored), privileged instructions, and reserved encodings.
@usableFromInline
struct Decoder {
    let xlen: XLEN
    /// Address of code slot 0.
    let codeBase: UInt64
    /// Number of code slots (targets at or beyond it are outside the code).
    let codeCount: Int

    @inline(__always) static func bits(_ w: UInt32, _ hi: UInt32, _ lo: UInt32) -> UInt32 {
        (w >> lo) & ((1 << (hi - lo + 1)) - 1)
    }

    static func immI(_ w: UInt32) -> Int32 { Int32(bitPattern: w) >> 20 }
    static func immS(_ w: UInt32) -> Int32 {
        (Int32(bitPattern: w & 0xFE00_0000) >> 20) | Int32(bits(w, 11, 7))
    }
    static func immB(_ w: UInt32) -> Int32 {
        (Int32(bitPattern: w & 0x8000_0000) >> 19) | Int32(bits(w, 7, 7) << 11)
            | Int32(bits(w, 30, 25) << 5) | Int32(bits(w, 11, 8) << 1)
    }
    static func immU(_ w: UInt32) -> Int32 { Int32(bitPattern: w & 0xFFFF_F000) }
    static func immJ(_ w: UInt32) -> Int32 {
        (Int32(bitPattern: w & 0x8000_0000) >> 11) | Int32(bits(w, 19, 12) << 12)
            | Int32(bits(w, 20, 20) << 11) | Int32(bits(w, 30, 21) << 1)
    }

    /// Code index of `target`, or nil if misaligned or outside the code.
    func index(of target: UInt64) -> Int32? {
        let off = target &- codeBase
        guard off & 3 == 0, off >> 2 < UInt64(codeCount) else { return nil }
        return Int32(off >> 2)
    }

    func decode(_ w: UInt32, pc: UInt64) -> Instruction {
        let illegal = Instruction(.illegal, imm: Int32(bitPattern: w))
        let rv64 = xlen == .rv64
        let rdRaw = UInt8(Decoder.bits(w, 11, 7))
        let rd = rdRaw == 0 ? 32 : rdRaw
        let rs1 = UInt8(Decoder.bits(w, 19, 15)), rs2 = UInt8(Decoder.bits(w, 24, 20))
        let f3 = Decoder.bits(w, 14, 12), f7 = Decoder.bits(w, 31, 25)
        switch w & 0x7F {
        case 0x37: // LUI
            return Instruction(.li, rd: rd, imm: Decoder.immU(w))
        case 0x17: // AUIPC
            let v = Int64(bitPattern: pc) &+ Int64(Decoder.immU(w))
            let value = rv64 ? v : Int64(Int32(truncatingIfNeeded: v))
            if let c = Int32(exactly: value) { return Instruction(.li, rd: rd, imm: c) }
            return Instruction(.auipc, rd: rd, imm: Decoder.immU(w))
        case 0x6F: // JAL
            let off = Decoder.immJ(w)
            if let t = index(of: pc &+ UInt64(bitPattern: Int64(off))) { return Instruction(.jal, rd: rd, imm: t) }
            return Instruction(.jalFar, rd: rd, imm: off)
        case 0x67: // JALR
            guard f3 == 0 else { return illegal }
            return Instruction(.jalr, rd: rd, rs1: rs1, imm: Decoder.immI(w))
        case 0x63: // BRANCH
            let ops: [Op?] = [.beq, .bne, nil, nil, .blt, .bge, .bltu, .bgeu]
            guard let op = ops[Int(f3)] else { return illegal }
            let off = Decoder.immB(w)
            if let t = index(of: pc &+ UInt64(bitPattern: Int64(off))) {
                return Instruction(op, rs1: rs1, rs2: rs2, imm: t)
            }
            return Instruction(.branchFar, rd: UInt8(f3), rs1: rs1, rs2: rs2, imm: off)
        case 0x03: // LOAD
            let ops: [Op?] = rv64 ? [.lb, .lh, .lw, .ld, .lbu, .lhu, .lwu, nil] : [.lb, .lh, .lw, nil, .lbu, .lhu, nil, nil]
            guard let op = ops[Int(f3)] else { return illegal }
            return Instruction(op, rd: rd, rs1: rs1, imm: Decoder.immI(w))
        case 0x23: // STORE
            let ops: [Op?] = rv64 ? [.sb, .sh, .sw, .sd, nil, nil, nil, nil] : [.sb, .sh, .sw, nil, nil, nil, nil, nil]
            guard let op = ops[Int(f3)] else { return illegal }
            return Instruction(op, rs1: rs1, rs2: rs2, imm: Decoder.immS(w))
        case 0x13: // OP-IMM
            let imm = Decoder.immI(w)
            switch f3 {
            case 0: return Instruction(rv64 ? .addi : .addiw, rd: rd, rs1: rs1, imm: imm)
            case 2: return Instruction(.slti, rd: rd, rs1: rs1, imm: imm)
            case 3: return Instruction(.sltiu, rd: rd, rs1: rs1, imm: imm)
            case 4: return Instruction(.xori, rd: rd, rs1: rs1, imm: imm)
            case 6: return Instruction(.ori, rd: rd, rs1: rs1, imm: imm)
            case 7: return Instruction(.andi, rd: rd, rs1: rs1, imm: imm)
            default: // shifts: RV64 has a 6-bit shamt (funct6), RV32 a 5-bit one (funct7)
                if rv64 {
                    let f6 = Decoder.bits(w, 31, 26), sh = Int32(Decoder.bits(w, 25, 20))
                    if f3 == 1 && f6 == 0 { return Instruction(.slli, rd: rd, rs1: rs1, imm: sh) }
                    if f3 == 5 && f6 == 0 { return Instruction(.srli, rd: rd, rs1: rs1, imm: sh) }
                    if f3 == 5 && f6 == 0x10 { return Instruction(.srai, rd: rd, rs1: rs1, imm: sh) }
                    return illegal
                }
                return shift32(f3, f7, rd, rs1, Int32(rs2)) ?? illegal
            }
        case 0x1B: // OP-IMM-32 (RV64 only)
            guard rv64 else { return illegal }
            if f3 == 0 { return Instruction(.addiw, rd: rd, rs1: rs1, imm: Decoder.immI(w)) }
            return shift32(f3, f7, rd, rs1, Int32(rs2)) ?? illegal
        case 0x33: // OP
            return op(f3, f7, rd, rs1, rs2) ?? illegal
        case 0x3B: // OP-32 (RV64 only)
            guard rv64 else { return illegal }
            return op32(f3, f7, rd, rs1, rs2) ?? illegal
        case 0x0F: // MISC-MEM: FENCE (reserved fields ignored as the spec asks); FENCE.I is not in IM
            return f3 == 0 ? Instruction(.fence) : illegal
        case 0x73: // SYSTEM
            if w == 0x0000_0073 { return Instruction(.ecall) }
            if w == 0x0010_0073 { return Instruction(.ebreak) }
            return illegal
        default:
            return illegal
        }
    }

    /// SLLI/SRLI/SRAI with a 5-bit shift amount: RV32 base shifts and RV64 SLLIW/SRLIW/SRAIW.
    func shift32(_ f3: UInt32, _ f7: UInt32, _ rd: UInt8, _ rs1: UInt8, _ sh: Int32) -> Instruction? {
        switch (f3, f7) {
        case (1, 0): return Instruction(.slliw, rd: rd, rs1: rs1, imm: sh)
        case (5, 0): return Instruction(.srliw, rd: rd, rs1: rs1, imm: sh)
        case (5, 0x20): return Instruction(.sraiw, rd: rd, rs1: rs1, imm: sh)
        default: return nil
        }
    }

    /// OP (register-register) for the XLEN of the hart; RV32 uses the *W forms where results need truncation.
    func op(_ f3: UInt32, _ f7: UInt32, _ rd: UInt8, _ rs1: UInt8, _ rs2: UInt8) -> Instruction? {
        let rv64 = xlen == .rv64
        let table: [Op]
        switch f7 {
        case 0x00: table = rv64 ? [.add, .sll, .slt, .sltu, .xor, .srl, .or, .and]
                                : [.addw, .sllw, .slt, .sltu, .xor, .srlw, .or, .and]
        case 0x20:
            switch f3 {
            case 0: return Instruction(rv64 ? .sub : .subw, rd: rd, rs1: rs1, rs2: rs2)
            case 5: return Instruction(rv64 ? .sra : .sraw, rd: rd, rs1: rs1, rs2: rs2)
            default: return nil
            }
        case 0x01: table = rv64 ? [.mul, .mulh, .mulhsu, .mulhu, .div, .divu, .rem, .remu]
                                : [.mulw, .mulh32, .mulhsu32, .mulhu32, .divw, .divuw, .remw, .remuw]
        default: return nil
        }
        return Instruction(table[Int(f3)], rd: rd, rs1: rs1, rs2: rs2)
    }

    /// OP-32 (RV64 *W register-register operations).
    func op32(_ f3: UInt32, _ f7: UInt32, _ rd: UInt8, _ rs1: UInt8, _ rs2: UInt8) -> Instruction? {
        let o: Op
        switch (f7, f3) {
        case (0x00, 0): o = .addw
        case (0x20, 0): o = .subw
        case (0x00, 1): o = .sllw
        case (0x00, 5): o = .srlw
        case (0x20, 5): o = .sraw
        case (0x01, 0): o = .mulw
        case (0x01, 4): o = .divw
        case (0x01, 5): o = .divuw
        case (0x01, 6): o = .remw
        case (0x01, 7): o = .remuw
        default: return nil
        }
        return Instruction(o, rd: rd, rs1: rs1, rs2: rs2)
    }
}
