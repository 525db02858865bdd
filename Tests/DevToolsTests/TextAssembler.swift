import RISCVTestSupport

/// A tiny assembler for the disassembler's own output syntax (`op rd, rs1, imm`, `imm(rs1)`, absolute
/// hex targets), built on `RISCVTestSupport.Asm` (independent of the rvx decoder): disassembling a word
/// and assembling the text back must give the same word.
enum TextAssembler {
    static let regs = ["zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4",
                       "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
                       "t5", "t6"]

    static func reg(_ s: String) -> Int? { regs.firstIndex(of: s) }

    static func number(_ s: String) -> Int? {
        if s.hasPrefix("0x") { return Int(s.dropFirst(2), radix: 16) }
        if s.hasPrefix("-0x") { return Int(s.dropFirst(3), radix: 16).map { -$0 } }
        return Int(s)
    }

    /// "imm(reg)" → (imm, reg).
    static func memory(_ s: String) -> (Int, Int)? {
        guard let open = s.firstIndex(of: "("), s.hasSuffix(")") else { return nil }
        guard let imm = number(String(s[..<open])),
              let r = reg(String(s[s.index(after: open)..<s.index(before: s.endIndex)])) else { return nil }
        return (imm, r)
    }

    nonisolated(unsafe) static let rType: [String: (Int, Int, Int) -> UInt32] = [
        "add": Asm.add, "sub": Asm.sub, "sll": Asm.sll, "slt": Asm.slt, "sltu": Asm.sltu, "xor": Asm.xor,
        "srl": Asm.srl, "sra": Asm.sra, "or": Asm.or, "and": Asm.and, "mul": Asm.mul, "mulh": Asm.mulh,
        "mulhsu": Asm.mulhsu, "mulhu": Asm.mulhu, "div": Asm.div, "divu": Asm.divu, "rem": Asm.rem, "remu": Asm.remu,
        "addw": Asm.addw, "subw": Asm.subw, "sllw": Asm.sllw, "srlw": Asm.srlw, "sraw": Asm.sraw, "mulw": Asm.mulw,
        "divw": Asm.divw, "divuw": Asm.divuw, "remw": Asm.remw, "remuw": Asm.remuw,
    ]
    nonisolated(unsafe) static let iType: [String: (Int, Int, Int) -> UInt32] = [
        "addi": Asm.addi, "slti": Asm.slti, "sltiu": Asm.sltiu, "xori": Asm.xori, "ori": Asm.ori, "andi": Asm.andi,
        "addiw": Asm.addiw, "slli": Asm.slli, "srli": Asm.srli, "srai": Asm.srai, "slliw": Asm.slliw,
        "srliw": Asm.srliw, "sraiw": Asm.sraiw,
    ]
    nonisolated(unsafe) static let loads: [String: (Int, Int, Int) -> UInt32] = [
        "lb": Asm.lb, "lh": Asm.lh, "lw": Asm.lw, "ld": Asm.ld, "lbu": Asm.lbu, "lhu": Asm.lhu, "lwu": Asm.lwu,
        "jalr": Asm.jalr,
    ]
    nonisolated(unsafe) static let stores: [String: (Int, Int, Int) -> UInt32] = ["sb": Asm.sb, "sh": Asm.sh, "sw": Asm.sw, "sd": Asm.sd]
    nonisolated(unsafe) static let branches: [String: (Int, Int, Int) -> UInt32] = [
        "beq": Asm.beq, "bne": Asm.bne, "blt": Asm.blt, "bge": Asm.bge, "bltu": Asm.bltu, "bgeu": Asm.bgeu,
    ]

    /// Assembles one line of disassembler output at `pc` (a trailing ` <symbol>` is ignored).
    static func assemble(_ line: String, pc: UInt64) -> UInt32? {
        var text = line
        if let lt = text.range(of: " <") { text = String(text[..<lt.lowerBound]) }
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let op = parts[0]
        let ops = parts.count > 1 ? parts[1].components(separatedBy: ", ") : []
        switch op {
        case "ecall": return Asm.ecall()
        case "ebreak": return Asm.ebreak()
        case "fence": return Asm.fence()
        default: break
        }
        if let f = rType[op], ops.count == 3, let a = reg(ops[0]), let b = reg(ops[1]), let c = reg(ops[2]) { return f(a, b, c) }
        if let f = iType[op], ops.count == 3, let a = reg(ops[0]), let b = reg(ops[1]), let c = number(ops[2]) { return f(a, b, c) }
        if let f = loads[op], ops.count == 2, let a = reg(ops[0]), let (imm, b) = memory(ops[1]) { return f(a, b, imm) }
        if let f = stores[op], ops.count == 2, let a = reg(ops[0]), let (imm, b) = memory(ops[1]) { return f(a, b, imm) }
        if let f = branches[op], ops.count == 3, let a = reg(ops[0]), let b = reg(ops[1]), let t = number(ops[2]) {
            return f(a, b, t - Int(pc))
        }
        if op == "jal", ops.count == 2, let a = reg(ops[0]), let t = number(ops[1]) { return Asm.jal(a, t - Int(pc)) }
        if op == "lui", ops.count == 2, let a = reg(ops[0]), let v = number(ops[1]) { return Asm.lui(a, v) }
        if op == "auipc", ops.count == 2, let a = reg(ops[0]), let v = number(ops[1]) { return Asm.auipc(a, v) }
        return nil
    }
}
