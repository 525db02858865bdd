/// Integer register numbers by ABI name (RISC-V psABI, "Integer Register Convention").
public enum Reg {
    public static let zero = 0, ra = 1, sp = 2, gp = 3, tp = 4, t0 = 5, t1 = 6, t2 = 7
    public static let s0 = 8, fp = 8, s1 = 9, a0 = 10, a1 = 11, a2 = 12, a3 = 13, a4 = 14, a5 = 15, a6 = 16, a7 = 17
    public static let s2 = 18, s3 = 19, s4 = 20, s5 = 21, s6 = 22, s7 = 23, s8 = 24, s9 = 25, s10 = 26, s11 = 27
    public static let t3 = 28, t4 = 29, t5 = 30, t6 = 31
}

/// A tiny RISC-V assembler: one encoding function per instruction, built from the base instruction formats
/// (RISC-V Unprivileged ISA, "Base Instruction Formats" and "Immediate Encoding Variants"). Written
/// independently of the rvx decoder so tests check one against the other. Immediates are the values an
/// assembler takes (byte offsets for branches and jumps; the 20-bit upper immediate for LUI/AUIPC).
public enum Asm {
    static func f(_ v: Int, _ bits: Int) -> UInt32 { UInt32(truncatingIfNeeded: v) & ((1 << UInt32(bits)) - 1) }

    public static func r(_ op: UInt32, _ rd: Int, _ f3: UInt32, _ rs1: Int, _ rs2: Int, _ f7: UInt32) -> UInt32 {
        op | f(rd, 5) << 7 | f3 << 12 | f(rs1, 5) << 15 | f(rs2, 5) << 20 | f7 << 25
    }
    public static func i(_ op: UInt32, _ rd: Int, _ f3: UInt32, _ rs1: Int, _ imm: Int) -> UInt32 {
        op | f(rd, 5) << 7 | f3 << 12 | f(rs1, 5) << 15 | f(imm, 12) << 20
    }
    public static func s(_ op: UInt32, _ f3: UInt32, _ rs1: Int, _ rs2: Int, _ imm: Int) -> UInt32 {
        op | f(imm, 5) << 7 | f3 << 12 | f(rs1, 5) << 15 | f(rs2, 5) << 20 | f(imm >> 5, 7) << 25
    }
    public static func b(_ f3: UInt32, _ rs1: Int, _ rs2: Int, _ imm: Int) -> UInt32 {
        0x63 | f(imm >> 11, 1) << 7 | f(imm >> 1, 4) << 8 | f3 << 12 | f(rs1, 5) << 15 | f(rs2, 5) << 20
            | f(imm >> 5, 6) << 25 | f(imm >> 12, 1) << 31
    }
    public static func u(_ op: UInt32, _ rd: Int, _ imm20: Int) -> UInt32 { op | f(rd, 5) << 7 | f(imm20, 20) << 12 }
    public static func j(_ rd: Int, _ imm: Int) -> UInt32 {
        0x6F | f(rd, 5) << 7 | f(imm >> 12, 8) << 12 | f(imm >> 11, 1) << 20 | f(imm >> 1, 10) << 21 | f(imm >> 20, 1) << 31
    }

