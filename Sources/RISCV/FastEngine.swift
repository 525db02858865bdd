import CRISCVCore
import GuestABI

/// The fast engine: pre-decoded records converted to direct-threaded C records (`rvx_insn`, whose
/// `handler` is the address of the C label implementing the operation) and run by the C dispatch core
/// in `Sources/CRISCVCore` (computed goto, one specialisation per XLEN). The core covers the common case;
/// it leaves *before* any unusual instruction (memory slow path, fault, EBREAK, illegal, jump out of the
/// code, a block that does not fit in the cycle budget), which the reference stepper then executes.
extension Hart {
    /// The C handler table for `xlen`, indexed by `rvx_op`.
    static func handlerTable(_ xlen: XLEN) -> UnsafePointer<UnsafeRawPointer?> {
        var table: UnsafePointer<UnsafeRawPointer?>? = nil
        if xlen == .rv64 { _ = rvx_core_run64(nil, &table) } else { _ = rvx_core_run32(nil, &table) }
        return table!   // the core always sets it when called with a null state
    }

    /// The C operation for a pre-decoded record operation.
    static func coreOp(_ op: Op) -> rvx_op {
        switch op {
        case .illegal, .fetchFault, .jalFar, .branchFar, .ebreak, .cycleStop: return RVX_OP_EXIT
        case .li: return RVX_OP_LI
        case .auipc: return RVX_OP_AUIPC
        case .jal: return RVX_OP_JAL
        case .jalr: return RVX_OP_JALR
        case .beq: return RVX_OP_BEQ
        case .bne: return RVX_OP_BNE
        case .blt: return RVX_OP_BLT
        case .bge: return RVX_OP_BGE
        case .bltu: return RVX_OP_BLTU
        case .bgeu: return RVX_OP_BGEU
        case .lb: return RVX_OP_LB
        case .lh: return RVX_OP_LH
        case .lw: return RVX_OP_LW
        case .lbu: return RVX_OP_LBU
        case .lhu: return RVX_OP_LHU
        case .lwu: return RVX_OP_LWU
        case .ld: return RVX_OP_LD
        case .sb: return RVX_OP_SB
        case .sh: return RVX_OP_SH
        case .sw: return RVX_OP_SW
        case .sd: return RVX_OP_SD
        case .addi: return RVX_OP_ADDI
        case .slti: return RVX_OP_SLTI
        case .sltiu: return RVX_OP_SLTIU
        case .xori: return RVX_OP_XORI
        case .ori: return RVX_OP_ORI
        case .andi: return RVX_OP_ANDI
        case .slli: return RVX_OP_SLLI
        case .srli: return RVX_OP_SRLI
        case .srai: return RVX_OP_SRAI
        case .add: return RVX_OP_ADD
        case .sub: return RVX_OP_SUB
        case .sll: return RVX_OP_SLL
        case .slt: return RVX_OP_SLT
        case .sltu: return RVX_OP_SLTU
        case .xor: return RVX_OP_XOR
        case .srl: return RVX_OP_SRL
        case .sra: return RVX_OP_SRA
        case .or: return RVX_OP_OR
        case .and: return RVX_OP_AND
        case .fence: return RVX_OP_FENCE
        case .ecall: return RVX_OP_ECALL
        case .addiw: return RVX_OP_ADDIW
        case .slliw: return RVX_OP_SLLIW
        case .srliw: return RVX_OP_SRLIW
        case .sraiw: return RVX_OP_SRAIW
        case .addw: return RVX_OP_ADDW
        case .subw: return RVX_OP_SUBW
        case .sllw: return RVX_OP_SLLW
        case .srlw: return RVX_OP_SRLW
        case .sraw: return RVX_OP_SRAW
        case .mul: return RVX_OP_MUL
        case .mulh: return RVX_OP_MULH
        case .mulhsu: return RVX_OP_MULHSU
        case .mulhu: return RVX_OP_MULHU
        case .div: return RVX_OP_DIV
        case .divu: return RVX_OP_DIVU
        case .rem: return RVX_OP_REM
        case .remu: return RVX_OP_REMU
        case .mulw: return RVX_OP_MULW
        case .divw: return RVX_OP_DIVW
        case .divuw: return RVX_OP_DIVUW
        case .remw: return RVX_OP_REMW
        case .remuw: return RVX_OP_REMUW
        case .mulh32: return RVX_OP_MULH32
        case .mulhsu32: return RVX_OP_MULHSU32
        case .mulhu32: return RVX_OP_MULHU32
        }
    }

    /// Builds the C records for `count + 1` pre-decoded records (the last is the sentinel). A record whose
    /// operation and the next one's form a fused pair of the core (`fused_pairs.txt`) and lie in the same
    /// straight-line block gets the pair's handler, which executes both with one dispatch (unless `fuse` is false).
    static func buildCoreCode(_ code: UnsafeMutablePointer<Instruction>, _ blockLength: UnsafeMutablePointer<UInt32>,
                              count: Int, xlen: XLEN, fuse: Bool) -> UnsafeMutablePointer<rvx_insn> {
        let table = handlerTable(xlen)
        let opCount = Int(RVX_OP_COUNT.rawValue)
        var list: UnsafePointer<(UInt8, UInt8)>? = nil
        let pairCount = Int(rvx_core_pairs(&list))
        var pairIndex = [Int](repeating: -1, count: opCount * opCount)
        if let list {
            for k in 0..<pairCount { pairIndex[Int(list[k].0) * opCount + Int(list[k].1)] = k }
        }
        let out = UnsafeMutablePointer<rvx_insn>.allocate(capacity: count + 1)
        for i in 0...count {
            let ins = code[i]
            let op = Int(coreOp(ins.op).rawValue)
            var handler = table[op]
            if fuse && i < count && blockLength[i] >= 2 {
                let k = pairIndex[op * opCount + Int(coreOp(code[i + 1].op).rawValue)]
                if k >= 0 { handler = table[opCount + k] }
            }
            (out + i).initialize(to: rvx_insn(handler: handler, imm: ins.imm, rd: ins.rd,
                                              rs1: ins.rs1, rs2: ins.rs2, op: UInt8(op)))
        }
        return out
    }

    /// The fast engine: the C core, with the reference stepper for every instruction the core leaves on.
    func executeFast() -> ExecutionEvent {
        guard let core = coreCode else { return executeSwitch() }
        var st = rvx_core_state(x: x, code: core, block_length: blockLength, arena: memory.arena.assumingMemoryBound(to: UInt8.self),
                                perm: memory.pages, code_base: codeBase, code_count: UInt64(codeCount),
                                cycles: 0, limit: 0, index: 0)
        let rv64 = xlen == .rv64
        while true {
            let off = pc &- codeBase
            if off & 3 == 0, off >> 2 < UInt64(codeCount) {
                st.cycles = cycles
                st.limit = cycleLimit
                st.index = off >> 2
                let r = rv64 ? rvx_core_run64(&st, nil) : rvx_core_run32(&st, nil)
                cycles = st.cycles
                pc = codeBase &+ st.index &<< 2
                if r == Int32(RVX_EXIT_ECALL.rawValue) { return .ecall }
            }
            switch step() {
            case .retired: continue
            case .ecall: return .ecall
            case .stop(let reason): return .stop(reason)
            }
        }
    }
}
