import EVM
import EVMPrimitives
import NativeCrypto

/// The worst-case witness block of docs/STATE.md §9.1: the most distinct state, and bytes of it, per gas.
///
/// Construction (the seed's worst case): the cheapest way to make a stateless verifier need a large distinct
/// piece of state is a cold `EXTCODESIZE` (EIP-2929: 2,600 gas), because under the MPT the verifier must see
/// the whole code to know its size (the account only commits to the code hash). A prober contract loops
/// `EXTCODESIZE(a); a += 1` over consecutive addresses while more than 3,000 gas is left (2,644 gas an
/// iteration); each address holds a distinct, incompressible code of `codeSize` bytes (EIP-170 maximum 24,576 by
/// default). One transaction per 30 Mgas (the prober's start address in its calldata), from one funded sender.
public enum WorstCaseGenerator {
    /// The prober: `a = calldata[0:32]; while gas > 3000 { pop(extcodesize(a)); a += 1 }`.
    public static let proberAddress = BlockGenerator.derivedAddress("rvx worst-case prober")
    /// The first target: address 0x1_0000 (above the precompiles and system contracts).
    public static let firstTarget: UInt64 = 0x1_0000
    /// Gas of one loop iteration: GAS 2, PUSH2 3, GT 3, PUSH2 3, JUMPI 10, DUP1 3, EXTCODESIZE 2600, POP 2,
    /// PUSH1 3, ADD 3, PUSH2 3, JUMP 8, JUMPDEST 1.
    public static let iterationGas: UInt64 = 2644
    public static let maxTransactionGas: UInt64 = 30_000_000

    public static let proberCode: [UInt8] = {
        var a = EVMAssembler()
        a.push(0)
        a.op(Op.calldataload)
        a.jumpdest("loop")
        a.op(0x5a)  // GAS
        a.push([0x0b, 0xb8])  // 3000
        a.op(Op.gt)
        a.pushLabel("end")
        a.op(Op.jumpi)
        a.op(Op.dup1, 0x3b, 0x50)  // DUP1 EXTCODESIZE POP
        a.push(1)
        a.op(Op.add)
        a.pushLabel("loop")
        a.op(0x56)  // JUMP
        a.jumpdest("end")
        a.op(Op.stop)
        return a.assemble()
    }()

    /// Target i's code: `codeSize` bytes of keccak256("rvx worst-case code" ‖ i ‖ j) for j = 0, 1, ….
    public static func targetCode(_ i: UInt64, size: Int) -> [UInt8] {
        var code: [UInt8] = []
        code.reserveCapacity(size + 32)
        let prefix = Array("rvx worst-case code".utf8) + BlockGenerator.be64(i)
        var j: UInt64 = 0
        while code.count < size {
            code += Keccak256.hash(prefix + BlockGenerator.be64(j))
            j += 1
        }
        return Array(code.prefix(size))
    }

    /// The block for `options.gas` (seed and the other options as for `genblock`; the share is ignored).
    public static func generate(_ o: GenBlockOptions, codeSize: Int = 24_576) throws(EVMBlocksError) -> GeneratedBlock {
        try o.validate()
        guard codeSize >= 1 && codeSize <= 24_576 else { throw .invalidOption("--code-size must be 1…24576") }
        let crypto = NativeCryptoProvider()
        let sender = try BlockGenerator.key(seed: o.seed, index: 0)
        let perTransaction = maxTransactionGas / iterationGas + 1
        let transactionCount = (o.gas + maxTransactionGas - 1) / maxTransactionGas
        var pre = InMemoryState()
        pre.entries[sender.address] = .init(account: Account(nonce: 0, balance: BlockGenerator.initialBalance), storage: [:])
        func install(_ address: Address, _ code: [UInt8]) {
            pre.entries[address] = .init(
                account: Account(nonce: 1, code: code, codeHash: UInt256(bigEndian: Keccak256.hash(code))), storage: [:])
        }
        install(proberAddress, proberCode)
        install(L1Anchor.address, AnchorContract.code)
        for i in 0..<(perTransaction * transactionCount) {
            install(Address(low: firstTarget + i), targetCode(i, size: codeSize))
        }
        let env = BlockGenerator.blockEnv(o)
        let anchor = BlockGenerator.anchor(seed: o.seed)
        let evm = EVM(state: JournaledState(backend: pre), crypto: crypto, fork: BlockGenerator.fork, block: env)
        var exec = BlockExecution(evm: evm, anchor: anchor)
        guard exec.anchorCall.ran && exec.anchorCall.success else { throw .executionMismatch("anchor system call failed") }
        var txs: [[UInt8]] = []
        for t in 0..<transactionCount where exec.gasAvailable > 30_000 {
            let start = UInt256(firstTarget + t * perTransaction)
            let fields = EIP1559Signer.Fields(
                chainId: BlockGenerator.chainId, nonce: t, maxPriorityFeePerGas: BlockGenerator.maxPriorityFee,
                maxFeePerGas: BlockGenerator.maxFee, gasLimit: min(UInt64(exec.gasAvailable), maxTransactionGas),
                to: proberAddress, value: .zero, data: start.bigEndianBytes)
            let raw = try EIP1559Signer.sign(fields, key: sender)
            let tx: Transaction
            do { tx = try TransactionDecoder.decode(raw, crypto: crypto) } catch {
                throw .executionMismatch("worst-case transaction does not decode: \(error.description)")
            }
            let receipt = exec.apply(tx)
            guard receipt.status == .success else { throw .executionMismatch("worst-case transaction \(t): \(receipt.status)") }
            txs.append(raw)
        }
        var post = pre
        post.apply(evm.state)
        return GeneratedBlock(
            options: o, pre: pre, block: env, fork: BlockGenerator.fork, anchor: anchor, transactions: txs,
            receipts: exec.receipts, gasUsed: exec.gasUsed, ethTransfers: 0, erc20Transfers: 0, post: post,
            preRoot: pre.stateRoot(crypto), postRoot: post.stateRoot(crypto), logsHash: LogsHash.compute(exec.logs, crypto))
    }
}
