import EVM
import EVMPrimitives
import EVMProver
import NativeCrypto
import OPStackEVM
import StatelessEVM

/// Generates a deterministic OP Stack rollup block (docs/ROLLUP-EVM.md §4): the L1 attributes deposit first,
/// then user deposits and signed EIP-1559 ETH transfers in a seeded mix. Every `failEvery`-th user deposit
/// sends more than its sender holds after the mint, so it fails (mint kept, nonce bumped, whole gas limit
/// used). The block runs natively on `EVM<InMemoryState, NativeCryptoProvider, OPStack>` over the full
/// pre-state — the native twin of evm-op-guest.
public enum OPStackBlockGenerator {
    public static let fork = Fork.cancun
    public static let chainId = UInt256(0x8079_0a)
    /// Gas limit of each user deposit.
    public static let depositGas: UInt64 = 50_000
    /// The L1 attributes the block's first deposit writes (Ecotone; scalars as on OP mainnet in 2024).
    public static func l1Info(seed: UInt64) -> L1BlockInfo {
        L1BlockInfo(baseFeeScalar: 1368, blobBaseFeeScalar: 810_949, sequenceNumber: seed % 6, timestamp: 1_750_000_000 + seed,
                    number: 20_000_000 + seed, baseFee: UInt256(7_000_000_000), blobBaseFee: UInt256(1),
                    hash: UInt256(bigEndian: Keccak256.hash(Array("rvx op l1 block".utf8) + BlockGenerator.be64(seed))),
                    batcherHash: UInt256(0x6887_246668a3b87f))
    }

    /// The outcome of generation.
    public struct Block {
        public var pre: InMemoryState
        public var blockEnv: StatelessBlockEnv
        public var transactions: [[UInt8]]
        public var outcomes: [TxOutcome]
        public var deposits = 0
        public var failedDeposits = 0
        public var transfers = 0
        public var gasUsed: UInt64 = 0
        public var logsHash: [UInt8] = []
        public var preRoot: [UInt8] = []
        public var postRoot: [UInt8] = []
        public var post: InMemoryState

        /// The native result in the guest's public-output form.
        public var result: StatelessResult {
            StatelessResult(postStateRoot: postRoot, logsHash: logsHash, gasUsed: gasUsed, transactions: outcomes)
        }

        /// The EXECUTE container for evm-op-guest (minimal MPT witness) and the post root to claim; checks that
        /// the prover's stateless run agrees with the native twin.
        public func proof() throws(EVMBlocksError) -> EVMProver.Proof {
            let p: EVMProver.Proof
            do {
                p = try EVMProver.prove(pre: pre, blockEnv: blockEnv, transactions: transactions, crypto: NativeCryptoProvider(),
                                        variant: OPStack.self)
            } catch { throw .proverFailed(error.description) }
            guard p.result == result else { throw .executionMismatch("stateless OP run differs from the native twin") }
            return p
        }
    }

    /// Generates a block of at most `o.gas` gas; `depositShare` percent of the transactions after the L1
    /// attributes deposit are user deposits.
    public static func generate(_ o: GenBlockOptions, depositShare: UInt64 = 25, failEvery: Int = 8) throws(EVMBlocksError) -> Block {
        try o.validate()
        let crypto = NativeCryptoProvider()
        let accountCount = o.accounts ?? max(8, Int(o.gas / BlockGenerator.ethTransferGas) / 2)
        var keys: [SigningKey] = []
        for i in 0..<accountCount { keys.append(try BlockGenerator.key(seed: o.seed, index: UInt64(i))) }
        var pre = InMemoryState()
        for k in keys { pre.entries[k.address] = .init(account: Account(nonce: 0, balance: BlockGenerator.initialBalance), storage: [:]) }
        for (a, code) in [(OPStack.l1Block, OPStackContracts.l1Block)] {
            pre.entries[a] = .init(account: Account(nonce: 1, code: code, codeHash: UInt256(bigEndian: Keccak256.hash(code))), storage: [:])
        }
        var env = BlockGenerator.blockEnv(o)
        env.coinbase = OPStack.sequencerFeeVault
        env.chainId = chainId
        let blockEnv = StatelessBlockEnv(fork: fork, env: env)
        let evm = EVM(state: JournaledState(backend: pre), crypto: crypto, fork: fork, block: env, variant: OPStack.self)
        OPStack.beginBlock(evm: evm)
        var block = Block(pre: pre, blockEnv: blockEnv, transactions: [], outcomes: [], post: pre)
        var logs: [Log] = []
        func run(_ raw: [UInt8]) {
            let outcome = StatelessExecutor.runOne(raw, evm: evm, cumulativeGas: block.gasUsed, logs: &logs)
            block.gasUsed += outcome.gasUsed
            block.transactions.append(raw)
            block.outcomes.append(outcome)
        }
        let info = l1Info(seed: o.seed)
        let l1Hash = info.hash.bigEndianBytes
        run(DepositTransaction(sourceHash: DepositTransaction.sourceHash(domain: 1, l1BlockHash: l1Hash, index: info.sequenceNumber, crypto),
                               from: OPStack.depositor, to: OPStack.l1Block, mint: .zero, value: .zero, gas: OPStack.l1AttributesGas,
                               isSystemTx: false, data: info.ecotoneCalldata()).encode())
        guard block.outcomes[0].status == .success else { throw .executionMismatch("the L1 attributes deposit failed") }
        block.deposits = 1
        var rng = SplitMix64(seed: o.seed ^ 0x0b57_ac4b)
        var userDeposits = 0
        while o.gas - block.gasUsed >= max(depositGas, BlockGenerator.ethTransferGas) {
            let s = Int(rng.next(below: UInt64(accountCount)))
            var r = Int(rng.next(below: UInt64(accountCount - 1)))
            if r >= s { r += 1 }
            let amount = UInt256(1 + rng.next(below: 1_000_000))
            if rng.next(below: 100) < depositShare {
                userDeposits += 1
                let mint = UInt256(rng.next(below: 3) * 1_000_000_000)
                let fails = userDeposits % failEvery == 0
                let value = fails ? evm.state.account(keys[s].address).balance &+ mint &+ .one : amount
                let d = DepositTransaction(
                    sourceHash: DepositTransaction.sourceHash(domain: 0, l1BlockHash: l1Hash, index: UInt64(userDeposits), crypto),
                    from: keys[s].address, to: keys[r].address, mint: mint, value: value, gas: depositGas, isSystemTx: false, data: [])
                run(d.encode())
                block.deposits += 1
                if fails {
                    guard block.outcomes.last?.status == .failed else { throw .executionMismatch("deposit \(userDeposits) did not fail") }
                    block.failedDeposits += 1
                }
            } else {
                let fields = EIP1559Signer.Fields(
                    chainId: chainId, nonce: evm.state.account(keys[s].address).nonce, maxPriorityFeePerGas: BlockGenerator.maxPriorityFee,
                    maxFeePerGas: BlockGenerator.maxFee, gasLimit: BlockGenerator.ethTransferGas, to: keys[r].address, value: amount, data: [])
                run(try EIP1559Signer.sign(fields, key: keys[s]))
                guard block.outcomes.last?.status == .success else { throw .executionMismatch("transfer \(block.transactions.count - 1) failed") }
                block.transfers += 1
            }
        }
        var post = pre
        post.apply(evm.state)
        block.post = post
        block.logsHash = LogsHash.compute(logs, crypto)
        block.preRoot = pre.stateRoot(crypto)
        block.postRoot = post.stateRoot(crypto)
        return block
    }
}
