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

    /// The C operation for a pre-decoded record operation (generated from the instruction table).
    @inline(__always)
    static func coreOp(_ op: Op) -> Int { Int(Op.coreOps[Int(op.rawValue)]) }

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
            let op = coreOp(ins.op)
            var handler = table[op]
            if fuse && i < count && blockLength[i] >= 2 {
                let k = pairIndex[op * opCount + coreOp(code[i + 1].op)]
                if k >= 0 { handler = table[opCount + k] }
            }
            (out + i).initialize(to: rvx_insn(handler: handler, imm: ins.imm, rd: ins.rd,
                                              rs1: ins.rs1, rs2: ins.rs2, op: UInt8(op)))
        }
        return out
    }

    /// The fast engine: the C core, with the reference stepper for every instruction the core leaves on.
    func executeFast() -> ExecutionEvent {
        guard let core = coreCode else { return executeReference() }
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
                let r: Int32
                if let t = translation {
                    r = rvx_tr_run(&st, &t.program, rv64 ? 1 : 0)
                } else {
                    r = rv64 ? rvx_core_run64(&st, nil) : rvx_core_run32(&st, nil)
                }
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
