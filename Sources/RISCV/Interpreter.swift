import GuestABI

@inline(__always) func sext32(_ v: UInt32) -> UInt64 { UInt64(bitPattern: Int64(Int32(bitPattern: v))) }
@inline(__always) func lo32(_ v: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: v) }
@inline(__always) func signed(_ v: UInt64) -> Int64 { Int64(bitPattern: v) }

extension Hart {
    /// Runs until an ECALL or a stop (RISC-V Unprivileged ISA, RV32I/RV64I and "M" semantics), with the
    /// engine chosen in `MachineConfig.engine`. All engines agree on registers, memory, pc, cycles and
    /// stop reasons (EngineEquivalenceTests).
    public func execute() -> ExecutionEvent {
        switch engine {
        case .fast, .fastUnfused: return executeFast()
        case .swift: return executeSwitch()
        case .reference: return executeReference()
        }
    }

    /// The reference engine: `step()` until an ECALL or a stop.
    func executeReference() -> ExecutionEvent {
        while true {
            switch step() {
            case .retired: continue
            case .ecall: return .ecall
            case .stop(let r): return .stop(r)
            }
        }
    }

    /// The Swift switch engine.
    ///
    /// The dispatch loop keeps the code index and cycle count in locals, switches over the pre-decoded
    /// record, and touches guest memory through the flat arena with one range/alignment test and one
    /// permission-table lookup; everything unusual (misaligned or page-crossing accesses, first touch of a
    /// stack page, faults) leaves through an out-of-line slow path.
    func executeSwitch() -> ExecutionEvent {
        let x = self.x, code = self.code, blockLength = self.blockLength, base = codeBase, count = codeCount
        let arena = memory.arena, perm = UnsafePointer(memory.pages)
        let mask: UInt64 = xlen == .rv32 ? 0xFFFF_FFFF : ~0
        let limit = cycleLimit
        let outside: UInt64 = ~(MemoryMap.addressSpaceEnd - 1)
        if cycles >= cycleLimit { return .stop(.outOfCycles(pc: pc)) }
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
        @inline(__always) func ea(_ rs1: Int, _ imm: UInt64) -> UInt64 { (x[rs1] &+ imm) & mask }
        /// Little-endian load of `w` bytes (fast path aligned in one page, else the slow path).
        @inline(__always) func load(_ a: UInt64, _ w: UInt64) -> (GuestMemory.SlowResult, UInt64) {
            guard canLoad(a, w &- 1) else { return memory.slowLoad(a, w) }
            switch w {
            case 1: return (.ok, UInt64(host(a).load(as: UInt8.self)))
            case 2: return (.ok, UInt64(UInt16(littleEndian: host(a).load(as: UInt16.self))))
            case 4: return (.ok, UInt64(UInt32(littleEndian: host(a).load(as: UInt32.self))))
            default: return (.ok, UInt64(littleEndian: host(a).load(as: UInt64.self)))
            }
        }
        /// Little-endian store of the low `w` bytes of `v`.
        @inline(__always) func store(_ a: UInt64, _ w: UInt64, _ v: UInt64) -> (GuestMemory.SlowResult, UInt64) {
            guard canStore(a, w &- 1) else { return memory.slowStore(a, w, v) }
            switch w {
            case 1: host(a).storeBytes(of: UInt8(truncatingIfNeeded: v), as: UInt8.self)
            case 2: host(a).storeBytes(of: UInt16(truncatingIfNeeded: v).littleEndian, as: UInt16.self)
            case 4: host(a).storeBytes(of: UInt32(truncatingIfNeeded: v).littleEndian, as: UInt32.self)
            default: host(a).storeBytes(of: v.littleEndian, as: UInt64.self)
            }
            return (.ok, a)
        }
        func memStop(_ r: GuestMemory.SlowResult, _ i: Int, _ a: UInt64, store: Bool) -> ExecutionEvent {
            if r == .outOfMemory { return .stop(.outOfMemory(pc: pcOf(i), address: a)) }
            return .stop(store ? .storeFault(pc: pcOf(i), address: a) : .loadFault(pc: pcOf(i), address: a))
        }

        // Cycles are charged per straight-line block on entry (blockLength[i] instructions up to and
        // including the next control transfer); an instruction that does not retire gives back the
        // cycles of itself and the rest of its block (chargedEnd - i). If the block does not fit in the
        // remaining budget, the record where the budget runs out is temporarily replaced by `cycleStop`.
        var chargedEnd = i
        var patched = -1
        var saved = Instruction(.fetchFault)
        outer: while true {
            if cyc >= limit { event = .stop(.outOfCycles(pc: pcOf(i))); break outer }
            let length = UInt64(blockLength[i])
            if length <= limit &- cyc {
                cyc &+= length
                chargedEnd = i &+ Int(truncatingIfNeeded: length)
            } else {
                let room = Int(truncatingIfNeeded: limit &- cyc)
                patched = i &+ room
                saved = code[patched]
                code[patched] = Instruction(.cycleStop)
                cyc = limit
                chargedEnd = patched
            }
          inner: while true {
            let ins = code[i]
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

            case .beq: i = x[rs1] == x[rs2] ? Int(ins.imm) : i &+ 1; continue outer
            case .bne: i = x[rs1] != x[rs2] ? Int(ins.imm) : i &+ 1; continue outer
            case .blt: i = signed(x[rs1]) < signed(x[rs2]) ? Int(ins.imm) : i &+ 1; continue outer
            case .bge: i = signed(x[rs1]) >= signed(x[rs2]) ? Int(ins.imm) : i &+ 1; continue outer
            case .bltu: i = x[rs1] < x[rs2] ? Int(ins.imm) : i &+ 1; continue outer
            case .bgeu: i = x[rs1] >= x[rs2] ? Int(ins.imm) : i &+ 1; continue outer
            case .jal:
                x[rd] = pcOf(i &+ 1)
                i = Int(ins.imm)
                continue outer
            case .jalr:
                let t = (x[rs1] &+ imm) & ~1 & mask
                let off = t &- base
                if off & 3 != 0 {
                    cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i)
                    event = .stop(.misalignedFetch(pc: pcOf(i), target: t))
                    break outer
                }
                x[rd] = pcOf(i &+ 1)
                if off >> 2 >= UInt64(count) {
                    event = .stop(cyc >= limit ? .outOfCycles(pc: t) : .fetchFault(pc: t))
                    stopPC = t
                    break outer
                }
                i = Int(off >> 2)
                continue outer
            case .cycleStop:
                event = .stop(.outOfCycles(pc: pcOf(i)))
                break outer
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
                        cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i)
                        event = .stop(.misalignedFetch(pc: pcOf(i), target: t))
                        break outer
                    }
                    if ins.op == .jalFar { x[rd] = pcOf(i &+ 1) }
                    event = .stop(cyc >= limit ? .outOfCycles(pc: t) : .fetchFault(pc: t))
                    stopPC = t
                    break outer
                }
                i &+= 1
                continue outer

            case .lb:
                let (r, v) = load(ea(rs1, imm), 1)
                if r != .ok { cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i); event = memStop(r, i, v, store: false); break outer }
                x[rd] = UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: v)))
            case .lbu:
                let (r, v) = load(ea(rs1, imm), 1)
                if r != .ok { cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i); event = memStop(r, i, v, store: false); break outer }
                x[rd] = v
            case .lh:
                let (r, v) = load(ea(rs1, imm), 2)
                if r != .ok { cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i); event = memStop(r, i, v, store: false); break outer }
                x[rd] = UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: v)))
            case .lhu:
                let (r, v) = load(ea(rs1, imm), 2)
                if r != .ok { cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i); event = memStop(r, i, v, store: false); break outer }
                x[rd] = v
            case .lw:
                let (r, v) = load(ea(rs1, imm), 4)
                if r != .ok { cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i); event = memStop(r, i, v, store: false); break outer }
                x[rd] = sext32(lo32(v))
            case .lwu:
                let (r, v) = load(ea(rs1, imm), 4)
                if r != .ok { cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i); event = memStop(r, i, v, store: false); break outer }
                x[rd] = v
            case .ld:
                let (r, v) = load(ea(rs1, imm), 8)
                if r != .ok { cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i); event = memStop(r, i, v, store: false); break outer }
                x[rd] = v
            case .sb:
                let (r, a) = store(ea(rs1, imm), 1, x[rs2])
                if r != .ok { cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i); event = memStop(r, i, a, store: true); break outer }
            case .sh:
                let (r, a) = store(ea(rs1, imm), 2, x[rs2])
                if r != .ok { cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i); event = memStop(r, i, a, store: true); break outer }
            case .sw:
                let (r, a) = store(ea(rs1, imm), 4, x[rs2])
                if r != .ok { cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i); event = memStop(r, i, a, store: true); break outer }
            case .sd:
                let (r, a) = store(ea(rs1, imm), 8, x[rs2])
                if r != .ok { cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i); event = memStop(r, i, a, store: true); break outer }

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
                break outer
            case .ebreak:
                cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i)
                event = .stop(.breakpoint(pc: pcOf(i)))
                break outer
            case .illegal:
                cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i)
                event = .stop(.illegalInstruction(pc: pcOf(i), word: UInt32(bitPattern: ins.imm)))
                break outer
            case .fetchFault:
                cyc &-= UInt64(truncatingIfNeeded: chargedEnd &- i)
                event = .stop(.fetchFault(pc: pcOf(i)))
                break outer
            }
            i &+= 1
          }
        }
        if patched >= 0 { code[patched] = saved }
        pc = stopPC ?? pcOf(i)
        cycles = cyc
        return event
    }
}
