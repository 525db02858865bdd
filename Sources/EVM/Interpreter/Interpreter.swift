import EVMPrimitives

/// Masks keeping the low n bytes of a word, n = 0…32 (for PUSHn).
let pushMasks: [UInt256] = (0...32).map { n in n == 32 ? UInt256.max : (UInt256.one << (n * 8)) &- .one }

extension EVM {
    /// Runs `code` for `msg` (Yellow Paper §9.4, execution-specs `execute_code` loop).
    func interpret(_ msg: Message, _ code: AnalyzedCode) -> CallOutcome {
        var f = Frame(msg: msg, code: code)
        defer { f.stack.deallocate() }
        do {
            switch try run(&f) {
            case .stop: return CallOutcome(success: true, gasLeft: f.gas, output: [], halt: nil)
            case .returned: return CallOutcome(success: true, gasLeft: f.gas, output: f.output, halt: nil)
            case .reverted: return CallOutcome(success: false, gasLeft: f.gas, output: f.output, halt: nil)
            }
        } catch {
            return CallOutcome(success: false, gasLeft: 0, output: [], halt: error)
        }
    }

    /// The dispatch loop. Stack bounds and constant gas come from the fork's `InstructionTable`; each case
    /// charges only its dynamic gas.
    func run(_ f: inout Frame) throws(Halt) -> FrameExit {
        let table = self.table
        let padded = f.code.padded
        let masks = pushMasks
        return try padded.withUnsafeBufferPointer { (buf: UnsafeBufferPointer<UInt8>) throws(Halt) -> FrameExit in
            let code = buf.baseAddress! + 32
            let s = f.stack
            while true {
                let op = code[f.pc]
                let e = table[Int(op)]
                if e.gas < 0 {
                    guard e.gas == InstructionEntry.variantOpcode else { throw Halt.invalidOpcode(op) }
                    try variantOpcode(op, &f)
                    f.pc &+= 1
                    continue
                }
                if f.sp < Int(e.minStack) { throw Halt.stackUnderflow }
                if f.sp > Int(e.maxStack) { throw Halt.stackOverflow }
                let constant = Int64(e.gas)
                if f.gas < constant { throw Halt.outOfGas }
                f.gas &-= constant
                let sp = f.sp
                switch op {
                case 0x00: return .stop
                case 0x01: s[sp - 2] = s[sp - 1] &+ s[sp - 2]; f.sp = sp - 1
                case 0x02: s[sp - 2] = s[sp - 1] &* s[sp - 2]; f.sp = sp - 1
                case 0x03: s[sp - 2] = s[sp - 1] &- s[sp - 2]; f.sp = sp - 1
                case 0x04: s[sp - 2] = UInt256.div(s[sp - 1], s[sp - 2]); f.sp = sp - 1
                case 0x05: s[sp - 2] = UInt256.sdiv(s[sp - 1], s[sp - 2]); f.sp = sp - 1
                case 0x06: s[sp - 2] = UInt256.mod(s[sp - 1], s[sp - 2]); f.sp = sp - 1
                case 0x07: s[sp - 2] = UInt256.smod(s[sp - 1], s[sp - 2]); f.sp = sp - 1
                case 0x08: s[sp - 3] = UInt256.addMod(s[sp - 1], s[sp - 2], s[sp - 3]); f.sp = sp - 2
                case 0x09: s[sp - 3] = UInt256.mulMod(s[sp - 1], s[sp - 2], s[sp - 3]); f.sp = sp - 2
                case 0x0a:
                    let e = s[sp - 2]
                    try f.charge(Gas.expByte, times: e.byteWidth)
                    s[sp - 2] = UInt256.exp(s[sp - 1], e); f.sp = sp - 1
                case 0x0b: s[sp - 2] = UInt256.signExtend(s[sp - 1], s[sp - 2]); f.sp = sp - 1
                case 0x10: s[sp - 2] = s[sp - 1] < s[sp - 2] ? .one : .zero; f.sp = sp - 1
                case 0x11: s[sp - 2] = s[sp - 2] < s[sp - 1] ? .one : .zero; f.sp = sp - 1
                case 0x12: s[sp - 2] = UInt256.slt(s[sp - 1], s[sp - 2]) ? .one : .zero; f.sp = sp - 1
                case 0x13: s[sp - 2] = UInt256.sgt(s[sp - 1], s[sp - 2]) ? .one : .zero; f.sp = sp - 1
                case 0x14: s[sp - 2] = s[sp - 1] == s[sp - 2] ? .one : .zero; f.sp = sp - 1
                case 0x15: s[sp - 1] = s[sp - 1].isZero ? .one : .zero
                case 0x16: s[sp - 2] = s[sp - 1] & s[sp - 2]; f.sp = sp - 1
                case 0x17: s[sp - 2] = s[sp - 1] | s[sp - 2]; f.sp = sp - 1
                case 0x18: s[sp - 2] = s[sp - 1] ^ s[sp - 2]; f.sp = sp - 1
                case 0x19: s[sp - 1] = ~s[sp - 1]
                case 0x1a: s[sp - 2] = UInt256.byte(s[sp - 1], s[sp - 2]); f.sp = sp - 1
                case 0x1b: s[sp - 2] = UInt256.shl(s[sp - 1], s[sp - 2]); f.sp = sp - 1
                case 0x1c: s[sp - 2] = UInt256.shr(s[sp - 1], s[sp - 2]); f.sp = sp - 1
                case 0x1d: s[sp - 2] = UInt256.sar(s[sp - 1], s[sp - 2]); f.sp = sp - 1
                case 0x1e: s[sp - 1] = UInt256(UInt64(s[sp - 1].leadingZeroBitCount))  // EIP-7939 CLZ
                case 0x20: try opKeccak(&f)
                case 0x30: f.push(f.msg.target.word)
                case 0x31: try opBalance(&f)
                case 0x32: f.push(origin.word)
                case 0x33: f.push(f.msg.caller.word)
                case 0x34: f.push(f.msg.value)
                case 0x35: s[sp - 1] = callDataLoad(f.msg.input, s[sp - 1])
                case 0x36: f.push(UInt256(UInt64(f.msg.input.count)))
                case 0x37: try opCopy(&f, source: f.msg.input)
                case 0x38: f.push(UInt256(UInt64(f.code.count)))
                case 0x39: try opCodeCopy(&f)
                case 0x3a: f.push(gasPrice)
                case 0x3b: try opExtCodeSize(&f)
                case 0x3c: try opExtCodeCopy(&f)
                case 0x3d: f.push(UInt256(UInt64(f.returnData.count)))
                case 0x3e: try opReturnDataCopy(&f)
                case 0x3f: try opExtCodeHash(&f)
                case 0x40: s[sp - 1] = blockHash(s[sp - 1])
                case 0x41: f.push(block.coinbase.word)
                case 0x42: f.push(block.timestamp)
                case 0x43: f.push(UInt256(block.number))
                case 0x44: f.push(spec.has(.eip4399) ? block.prevRandao : block.difficulty)
                case 0x45: f.push(UInt256(block.gasLimit))
                case 0x46: f.push(block.chainId)
                case 0x47: f.push(state.account(f.msg.target).balance)
                case 0x48: f.push(block.baseFee)
                case 0x49:
                    let i = s[sp - 1]
                    if let k = i.uint64, k < UInt64(blobHashes.count) { s[sp - 1] = blobHashes[Int(k)] } else { s[sp - 1] = .zero }
                case 0x4a: f.push(BlobGas.price(excessBlobGas: block.excessBlobGas, spec.blob))
                case 0x50: f.sp = sp - 1
                case 0x51:
                    let (o, _) = try Memory.range(s[sp - 1], UInt256(32))
                    try f.memory.expand(o, 32, gas: &f.gas)
                    s[sp - 1] = f.memory.load(o)
                case 0x52:
                    let (o, _) = try Memory.range(s[sp - 1], UInt256(32))
                    try f.memory.expand(o, 32, gas: &f.gas)
                    f.memory.store(o, s[sp - 2]); f.sp = sp - 2
                case 0x53:
                    let (o, _) = try Memory.range(s[sp - 1], UInt256(1))
                    try f.memory.expand(o, 1, gas: &f.gas)
                    f.memory.bytes[o] = UInt8(truncatingIfNeeded: s[sp - 2].w0); f.sp = sp - 2
                case 0x54: try opSload(&f)
                case 0x55: try opSstore(&f)
                case 0x56:
                    let d = s[sp - 1]
                    guard let dd = d.uint64, f.code.isJumpdest(Int(truncatingIfNeeded: dd)), dd < UInt64(Int32.max) else { throw Halt.invalidJump }
                    f.sp = sp - 1
                    f.pc = Int(dd)
                    continue
                case 0x57:
                    f.sp = sp - 2
                    if !s[sp - 2].isZero {
                        let d = s[sp - 1]
                        guard let dd = d.uint64, dd < UInt64(Int32.max), f.code.isJumpdest(Int(dd)) else { throw Halt.invalidJump }
                        f.pc = Int(dd)
                        continue
                    }
                case 0x58: f.push(UInt256(UInt64(f.pc)))
                case 0x59: f.push(UInt256(UInt64(f.memory.size)))
                case 0x5a: f.push(UInt256(UInt64(f.gas)))
                case 0x5b: break
                case 0x5c: s[sp - 1] = state.transientStorage(f.msg.target, s[sp - 1])
                case 0x5d:
                    if f.msg.isStatic { throw Halt.writeInStaticContext }
                    state.setTransientStorage(f.msg.target, s[sp - 1], s[sp - 2]); f.sp = sp - 2
                case 0x5e: try opMcopy(&f)
                case 0x5f: f.push(.zero)
                case 0x60...0x7f:
                    let n = Int(op) - 0x5f
                    let v = UInt256(bigEndianBytesAt: UnsafeRawPointer(code + f.pc + n + 1 - 32))
                    s[sp] = v & masks[n]
                    f.sp = sp + 1
                    f.pc += n + 1
                    continue
                case 0x80...0x8f:
                    let n = Int(op) - 0x7f
                    s[sp] = s[sp - n]; f.sp = sp + 1
                case 0x90...0x9f:
                    let n = Int(op) - 0x8f
                    let t = s[sp - 1]; s[sp - 1] = s[sp - 1 - n]; s[sp - 1 - n] = t
                case 0xa0...0xa4: try opLog(&f, topics: Int(op) - 0xa0)
                case 0xf0: try opCreate(&f, isCreate2: false)
                case 0xf1, 0xf2, 0xf4, 0xfa: try opCall(&f, kind: op)
                case 0xf3, 0xfd:
                    let (o, n) = try Memory.range(s[sp - 1], s[sp - 2])
                    try f.memory.expand(o, n, gas: &f.gas)
                    f.output = f.memory.slice(o, n)
                    f.sp = sp - 2
                    return op == 0xf3 ? .returned : .reverted
                case 0xf5: try opCreate(&f, isCreate2: true)
                case 0xff:
                    try opSelfDestruct(&f)
                    return .stop
                default: throw Halt.invalidOpcode(op)
                }
                f.pc &+= 1
            }
        }
    }

    /// A variant's opcode, out of line so that the dispatch loop holds nothing of the variant.
    @inline(never)
    func variantOpcode(_ op: UInt8, _ f: inout Frame) throws(Halt) {
        try Variant.executeOpcode(op, frame: &f, evm: self)
    }

    @inline(__always)
    func callDataLoad(_ input: [UInt8], _ offset: UInt256) -> UInt256 {
        guard let o = offset.uint64, o < UInt64(input.count) else { return .zero }
        let start = Int(o)
        if start + 32 <= input.count {
            return input.withUnsafeBytes { UInt256(bigEndianBytesAt: $0.baseAddress! + start) }
        }
        var tmp = [UInt8](repeating: 0, count: 32)
        for i in 0..<(input.count - start) { tmp[i] = input[start + i] }
        return UInt256(bigEndian: tmp)
    }

    func blockHash(_ n: UInt256) -> UInt256 {
        guard let k = n.uint64, k < block.number, block.number - k <= 256 else { return .zero }
        let back = Int(block.number - k)
        let hashes = block.blockHashes
        if back <= hashes.count { return hashes[hashes.count - back] }
        if missingBlockHash == nil { missingBlockHash = k }
        return .zero
    }
}
