import RISCVTestSupport

/// Generates random RV32IM / RV64IM test programs for the differential test (rvx vs qemu-user).
///
/// One ELF holds `cases` independent cases run one after another. Each case sets every register x1…x31
/// to a random value (edge values 0, ±1, INT_MIN, INT_MAX or random bits), runs a random body (ALU and M
/// ops, *W ops on RV64, lui/auipc, loads and stores at unaligned offsets into a data buffer, forward
/// branches, counted loops, calls through jal and jalr), then stores x1…x31 after the buffer and writes
/// buffer + registers to stdout as raw bytes (write syscall 64). The program ends with exit(0).
///
/// Register roles: x31 = buffer base + 1024 (never a destination), x30 = scratch address for jalr and
/// register-indexed memory access, x29 = loop counter, x1 = return address; random destinations are
/// x2…x28. Memory offsets stay inside the buffer, so no case can fault.
struct RandomProgram {
    static let textBase: UInt64 = 0x10000
    static let dataBase: UInt64 = 0x10_0000
    /// Buffer bytes addressable as x31 + [-1024, 1023] plus 8 bytes of slack for the widest access.
    static let bufferSize = 2048 + 16
    static let dumpOffset = bufferSize          // registers are dumped right after the buffer
    static let baseReg = 31, scratchReg = 30, loopReg = 29

    let xlen: Int
    private(set) var rng: SplitMix64
    private var p: Program
    private var labelCounter = 0
    private var functions: [String] = []

    var xlenBytes: Int { xlen / 8 }
    /// Bytes each case writes to stdout.
    var outputBytesPerCase: Int { Self.bufferSize + 31 * xlenBytes }

    init(xlen: Int, seed: UInt64) {
        self.xlen = xlen
        rng = SplitMix64(seed: seed)
        p = Program(xlen: xlen, base: Self.textBase)
    }

    /// Builds the ELF file with `cases` cases.
    mutating func elf(cases: Int) -> [UInt8] {
        p.jal(0, to: "main")
        for k in 0..<4 { emitFunction("f\(k)") }
        p.label("main")
        for _ in 0..<cases { emitCase() }
        p.exit(0)
        var data = [UInt8](repeating: 0, count: Self.bufferSize)
        for i in data.indices { data[i] = UInt8(truncatingIfNeeded: rng.next()) }
        let segments = [
            ELFWriter.Segment(flags: ELFWriter.PF_R | ELFWriter.PF_X, vaddr: Self.textBase, bytes: p.bytes),
            ELFWriter.Segment(flags: ELFWriter.PF_R | ELFWriter.PF_W, vaddr: Self.dataBase, bytes: data,
                              memsz: UInt64(Self.bufferSize + 31 * 8)),
        ]
        return ELFWriter(is64: xlen == 64, entry: Self.textBase, segments: segments).build()
    }

    // MARK: - structure

    private mutating func freshLabel() -> String {
        labelCounter += 1
        return "L\(labelCounter)"
    }

    private mutating func emitFunction(_ name: String) {
        functions.append(name)
        p.label(name)
        for _ in 0..<(2 + rng.below(8)) { emitSimple(allowBranch: true) }
        p.emit(Asm.jalr(0, 1, 0))
    }

    private mutating func emitCase() {
        for r in 1...30 { p.li(r, randomValue()) }
        p.li(Self.baseReg, Int64(Self.dataBase + 1024))
        for _ in 0..<(40 + rng.below(80)) {
            switch rng.below(100) {
            case 0..<8: emitLoop()
            case 8..<13: emitCall()
            default: emitSimple(allowBranch: true)
            }
        }
        // dump x1…x31 after the buffer, then write(1, buffer, bufferSize + 31 * XLEN/8)
        let dump = Self.dumpOffset - 1024
        for r in 1...31 {
            let off = dump + (r - 1) * xlenBytes
            p.emit(xlen == 64 ? Asm.sd(r, Self.baseReg, off) : Asm.sw(r, Self.baseReg, off))
        }
        p.li(10, 1)
        p.li(11, Int64(Self.dataBase))
        p.li(12, Int64(outputBytesPerCase))
        p.syscall(64)
    }

    private mutating func emitLoop() {
        let top = freshLabel()
        p.li(Self.loopReg, Int64(1 + rng.below(6)))
        p.label(top)
        for _ in 0..<(2 + rng.below(6)) { emitSimple(allowBranch: true) }
        p.emit(Asm.addi(Self.loopReg, Self.loopReg, -1))
        p.branch(Asm.bne, Self.loopReg, 0, to: top)
    }

    private mutating func emitCall() {
        let f = rng.pick(functions)
        if rng.chance(50) {
            p.jal(1, to: f)
        } else {
            // jalr through a register; an odd immediate checks that bit 0 of the target is cleared
            guard let address = p.address(of: f) else { return }
            let odd = rng.chance(50)
            p.li(Self.scratchReg, Int64(address) - (odd ? 1 : 0))
            p.emit(Asm.jalr(1, Self.scratchReg, odd ? 1 : 0))
        }
    }

    // MARK: - instructions

    private static let edgeValues: [Int64] = [0, 1, -1, 2, -2, Int64(Int32.min), Int64(Int32.max), Int64.min, Int64.max,
                                              0x8000_0000, 0xFFFF_FFFF, 0x1_0000_0000, -0x8000_0001]

