/// The operations of the pre-decoded instruction record. RV32 instructions whose result must be truncated
/// to 32 bits are decoded to the RV64 *W operations (which compute exactly that on sign-extended
/// registers), so the interpreter needs no XLEN test per instruction.
@usableFromInline
enum Op: UInt8 {
    /// Illegal instruction; `imm` holds the instruction word.
    case illegal
    /// The slot is not executable (or is the sentinel past the end of the code).
    case fetchFault
    /// rd = imm (LUI, and AUIPC whose result is known at decode time and fits 32 bits signed).
    case li
    /// rd = pc + imm (AUIPC on RV64 when the result does not fit in 32 bits signed).
    case auipc
    /// rd = pc + 4; jump to code index `imm`.
    case jal
    /// JAL whose target is misaligned or outside the code; `imm` is the byte offset.
    case jalFar
    /// rd = pc + 4; jump to (rs1 + imm) & ~1.
    case jalr
    /// Branch to code index `imm` if the condition holds.
    case beq, bne, blt, bge, bltu, bgeu
    /// Branch whose target is misaligned or outside the code; `rd` holds funct3, `imm` the byte offset.
    case branchFar
    case lb, lh, lw, lbu, lhu, lwu, ld
    case sb, sh, sw, sd
    case addi, slti, sltiu, xori, ori, andi, slli, srli, srai
    case add, sub, sll, slt, sltu, xor, srl, sra, or, and
    /// FENCE (and FENCE.TSO, PAUSE): a no-op on a single hart.
    case fence
    case ecall, ebreak
    case addiw, slliw, srliw, sraiw
    case addw, subw, sllw, srlw, sraw
    case mul, mulh, mulhsu, mulhu, div, divu, rem, remu
    case mulw, divw, divuw, remw, remuw
    /// RV32 MULH/MULHSU/MULHU: high 32 bits of the 64-bit product, sign-extended.
    case mulh32, mulhsu32, mulhu32
}

/// A pre-decoded instruction (8 bytes): the decoder turns every 4-byte slot of the executable pages into
/// one record, stored contiguously and indexed by (pc - codeBase) / 4.
/// `rd` is 32 (a scratch register) when the instruction writes x0, so writes to x0 need no test.
@usableFromInline
struct Instruction {
    @usableFromInline var op: Op
    @usableFromInline var rd: UInt8
    @usableFromInline var rs1: UInt8
    @usableFromInline var rs2: UInt8
    @usableFromInline var imm: Int32

    @inline(__always)
    init(_ op: Op, rd: UInt8 = 32, rs1: UInt8 = 0, rs2: UInt8 = 0, imm: Int32 = 0) {
        self.op = op
        self.rd = rd
        self.rs1 = rs1
        self.rs2 = rs2
        self.imm = imm
    }
}
