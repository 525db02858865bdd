import GuestABI

@inline(__always) func sext32(_ v: UInt32) -> UInt64 { UInt64(bitPattern: Int64(Int32(bitPattern: v))) }
@inline(__always) func lo32(_ v: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: v) }
@inline(__always) func signed(_ v: UInt64) -> Int64 { Int64(bitPattern: v) }

extension Hart {
    /// Runs until an ECALL or a stop (RISC-V Unprivileged ISA, RV32I/RV64I and "M" semantics).
    ///
    /// The dispatch loop keeps the code index and cycle count in locals, switches over the pre-decoded
    /// record, and touches guest memory through the flat arena with one range/alignment test and one
    /// permission-table lookup; everything unusual (misaligned or page-crossing accesses, first touch of a
    /// stack page, faults) leaves through an out-of-line slow path.
    public func execute() -> ExecutionEvent {
        let x = self.x, code = self.code, base = codeBase, count = codeCount
        let arena = memory.arena, perm = UnsafePointer(memory.pages)
        let mask: UInt64 = xlen == .rv32 ? 0xFFFF_FFFF : ~0
        let limit = cycleLimit
        let outside: UInt64 = ~(MemoryMap.addressSpaceEnd - 1)
        let start = pc &- base
        guard start & 3 == 0, start >> 2 < UInt64(count) else { return .stop(.fetchFault(pc: pc)) }
        var i = Int(start >> 2)
        var cyc = cycles
        var event = ExecutionEvent.ecall
        var stopPC: UInt64? = nil

        @inline(__always) func pcOf(_ i: Int) -> UInt64 { base &+ UInt64(truncatingIfNeeded: i) &<< 2 }
        @inline(__always) func canLoad(_ a: UInt64, _ align: UInt64) -> Bool {
            a & (outside | align) == 0 && perm[Int(truncatingIfNeeded: a &>> 12)] & GuestMemory.pageRead != 0
        }
        @inline(__always) func canStore(_ a: UInt64, _ align: UInt64) -> Bool {
            a & (outside | align) == 0 && perm[Int(truncatingIfNeeded: a &>> 12)] & GuestMemory.pageWrite != 0
        }
        @inline(__always) func host(_ a: UInt64) -> UnsafeMutableRawPointer { arena + Int(truncatingIfNeeded: a) }
        func memStop(_ r: GuestMemory.SlowResult, _ i: Int, _ a: UInt64, store: Bool) -> ExecutionEvent {
            if r == .outOfMemory { return .stop(.outOfMemory(pc: pcOf(i), address: a)) }
            return .stop(store ? .storeFault(pc: pcOf(i), address: a) : .loadFault(pc: pcOf(i), address: a))
        }

        loop: while true {
            if cyc >= limit { event = .stop(.outOfCycles(pc: pcOf(i))); break loop }
            let ins = code[i]
            cyc &+= 1
            let rd = Int(ins.rd), rs1 = Int(ins.rs1), rs2 = Int(ins.rs2)
            let imm = UInt64(bitPattern: Int64(ins.imm))
            switch ins.op {
            case .add: x[rd] = x[rs1] &+ x[rs2]
            case .addi: x[rd] = x[rs1] &+ imm
            case .sub: x[rd] = x[rs1] &- x[rs2]
            case .and: x[rd] = x[rs1] & x[rs2]
            case .andi: x[rd] = x[rs1] & imm
            case .or: x[rd] = x[rs1] | x[rs2]
            case .ori: x[rd] = x[rs1] | imm
            case .xor: x[rd] = x[rs1] ^ x[rs2]
            case .xori: x[rd] = x[rs1] ^ imm
            case .sll: x[rd] = x[rs1] &<< (x[rs2] & 63)
            case .slli: x[rd] = x[rs1] &<< imm
            case .srl: x[rd] = x[rs1] &>> (x[rs2] & 63)
            case .srli: x[rd] = x[rs1] &>> imm
            case .sra: x[rd] = UInt64(bitPattern: signed(x[rs1]) &>> (x[rs2] & 63))
            case .srai: x[rd] = UInt64(bitPattern: signed(x[rs1]) &>> imm)
            case .slt: x[rd] = signed(x[rs1]) < signed(x[rs2]) ? 1 : 0
            case .slti: x[rd] = signed(x[rs1]) < signed(imm) ? 1 : 0
            case .sltu: x[rd] = x[rs1] < x[rs2] ? 1 : 0
            case .sltiu: x[rd] = x[rs1] < imm ? 1 : 0
            case .li: x[rd] = imm
            case .auipc: x[rd] = pcOf(i) &+ imm
            case .addw: x[rd] = sext32(lo32(x[rs1]) &+ lo32(x[rs2]))
            case .addiw: x[rd] = sext32(lo32(x[rs1]) &+ lo32(imm))
            case .subw: x[rd] = sext32(lo32(x[rs1]) &- lo32(x[rs2]))
            case .sllw: x[rd] = sext32(lo32(x[rs1]) &<< (lo32(x[rs2]) & 31))
            case .slliw: x[rd] = sext32(lo32(x[rs1]) &<< lo32(imm))
            case .srlw: x[rd] = sext32(lo32(x[rs1]) &>> (lo32(x[rs2]) & 31))
            case .srliw: x[rd] = sext32(lo32(x[rs1]) &>> lo32(imm))
            case .sraw: x[rd] = UInt64(bitPattern: Int64(Int32(bitPattern: lo32(x[rs1])) &>> (lo32(x[rs2]) & 31)))
            case .sraiw: x[rd] = UInt64(bitPattern: Int64(Int32(bitPattern: lo32(x[rs1])) &>> lo32(imm)))

            case .beq: if x[rs1] == x[rs2] { i = Int(ins.imm); continue loop }
            case .bne: if x[rs1] != x[rs2] { i = Int(ins.imm); continue loop }
            case .blt: if signed(x[rs1]) < signed(x[rs2]) { i = Int(ins.imm); continue loop }
            case .bge: if signed(x[rs1]) >= signed(x[rs2]) { i = Int(ins.imm); continue loop }
            case .bltu: if x[rs1] < x[rs2] { i = Int(ins.imm); continue loop }
            case .bgeu: if x[rs1] >= x[rs2] { i = Int(ins.imm); continue loop }
            case .jal:
                x[rd] = pcOf(i &+ 1)
                i = Int(ins.imm)
                continue loop
            case .jalr:
                let t = (x[rs1] &+ imm) & ~1 & mask
                let off = t &- base
                if off & 3 != 0 {
                    cyc &-= 1
                    event = .stop(.misalignedFetch(pc: pcOf(i), target: t))
                    break loop
                }
                x[rd] = pcOf(i &+ 1)
                if off >> 2 >= UInt64(count) {
                    event = .stop(.fetchFault(pc: t))
                    stopPC = t
                    break loop
                }
                i = Int(off >> 2)
                continue loop
            case .branchFar, .jalFar:
                let taken: Bool
                if ins.op == .jalFar {
                    taken = true
                } else {
                    let a = x[rs1], b = x[rs2]
                    switch ins.rd {
                    case 0: taken = a == b
                    case 1: taken = a != b
                    case 4: taken = signed(a) < signed(b)
                    case 5: taken = signed(a) >= signed(b)
                    case 6: taken = a < b
                    default: taken = a >= b
                    }
                }
                if taken {
                    let t = (pcOf(i) &+ imm) & mask
                    if t & 3 != 0 {
                        cyc &-= 1
                        event = .stop(.misalignedFetch(pc: pcOf(i), target: t))
                        break loop
                    }
                    if ins.op == .jalFar { x[rd] = pcOf(i &+ 1) }
                    event = .stop(.fetchFault(pc: t))
                    stopPC = t
                    break loop
                }

            case .lb, .lbu:
                let a = (x[rs1] &+ imm) & mask
                var v: UInt64
                if canLoad(a, 0) {
                    v = UInt64(host(a).load(as: UInt8.self))
                } else {
                    let (r, s) = memory.slowLoad(a, 1)
                    if r != .ok { cyc &-= 1; event = memStop(r, i, s, store: false); break loop }
                    v = s
                }
                if ins.op == .lb { v = UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: v))) }
                x[rd] = v
            case .lh, .lhu:
                let a = (x[rs1] &+ imm) & mask
                var v: UInt64
                if canLoad(a, 1) {
                    v = UInt64(UInt16(littleEndian: host(a).load(as: UInt16.self)))
                } else {
                    let (r, s) = memory.slowLoad(a, 2)
                    if r != .ok { cyc &-= 1; event = memStop(r, i, s, store: false); break loop }
                    v = s
                }
                if ins.op == .lh { v = UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: v))) }
                x[rd] = v
            case .lw, .lwu:
                let a = (x[rs1] &+ imm) & mask
                var v: UInt64
                if canLoad(a, 3) {
                    v = UInt64(UInt32(littleEndian: host(a).load(as: UInt32.self)))
                } else {
                    let (r, s) = memory.slowLoad(a, 4)
                    if r != .ok { cyc &-= 1; event = memStop(r, i, s, store: false); break loop }
                    v = s
                }
                if ins.op == .lw { v = sext32(lo32(v)) }
                x[rd] = v
            case .ld:
                let a = (x[rs1] &+ imm) & mask
                if canLoad(a, 7) {
                    x[rd] = UInt64(littleEndian: host(a).load(as: UInt64.self))
                } else {
                    let (r, s) = memory.slowLoad(a, 8)
                    if r != .ok { cyc &-= 1; event = memStop(r, i, s, store: false); break loop }
                    x[rd] = s
                }
            case .sb:
                let a = (x[rs1] &+ imm) & mask
                if canStore(a, 0) {
                    host(a).storeBytes(of: UInt8(truncatingIfNeeded: x[rs2]), as: UInt8.self)
                } else {
                    let (r, s) = memory.slowStore(a, 1, x[rs2])
                    if r != .ok { cyc &-= 1; event = memStop(r, i, s, store: true); break loop }
                }
            case .sh:
                let a = (x[rs1] &+ imm) & mask
                if canStore(a, 1) {
                    host(a).storeBytes(of: UInt16(truncatingIfNeeded: x[rs2]).littleEndian, as: UInt16.self)
                } else {
                    let (r, s) = memory.slowStore(a, 2, x[rs2])
                    if r != .ok { cyc &-= 1; event = memStop(r, i, s, store: true); break loop }
                }
            case .sw:
                let a = (x[rs1] &+ imm) & mask
                if canStore(a, 3) {
                    host(a).storeBytes(of: lo32(x[rs2]).littleEndian, as: UInt32.self)
                } else {
                    let (r, s) = memory.slowStore(a, 4, x[rs2])
                    if r != .ok { cyc &-= 1; event = memStop(r, i, s, store: true); break loop }
                }
            case .sd:
                let a = (x[rs1] &+ imm) & mask
                if canStore(a, 7) {
                    host(a).storeBytes(of: x[rs2].littleEndian, as: UInt64.self)
                } else {
                    let (r, s) = memory.slowStore(a, 8, x[rs2])
                    if r != .ok { cyc &-= 1; event = memStop(r, i, s, store: true); break loop }
                }

            case .mul: x[rd] = x[rs1] &* x[rs2]
            case .mulh: x[rd] = UInt64(bitPattern: signed(x[rs1]).multipliedFullWidth(by: signed(x[rs2])).high)
            case .mulhu: x[rd] = x[rs1].multipliedFullWidth(by: x[rs2]).high
            case .mulhsu:
                let a = x[rs1], b = x[rs2]
                var h = a.multipliedFullWidth(by: b).high
                if signed(a) < 0 { h &-= b }
                x[rd] = h
            case .div:
                let a = signed(x[rs1]), b = signed(x[rs2])
                x[rd] = b == 0 ? ~0 : (b == -1 ? UInt64(bitPattern: 0 &- a) : UInt64(bitPattern: a / b))
            case .divu:
                let b = x[rs2]
                x[rd] = b == 0 ? ~0 : x[rs1] / b
            case .rem:
                let a = signed(x[rs1]), b = signed(x[rs2])
                x[rd] = b == 0 ? UInt64(bitPattern: a) : (b == -1 ? 0 : UInt64(bitPattern: a % b))
            case .remu:
                let b = x[rs2]
                x[rd] = b == 0 ? x[rs1] : x[rs1] % b
            case .mulw: x[rd] = sext32(lo32(x[rs1]) &* lo32(x[rs2]))
            case .divw:
                let a = Int32(truncatingIfNeeded: x[rs1]), b = Int32(truncatingIfNeeded: x[rs2])
                x[rd] = b == 0 ? ~0 : UInt64(bitPattern: Int64(b == -1 ? 0 &- a : a / b))
            case .divuw:
                let a = lo32(x[rs1]), b = lo32(x[rs2])
                x[rd] = b == 0 ? ~0 : sext32(a / b)
            case .remw:
                let a = Int32(truncatingIfNeeded: x[rs1]), b = Int32(truncatingIfNeeded: x[rs2])
                x[rd] = UInt64(bitPattern: Int64(b == 0 ? a : (b == -1 ? 0 : a % b)))
            case .remuw:
                let a = lo32(x[rs1]), b = lo32(x[rs2])
                x[rd] = sext32(b == 0 ? a : a % b)
            case .mulh32:
                let p = Int64(Int32(truncatingIfNeeded: x[rs1])) &* Int64(Int32(truncatingIfNeeded: x[rs2]))
                x[rd] = UInt64(bitPattern: p &>> 32)
            case .mulhsu32:
                let p = Int64(Int32(truncatingIfNeeded: x[rs1])) &* Int64(lo32(x[rs2]))
                x[rd] = UInt64(bitPattern: p &>> 32)
            case .mulhu32:
                x[rd] = sext32(UInt32(truncatingIfNeeded: (UInt64(lo32(x[rs1])) &* UInt64(lo32(x[rs2]))) &>> 32))

            case .fence: break
            case .ecall:
                event = .ecall
                break loop
            case .ebreak:
                cyc &-= 1
                event = .stop(.breakpoint(pc: pcOf(i)))
                break loop
            case .illegal:
                cyc &-= 1
                event = .stop(.illegalInstruction(pc: pcOf(i), word: UInt32(bitPattern: ins.imm)))
                break loop
            case .fetchFault:
                cyc &-= 1
                event = .stop(.fetchFault(pc: pcOf(i)))
                break loop
            }
            i &+= 1
        }
        pc = stopPC ?? pcOf(i)
        cycles = cyc
        return event
    }
}