    private mutating func randomValue() -> Int64 {
        switch rng.below(4) {
        case 0: return rng.pick(Self.edgeValues)
        case 1: return Int64(rng.below(4096)) - 2048
        default: return Int64(bitPattern: rng.next())
        }
    }

    private mutating func dest() -> Int { 2 + rng.below(27) }      // x2…x28
    private mutating func src() -> Int { rng.below(32) }          // any register, x0 included

    /// One instruction (or a short sequence) that cannot fault and falls through (a forward branch skips
    /// a few simple instructions).
    private mutating func emitSimple(allowBranch: Bool) {
        let roll = rng.below(100)
        switch roll {
        case 0..<30: emitALU()
        case 30..<50: emitMul()
        case 50..<58: emitImm()
        case 58..<62:
            p.emit(rng.chance(50) ? Asm.lui(dest(), rng.below(1 << 20)) : Asm.auipc(dest(), rng.below(1 << 20)))
        case 62..<75: emitLoad()
        case 75..<87: emitStore()
        default:
            if allowBranch { emitForwardBranch() } else { emitALU() }
        }
    }

    private mutating func emitALU() {
        typealias R = (Int, Int, Int) -> UInt32
        var ops: [R] = [Asm.add, Asm.sub, Asm.sll, Asm.slt, Asm.sltu, Asm.xor, Asm.srl, Asm.sra, Asm.or, Asm.and]
        if xlen == 64 { ops += [Asm.addw, Asm.subw, Asm.sllw, Asm.srlw, Asm.sraw] }
        p.emit(rng.pick(ops)(dest(), src(), src()))
    }

    private mutating func emitMul() {
        typealias R = (Int, Int, Int) -> UInt32
        var ops: [R] = [Asm.mul, Asm.mulh, Asm.mulhsu, Asm.mulhu, Asm.div, Asm.divu, Asm.rem, Asm.remu]
        if xlen == 64 { ops += [Asm.mulw, Asm.divw, Asm.divuw, Asm.remw, Asm.remuw] }
        var a = src(), b = src()
        // often force an edge operand (division by zero, INT_MIN / -1, …) into a source first;
        // only x2…x28 may be overwritten
        if rng.chance(40) { b = dest(); p.li(b, rng.pick(Self.edgeValues)) }
        if rng.chance(20) { a = dest(); if a != b { p.li(a, rng.pick(Self.edgeValues)) } }
        p.emit(rng.pick(ops)(dest(), a, b))
    }

    private mutating func emitImm() {
        let imm = rng.below(4096) - 2048
        let shamt = rng.below(xlen)
        switch rng.below(xlen == 64 ? 13 : 9) {
        case 0: p.emit(Asm.addi(dest(), src(), imm))
        case 1: p.emit(Asm.slti(dest(), src(), imm))
        case 2: p.emit(Asm.sltiu(dest(), src(), imm))
        case 3: p.emit(Asm.xori(dest(), src(), imm))
        case 4: p.emit(Asm.ori(dest(), src(), imm))
        case 5: p.emit(Asm.andi(dest(), src(), imm))
        case 6: p.emit(Asm.slli(dest(), src(), shamt))
        case 7: p.emit(Asm.srli(dest(), src(), shamt))
        case 8: p.emit(Asm.srai(dest(), src(), shamt))
        case 9: p.emit(Asm.addiw(dest(), src(), imm))
        case 10: p.emit(Asm.slliw(dest(), src(), shamt & 31))
        case 11: p.emit(Asm.srliw(dest(), src(), shamt & 31))
        default: p.emit(Asm.sraiw(dest(), src(), shamt & 31))
        }
    }

    /// A base register and offset inside the buffer: x31 + imm, or x30 = x31 + (random & 0x3ff) + imm.
    private mutating func address() -> (Int, Int) {
        if rng.chance(25) {
            p.emit(Asm.andi(Self.scratchReg, src(), 0x3FF))
            p.emit(Asm.add(Self.scratchReg, Self.scratchReg, Self.baseReg))
            return (Self.scratchReg, rng.below(1017) - 1024)          // x31 + [0, 1023] + [-1024, -8]
        }
        return (Self.baseReg, rng.below(2040) - 1024)                 // x31 + [-1024, 1016)
    }

    private mutating func emitLoad() {
        typealias L = (Int, Int, Int) -> UInt32
        var ops: [L] = [Asm.lb, Asm.lbu, Asm.lh, Asm.lhu, Asm.lw]
        if xlen == 64 { ops += [Asm.lwu, Asm.ld] }
        let (base, off) = address()
        p.emit(rng.pick(ops)(dest(), base, off))
    }

    private mutating func emitStore() {
        typealias S = (Int, Int, Int) -> UInt32
        var ops: [S] = [Asm.sb, Asm.sh, Asm.sw]
        if xlen == 64 { ops.append(Asm.sd) }
        let (base, off) = address()
        p.emit(rng.pick(ops)(src(), base, off))
    }

    private mutating func emitForwardBranch() {
        typealias B = (Int, Int, Int) -> UInt32
        let kinds: [B] = [Asm.beq, Asm.bne, Asm.blt, Asm.bge, Asm.bltu, Asm.bgeu]
        let skip = freshLabel()
        p.branch(rng.pick(kinds), src(), src(), to: skip)
        for _ in 0..<(1 + rng.below(4)) { emitSimple(allowBranch: false) }
        p.label(skip)
    }
}
