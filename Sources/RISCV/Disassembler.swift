/// Renders one instruction word as RISC-V assembly (RISC-V Unprivileged ISA, "RV32/64G Instruction Set
/// Listings"; register ABI names from the psABI). Used for fault messages and later trace tools.
/// Words outside RV32IM/RV64IM render as "illegal"; `pc` turns branch/jump offsets into targets.
public enum Disassembler {
    static let names = ["zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4",
                        "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
                        "t5", "t6"]

    /// The ABI name of register `r` (0…31).
    public static func register(_ r: Int) -> String { r >= 0 && r < 32 ? names[r] : "x\(r)" }

    static func h(_ v: UInt64) -> String { "0x" + String(v, radix: 16) }

    /// Disassembles `word` located at `pc`.
    public static func disassemble(_ word: UInt32, pc: UInt64, xlen: XLEN) -> String {
        let d = Decoder(xlen: xlen, codeBase: 0, codeCount: 0)
        let ins = d.decode(word, pc: pc)
        let rd = register(Int(Decoder.bits(word, 11, 7))), rs1 = register(Int(Decoder.bits(word, 19, 15)))
        let rs2 = register(Int(Decoder.bits(word, 24, 20)))
        let immI = Int64(Decoder.immI(word)), immS = Int64(Decoder.immS(word))
        let mnemonic = name(ins.op, word: word, xlen: xlen)
        let target = { (off: Int32) in h(xlen.address(pc &+ UInt64(bitPattern: Int64(off)))) }
        switch ins.op {
        case .illegal, .fetchFault: return "illegal"
        case .li, .auipc:
            let u = String(Decoder.bits(word, 31, 12), radix: 16)
            return word & 0x7F == 0x37 ? "lui \(rd), 0x\(u)" : "auipc \(rd), 0x\(u)"
        case .jal, .jalFar: return "jal \(rd), \(target(Decoder.immJ(word)))"
        case .jalr: return "jalr \(rd), \(immI)(\(rs1))"
        case .beq, .bne, .blt, .bge, .bltu, .bgeu, .branchFar:
            return "\(mnemonic) \(rs1), \(rs2), \(target(Decoder.immB(word)))"
        case .lb, .lh, .lw, .lbu, .lhu, .lwu, .ld: return "\(mnemonic) \(rd), \(immI)(\(rs1))"
        case .sb, .sh, .sw, .sd: return "\(mnemonic) \(rs2), \(immS)(\(rs1))"
        case .slli, .srli, .srai, .slliw, .srliw, .sraiw:
            return "\(mnemonic) \(rd), \(rs1), \(ins.imm)"
        case .addi, .slti, .sltiu, .xori, .ori, .andi, .addiw: return "\(mnemonic) \(rd), \(rs1), \(immI)"
        case .fence, .ecall, .ebreak: return mnemonic
        default: return "\(mnemonic) \(rd), \(rs1), \(rs2)"
        }
    }

    /// The assembly mnemonic (from the instruction table); a far branch is named by its funct3.
    static func name(_ op: Op, word: UInt32, xlen: XLEN) -> String {
        if op == .branchFar { return ["beq", "bne", "?", "?", "blt", "bge", "bltu", "bgeu"][Int(Decoder.bits(word, 14, 12))] }
        return op.mnemonic(xlen)
    }
}
