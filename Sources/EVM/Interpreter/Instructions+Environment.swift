import EVMPrimitives

/// Environment, memory-copy and storage instructions with dynamic gas (Yellow Paper H.2 0x20–0x5e;
/// EIP-2929 warm/cold accounting, EIP-2200/3529 SSTORE, EIP-5656 MCOPY).
extension EVM {
    /// Charges the EIP-2929 account access cost and returns the address.
    @inline(__always)
    func accessAccount(_ a: Address, _ f: inout Frame) throws(Halt) {
        try f.charge(state.warmAccount(a) ? Gas.coldAccountAccess : Gas.warmAccess)
    }

    func opKeccak(_ f: inout Frame) throws(Halt) {
        let (o, n) = try Memory.range(f.pop(), f.pop())
        try f.charge(Gas.keccakWord, times: Gas.words(n))
        try f.memory.expand(o, n, gas: &f.gas)
        f.push(f.memory.bytes.withUnsafeBytes { crypto.keccak256Word(UnsafeRawBufferPointer(rebasing: $0[o..<(o + n)])) })
    }

    func opBalance(_ f: inout Frame) throws(Halt) {
        let a = Address(f.pop())
        try accessAccount(a, &f)
        f.push(state.account(a).balance)
    }

    func opExtCodeSize(_ f: inout Frame) throws(Halt) {
        let a = Address(f.pop())
        try accessAccount(a, &f)
        f.push(UInt256(UInt64(state.account(a).code.count)))
    }

    func opExtCodeHash(_ f: inout Frame) throws(Halt) {
        let a = Address(f.pop())
        try accessAccount(a, &f)
        let acc = state.account(a)
        f.push(state.exists(a) && !acc.isEmpty ? acc.codeHash : .zero)
    }

    /// CALLDATACOPY-style copy: (memOffset, srcOffset, size) from `source` with zero fill.
    func opCopy(_ f: inout Frame, source: [UInt8]) throws(Halt) {
        let memOff = f.pop(), srcOff = f.pop(), size = f.pop()
        let (o, n) = try Memory.range(memOff, size)
        try f.charge(Gas.copyWord, times: Gas.words(n))
        try f.memory.expand(o, n, gas: &f.gas)
        let src = srcOff.uint64.map { $0 > UInt64(Int32.max) ? Int(Int32.max) : Int($0) } ?? Int(Int32.max)
        f.memory.write(o, source, srcOffset: src, size: n)
    }

    func opCodeCopy(_ f: inout Frame) throws(Halt) {
        let memOff = f.pop(), srcOff = f.pop(), size = f.pop()
        let (o, n) = try Memory.range(memOff, size)
        try f.charge(Gas.copyWord, times: Gas.words(n))
        try f.memory.expand(o, n, gas: &f.gas)
        if n == 0 { return }
        let src = srcOff.uint64.map { $0 > UInt64(Int32.max) ? Int(Int32.max) : Int($0) } ?? Int(Int32.max)
        // Bytes available from src without forming src + i past the code: on 32-bit targets src may be
        // Int32.max (a clamped huge offset) and src + i would wrap (envInfo d3, codecopy_neg_offset).
        let count = f.code.count
        let avail = src < count ? min(n, count - src) : 0
        let padded = f.code.padded
        for i in 0..<avail { f.memory.bytes[o + i] = padded[src + i + 32] }
        for i in avail..<n { f.memory.bytes[o + i] = 0 }
    }

    func opExtCodeCopy(_ f: inout Frame) throws(Halt) {
        let a = Address(f.pop())
        let memOff = f.pop(), srcOff = f.pop(), size = f.pop()
        let (o, n) = try Memory.range(memOff, size)
        try f.charge(Gas.copyWord, times: Gas.words(n))
        try f.memory.expand(o, n, gas: &f.gas)
        try accessAccount(a, &f)
        let src = srcOff.uint64.map { $0 > UInt64(Int32.max) ? Int(Int32.max) : Int($0) } ?? Int(Int32.max)
        f.memory.write(o, state.account(a).code, srcOffset: src, size: n)
    }

    func opReturnDataCopy(_ f: inout Frame) throws(Halt) {
        let memOff = f.pop(), srcOff = f.pop(), size = f.pop()
        let (o, n) = try Memory.range(memOff, size)
        try f.charge(Gas.copyWord, times: Gas.words(n))
        try f.memory.expand(o, n, gas: &f.gas)
        let (end, overflow) = srcOff.addingReportingOverflow(size)
        if overflow || end > UInt256(UInt64(f.returnData.count)) { throw Halt.returnDataOutOfBounds }
        f.memory.write(o, f.returnData, srcOffset: Int(srcOff.w0), size: n)
    }

    func opMcopy(_ f: inout Frame) throws(Halt) {
        let dst = f.pop(), src = f.pop(), size = f.pop()
        let (d, n) = try Memory.range(dst, size)
        let (sOff, _) = try Memory.range(src, size)
        try f.charge(Gas.copyWord, times: Gas.words(n))
        if n == 0 { return }
        try f.memory.expand(max(d, sOff), n, gas: &f.gas)
        let chunk = f.memory.slice(sOff, n)
        f.memory.write(d, chunk, srcOffset: 0, size: n)
    }

    func opSload(_ f: inout Frame) throws(Halt) {
        let k = f.pop()
        // The overlay's cached path first: it is not generic (no metadata of the state's type per access).
        let (v, cold) = state.overlay.load(f.msg.target, k) ?? state.loadStorage(f.msg.target, k)
        try f.charge(cold ? Gas.coldSload : Gas.warmAccess)
        f.push(v)
    }

    /// SSTORE per EIP-2200 with EIP-2929 costs and EIP-3529 refunds (execution-specs `sstore`).
    func opSstore(_ f: inout Frame) throws(Halt) {
        let key = f.pop(), newValue = f.pop()
        if f.gas <= Int64(Gas.callStipend) { throw Halt.outOfGas }
        let a = f.msg.target
        let w = state.overlay.storageForWrite(a, key) ?? state.storageForWriteAt(a, key)
        let (original, current, cold) = (w.original, w.current, w.cold)
        var cost = 0
        if cold { cost += Gas.coldSload }
        if original == current && current != newValue {
            cost += original.isZero ? Gas.storageSet : Gas.storageUpdate - Gas.coldSload
        } else {
            cost += Gas.warmAccess
        }
        if current != newValue {
            let clear = spec.storageClearRefund
            if !original.isZero && !current.isZero && newValue.isZero { refund += Int64(clear) }
            if !original.isZero && current.isZero { refund -= Int64(clear) }
            if original == newValue {
                refund += Int64(original.isZero
                    ? Gas.storageSet - Gas.warmAccess
                    : Gas.storageUpdate - Gas.coldSload - Gas.warmAccess)
            }
        }
        try f.charge(cost)
        if f.msg.isStatic { throw Halt.writeInStaticContext }
        // Only gas and refund changed since `storageForWrite`, so its positions are still valid.
        state.overlay.setStorage(w, a, key, newValue)
    }

    func opLog(_ f: inout Frame, topics n: Int) throws(Halt) {
        let (o, size) = try Memory.range(f.pop(), f.pop())
        var topics: [UInt256] = []
        topics.reserveCapacity(n)
        for _ in 0..<n { topics.append(f.pop()) }
        try f.charge(Gas.logData, times: size)
        try f.memory.expand(o, size, gas: &f.gas)
        if f.msg.isStatic { throw Halt.writeInStaticContext }
        logs.append(Log(address: f.msg.target, topics: topics, data: f.memory.slice(o, size)))
    }
}
