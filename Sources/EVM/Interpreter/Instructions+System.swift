import EVMPrimitives

/// CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2 and SELFDESTRUCT (execution-specs
/// `vm/instructions/system.py`: EIP-150 63/64 rule, EIP-2929 access costs, EIP-3860 initcode metering,
/// EIP-6780 SELFDESTRUCT).
extension EVM {
    func opCall(_ f: inout Frame, kind: UInt8) throws(Halt) {
        let gasArg = f.pop()
        let to = Address(f.pop())
        let value: UInt256 = (kind == 0xf1 || kind == 0xf2) ? f.pop() : .zero
        let (inOff, inSize) = try Memory.range(f.pop(), f.pop())
        let (outOff, outSize) = try Memory.range(f.pop(), f.pop())
        // Memory expansion cost over both ranges.
        var newWords = f.memory.words
        if inSize > 0 { newWords = max(newWords, Gas.words(inOff + inSize)) }
        if outSize > 0 { newWords = max(newWords, Gas.words(outOff + outSize)) }
        let memCost = Gas.memoryCost(words: newWords) - Gas.memoryCost(words: f.memory.words)
        var extra = Int64(state.warmAccount(to) ? Gas.coldAccountAccess : Gas.warmAccess)
        // EIP-7702: a delegation designator at `to` runs the delegate's code, at the delegate's access cost.
        var codeAccount = state.account(to)
        var codeAddress = to
        var delegated = false
        if spec.has(.eip7702), let d = DelegationDesignator.target(codeAccount.code) {
            extra += Int64(state.warmAccount(d) ? Gas.coldAccountAccess : Gas.warmAccess)
            codeAccount = state.account(d)
            codeAddress = d
            delegated = true
        }
        if kind == 0xf1 && !value.isZero && !state.isAlive(to) { extra += Int64(Gas.newAccount) }
        if !value.isZero { extra += Int64(Gas.callValue) }
        // EIP-150: cap the forwarded gas at all but one 64th of what remains.
        if f.gas < extra + memCost { throw Halt.outOfGas }
        let available = f.gas - memCost - extra
        let cap = available - available / 64
        let callGas = gasArg.uint64.map { $0 < UInt64(cap) ? Int64($0) : cap } ?? cap
        try f.charge(callGas + extra + memCost)
        if f.msg.isStatic && kind == 0xf1 && !value.isZero { throw Halt.writeInStaticContext }
        f.memory.grow(to: newWords)
        let stipend: Int64 = value.isZero ? 0 : Int64(Gas.callStipend)
        f.returnData = []
        if (kind == 0xf1 || kind == 0xf2) && state.account(f.msg.target).balance < value {
            f.gas += callGas + stipend
            f.push(.zero)
            return
        }
        if f.msg.depth + 1 > Gas.stackDepthLimit {
            f.gas += callGas + stipend
            f.push(.zero)
            return
        }
        let input = f.memory.slice(inOff, inSize)
        var child: Message
        switch kind {
        case 0xf1:
            child = Message(caller: f.msg.target, target: to, codeAddress: to, value: value, input: input,
                            gas: callGas + stipend, depth: f.msg.depth + 1, isStatic: f.msg.isStatic, transfersValue: true)
        case 0xf2:
            child = Message(caller: f.msg.target, target: f.msg.target, codeAddress: to, value: value, input: input,
                            gas: callGas + stipend, depth: f.msg.depth + 1, isStatic: f.msg.isStatic, transfersValue: true)
        case 0xf4:
            child = Message(caller: f.msg.caller, target: f.msg.target, codeAddress: to, value: f.msg.value, input: input,
                            gas: callGas, depth: f.msg.depth + 1, isStatic: f.msg.isStatic, transfersValue: false)
        default:
            child = Message(caller: f.msg.target, target: to, codeAddress: to, value: .zero, input: input,
                            gas: callGas, depth: f.msg.depth + 1, isStatic: true, transfersValue: true)
        }
        child.codeAddress = codeAddress
        child.disablePrecompiles = delegated
        let out = processMessage(child, code: analyzed(codeAccount))
        if out.success {
            childSucceeded(child.target)
            f.push(.one)
        } else {
            childFailed(child.target)
            f.push(.zero)
        }
        f.gas += out.gasLeft
        f.returnData = out.output
        let n = min(outSize, out.output.count)
        if n > 0 { f.memory.write(outOff, out.output, srcOffset: 0, size: n) }
    }

    func opCreate(_ f: inout Frame, isCreate2: Bool) throws(Halt) {
        let endowment = f.pop()
        let (o, n) = try Memory.range(f.pop(), f.pop())
        let salt: UInt256 = isCreate2 ? f.pop() : .zero
        if spec.has(.eip3860) {
            if n > Gas.maxInitCodeSize { throw Halt.outOfGas }
            try f.charge(Gas.initCodeWord, times: Gas.words(n))
        }
        if isCreate2 { try f.charge(Gas.keccakWord, times: Gas.words(n)) }
        try f.memory.expand(o, n, gas: &f.gas)
        let initcode = f.memory.slice(o, n)
        let sender = f.msg.target
        let address = isCreate2
            ? create2Address(sender, salt: salt, initcode: initcode)
            : createAddress(sender, nonce: state.account(sender).nonce)
        _ = state.warmAccount(address)
        let childGas = f.gas - f.gas / 64
        f.gas -= childGas
        if f.msg.isStatic { throw Halt.writeInStaticContext }
        f.returnData = []
        let acc = state.account(sender)
        if acc.balance < endowment || acc.nonce == UInt64.max || f.msg.depth + 1 > Gas.stackDepthLimit {
            f.gas += childGas
            f.push(.zero)
            return
        }
        if state.hasCodeOrNonceOrStorage(address) {
            state.incrementNonce(sender)
            f.push(.zero)
            return
        }
        state.incrementNonce(sender)
        let child = Message(caller: sender, target: address, codeAddress: address, value: endowment, input: [],
                            gas: childGas, depth: f.msg.depth + 1, isStatic: false, transfersValue: true)
        let out = processCreateMessage(child, initcode: initcode)
        f.gas += out.gasLeft
        if out.success {
            childSucceeded(address)
            f.returnData = []
            f.push(address.word)
        } else {
            childFailed(address)
            f.returnData = out.output
            f.push(.zero)
        }
    }

    func opSelfDestruct(_ f: inout Frame) throws(Halt) {
        let beneficiary = Address(f.pop())
        var cost = 0
        if state.warmAccount(beneficiary) { cost += Gas.coldAccountAccess }
        let originator = f.msg.target
        let balance = state.account(originator).balance
        if !state.isAlive(beneficiary) && !balance.isZero { cost += Gas.selfDestructNewAccount }
        try f.charge(cost)
        if f.msg.isStatic { throw Halt.writeInStaticContext }
        if spec.has(.eip6780) {
            state.subBalance(originator, balance)
            state.addBalance(beneficiary, balance)
            if state.created.contains(originator) {
                state.setBalance(originator, .zero)
                state.markSelfDestructed(originator)
            }
        } else {
            if !state.selfDestructed.contains(originator) { refund += Int64(spec.selfDestructRefund) }
            state.addBalance(beneficiary, balance)
            state.setBalance(originator, .zero)
            state.markSelfDestructed(originator)
        }
        if state.existsAndIsEmpty(beneficiary) { state.markTouched(beneficiary) }
    }
}