    // RV32I / RV64I
    public static func lui(_ rd: Int, _ imm20: Int) -> UInt32 { u(0x37, rd, imm20) }
    public static func auipc(_ rd: Int, _ imm20: Int) -> UInt32 { u(0x17, rd, imm20) }
    public static func jal(_ rd: Int, _ off: Int) -> UInt32 { j(rd, off) }
    public static func jalr(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x67, rd, 0, rs1, imm) }
    public static func beq(_ a: Int, _ b: Int, _ off: Int) -> UInt32 { Asm.b(0, a, b, off) }
    public static func bne(_ a: Int, _ b: Int, _ off: Int) -> UInt32 { Asm.b(1, a, b, off) }
    public static func blt(_ a: Int, _ b: Int, _ off: Int) -> UInt32 { Asm.b(4, a, b, off) }
    public static func bge(_ a: Int, _ b: Int, _ off: Int) -> UInt32 { Asm.b(5, a, b, off) }
    public static func bltu(_ a: Int, _ b: Int, _ off: Int) -> UInt32 { Asm.b(6, a, b, off) }
    public static func bgeu(_ a: Int, _ b: Int, _ off: Int) -> UInt32 { Asm.b(7, a, b, off) }
    public static func lb(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x03, rd, 0, rs1, imm) }
    public static func lh(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x03, rd, 1, rs1, imm) }
    public static func lw(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x03, rd, 2, rs1, imm) }
    public static func ld(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x03, rd, 3, rs1, imm) }
    public static func lbu(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x03, rd, 4, rs1, imm) }
    public static func lhu(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x03, rd, 5, rs1, imm) }
    public static func lwu(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x03, rd, 6, rs1, imm) }
    public static func sb(_ rs2: Int, _ rs1: Int, _ imm: Int) -> UInt32 { s(0x23, 0, rs1, rs2, imm) }
    public static func sh(_ rs2: Int, _ rs1: Int, _ imm: Int) -> UInt32 { s(0x23, 1, rs1, rs2, imm) }
    public static func sw(_ rs2: Int, _ rs1: Int, _ imm: Int) -> UInt32 { s(0x23, 2, rs1, rs2, imm) }
    public static func sd(_ rs2: Int, _ rs1: Int, _ imm: Int) -> UInt32 { s(0x23, 3, rs1, rs2, imm) }
    public static func addi(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x13, rd, 0, rs1, imm) }
    public static func slti(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x13, rd, 2, rs1, imm) }
    public static func sltiu(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x13, rd, 3, rs1, imm) }
    public static func xori(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x13, rd, 4, rs1, imm) }
    public static func ori(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x13, rd, 6, rs1, imm) }
    public static func andi(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x13, rd, 7, rs1, imm) }
    /// SLLI/SRLI/SRAI take a shift amount of 0…63 (RV64) or 0…31 (RV32).
    public static func slli(_ rd: Int, _ rs1: Int, _ sh: Int) -> UInt32 { i(0x13, rd, 1, rs1, sh & 0x3F) }
    public static func srli(_ rd: Int, _ rs1: Int, _ sh: Int) -> UInt32 { i(0x13, rd, 5, rs1, sh & 0x3F) }
    public static func srai(_ rd: Int, _ rs1: Int, _ sh: Int) -> UInt32 { i(0x13, rd, 5, rs1, 0x400 | (sh & 0x3F)) }
    public static func add(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 0, a, b, 0) }
    public static func sub(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 0, a, b, 0x20) }
    public static func sll(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 1, a, b, 0) }
    public static func slt(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 2, a, b, 0) }
    public static func sltu(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 3, a, b, 0) }
    public static func xor(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 4, a, b, 0) }
    public static func srl(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 5, a, b, 0) }
    public static func sra(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 5, a, b, 0x20) }
    public static func or(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 6, a, b, 0) }
    public static func and(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 7, a, b, 0) }
    public static func fence() -> UInt32 { 0x0FF0_000F }  // fence iorw, iorw
    public static func fenceI() -> UInt32 { 0x0000_100F }
    public static func ecall() -> UInt32 { 0x0000_0073 }
    public static func ebreak() -> UInt32 { 0x0010_0073 }
    public static func nop() -> UInt32 { addi(0, 0, 0) }

    // RV64I only
    public static func addiw(_ rd: Int, _ rs1: Int, _ imm: Int) -> UInt32 { i(0x1B, rd, 0, rs1, imm) }
    public static func slliw(_ rd: Int, _ rs1: Int, _ sh: Int) -> UInt32 { i(0x1B, rd, 1, rs1, sh & 0x1F) }
    public static func srliw(_ rd: Int, _ rs1: Int, _ sh: Int) -> UInt32 { i(0x1B, rd, 5, rs1, sh & 0x1F) }
    public static func sraiw(_ rd: Int, _ rs1: Int, _ sh: Int) -> UInt32 { i(0x1B, rd, 5, rs1, 0x400 | (sh & 0x1F)) }
    public static func addw(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x3B, rd, 0, a, b, 0) }
    public static func subw(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x3B, rd, 0, a, b, 0x20) }
    public static func sllw(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x3B, rd, 1, a, b, 0) }
    public static func srlw(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x3B, rd, 5, a, b, 0) }
    public static func sraw(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x3B, rd, 5, a, b, 0x20) }

    // M extension
    public static func mul(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 0, a, b, 1) }
    public static func mulh(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 1, a, b, 1) }
    public static func mulhsu(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 2, a, b, 1) }
    public static func mulhu(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 3, a, b, 1) }
    public static func div(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 4, a, b, 1) }
    public static func divu(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 5, a, b, 1) }
    public static func rem(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 6, a, b, 1) }
    public static func remu(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x33, rd, 7, a, b, 1) }
    public static func mulw(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x3B, rd, 0, a, b, 1) }
    public static func divw(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x3B, rd, 4, a, b, 1) }
    public static func divuw(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x3B, rd, 5, a, b, 1) }
    public static func remw(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x3B, rd, 6, a, b, 1) }
    public static func remuw(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x3B, rd, 7, a, b, 1) }

    // Encodings outside RV32IM/RV64IM, for illegal-instruction tests.
    /// csrrw rd, csr, rs1 (Zicsr).
    public static func csrrw(_ rd: Int, _ csr: Int, _ rs1: Int) -> UInt32 { i(0x73, rd, 1, rs1, csr) }
    /// rdcycle rd = csrrs rd, cycle, x0.
    public static func rdcycle(_ rd: Int) -> UInt32 { i(0x73, rd, 2, 0, 0xC00) }
    /// amoadd.w rd, rs2, (rs1) (A extension).
    public static func amoaddW(_ rd: Int, _ rs2: Int, _ rs1: Int) -> UInt32 { r(0x2F, rd, 2, rs1, rs2, 0) }
    /// fadd.s rd, rs1, rs2 (F extension, rm = dynamic).
    public static func faddS(_ rd: Int, _ a: Int, _ b: Int) -> UInt32 { r(0x53, rd, 7, a, b, 0) }
    /// c.addi a0, 1 (a 16-bit C-extension instruction, followed by a c.nop in the upper half).
    public static func cAddiPair() -> UInt32 { 0x0001_0505 }
    /// mret (privileged).
    public static func mret() -> UInt32 { 0x3020_0073 }
}
