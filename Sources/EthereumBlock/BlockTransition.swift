import EVM
import EVMPrimitives
import MerklePatriciaTrie

/// What executing a block's body produced (execution-specs `vm.BlockOutput`), with the commitments computed
/// from it.
public struct BlockOutput: Sendable {
    public var gasUsed: UInt64 = 0
    public var blobGasUsed: UInt64 = 0
    /// The encoded receipts, in transaction order (the values of the receipts trie).
    public var receipts: [[UInt8]] = []
    public var logs: [Log] = []
    public var transactionsRoot: [UInt8] = []
    public var receiptsRoot: [UInt8] = []
    public var withdrawalsRoot: [UInt8]? = nil
    public var logsBloom: [UInt8] = []
    /// The EIP-7685 requests (`type ‖ data`, empty ones left out) and their `requests_hash`, from Prague.
    public var requests: [[UInt8]] = []
    public var requestsHash: [UInt8]? = nil
    /// Whether the EIP-8079 anchor system call ran.
    public var anchorCall = SystemCallResult(ran: false, success: false, gasUsed: 0)

    public init() {}
}

/// The block state transition (execution-specs Berlin, London, Cancun, Prague and Osaka `state_transition`):
/// `validate` (EIP-7934 block size, header against the parent, ommers before Paris and none after, withdrawals
/// presence), `applyBody` (before Paris the block rewards; EIP-4788 beacon-root
/// and EIP-2935 history system calls, the transactions, the withdrawals, the EIP-7685 requests: EIP-6110
/// deposits, EIP-7002 and EIP-7251 dequeue calls) over an `EVM` on any state backend, and `checkCommitments`
/// (gas used, transactions, receipts and withdrawals roots, logs bloom, blob gas used, state root, requests
/// hash). `execute` chains the three; the native `blocktest` runner and the EVM guest both go through it.
public enum BlockTransition {
    /// BEACON_ROOTS_ADDRESS of EIP-4788: 0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02.
    public static let beaconRootsAddress = Address(hi: 0x000f_3df6, mid: 0xd732_807e_f131_9fb7, lo: 0xb8bb_8522_d0be_ac02)

    /// Validates `block` against its parent under `config`; returns the rules of the block's fork. Before
    /// Paris the ommers are checked against `ancestry` (the chain the block extends, parent first).
    public static func validate<H: KeccakHasher>(_ block: Block, parent: BlockHeader, config: ChainConfig,
                                                 ancestry: BlockAncestry = BlockAncestry(), _ hasher: H) throws(BlockError) -> BlockRules {
        guard let rules = config.rules(number: block.header.number, timestamp: block.header.timestamp) else { throw .unsupportedFork }
        if rules.hasBlockSizeLimit && block.encode().count > SystemContracts.maxRLPBlockSize { throw .blockTooLarge }
        try HeaderValidation.validate(block.header, parent: parent, parentHash: parent.hash(hasher), rules: rules)
        if rules.isPreMerge {
            try PreMergeRules.validateOmmers(block, blockHash: block.header.hash(hasher), ancestry: ancestry, hasher) {
                (ommer: BlockHeader, ommerParent: BlockHeader) throws(BlockError) in
                guard let r = config.rules(number: ommer.number, timestamp: ommer.timestamp), r.isPreMerge else {
                    throw .invalidHeader(.fieldCount)
                }
                try HeaderValidation.validate(ommer, parent: ommerParent, parentHash: ommerParent.hash(hasher), rules: r)
            }
        } else if !block.ommers.isEmpty { throw .ommersPresent }
        if (block.withdrawals != nil) != rules.hasWithdrawals { throw .withdrawalsPresence }
        return rules
    }

    /// The EVM's block environment for `header` (execution-specs `vm.BlockEnvironment`); `blockHashes` are the
    /// hashes of up to 256 ancestors, the parent last.
    public static func environment(_ header: BlockHeader, chainId: UInt256, blockHashes: [UInt256]) -> BlockEnv {
        let randao = UInt256(bigEndian: header.prevRandao)
        return BlockEnv(coinbase: header.coinbase, number: header.number, timestamp: UInt256(header.timestamp),
                        gasLimit: header.gasLimit, difficulty: header.difficulty, prevRandao: randao,
                        baseFee: header.baseFeePerGas ?? .zero, excessBlobGas: header.excessBlobGas ?? 0,
                        chainId: chainId, blockHashes: blockHashes)
    }

    /// `apply_body`: the EIP-8079 anchor call (when `anchor` is 32 bytes), the EIP-4788 call, every
    /// transaction (any invalid one invalidates the block), then the withdrawals; computes the body's
    /// commitments. The EVM must have been made with `rules.spec` and `environment(block.header, …)`;
    /// `depositContract` is the chain's EIP-6110 deposit contract.
    public static func applyBody<B: StateBackend, C: CryptoProvider>(
        _ block: Block, rules: BlockRules, evm: EVM<B, C, L1Variant>, anchor: [UInt8]? = nil,
        depositContract: Address = SystemContracts.depositContract
    ) throws(BlockError) -> BlockOutput {
        var out = BlockOutput()
        out.anchorCall = evm.applyL1Anchor(anchor)
        if rules.hasBeaconRoot, let root = block.header.parentBeaconBlockRoot {
            _ = evm.systemCall(to: beaconRootsAddress, data: root)
        }
        if rules.fork.spec.has(.eip2935) {
            _ = evm.systemCall(to: SystemContracts.historyStorage, data: block.header.parentHash)
        }
        let maxBlobGas = UInt64(rules.blob?.maxBlobGasPerBlock ?? 0)
        var txPairs: [(key: [UInt8], value: [UInt8])] = []
        var receiptPairs: [(key: [UInt8], value: [UInt8])] = []
        txPairs.reserveCapacity(block.transactions.count)
        receiptPairs.reserveCapacity(block.transactions.count)
        for (i, raw) in block.transactions.enumerated() {
            let tx: Transaction
            if let type = raw.first, type < 0x80, !rules.spec.supportsTransactionType(type) {
                throw .transactionTypeBeforeFork(index: i, type: type)
            }
            do { tx = try TransactionDecoder.decode(raw, crypto: evm.crypto) } catch { throw .invalidTransaction(index: i, error) }
            let gasAvailable = block.header.gasLimit - out.gasUsed
            guard let gas = tx.gasLimit.uint64, gas <= gasAvailable else {
                throw .invalidTransaction(index: i, .gasLimitAboveBlockGasLimit)
            }
            let blobGas = UInt64(tx.blobGas)
            if blobGas > maxBlobGas - out.blobGasUsed { throw .invalidTransaction(index: i, .tooManyBlobs) }
            let r: TransactionResult
            do { r = try evm.transact(tx) } catch { throw .invalidTransaction(index: i, error) }
            out.gasUsed += UInt64(r.gasUsed)
            out.blobGasUsed += blobGas
            let key = RLP.encodeUInt64(UInt64(i))
            txPairs.append((key: key, value: raw))
            let receipt = ReceiptEncoding.encode(type: tx.type, succeeded: r.success, cumulativeGasUsed: out.gasUsed,
                                                 logs: r.logs, evm.crypto)
            receiptPairs.append((key: key, value: receipt))
            out.receipts.append(receipt)
            out.logs.append(contentsOf: r.logs)
        }
        if rules.isPreMerge { PreMergeRules.payRewards(block, evm: evm) }
        if let withdrawals = block.withdrawals {
            var pairs: [(key: [UInt8], value: [UInt8])] = []
            pairs.reserveCapacity(withdrawals.count)
            for (i, w) in withdrawals.enumerated() {
                pairs.append((key: RLP.encodeUInt64(UInt64(i)), value: w.encode()))
                evm.state.addBalance(w.address, UInt256(w.amount) &* UInt256(1_000_000_000))
                if evm.state.existsAndIsEmpty(w.address) { evm.state.destroy(w.address) }
            }
            evm.state.endTransaction()
            out.withdrawalsRoot = MerklePatriciaTrie.rootHash(of: pairs, evm.crypto)
        }
        if rules.hasRequests {
            out.requests = try generalPurposeRequests(logs: out.logs, evm: evm, depositContract: depositContract)
            out.requestsHash = Requests.hash(out.requests, evm.crypto)
        }
        out.transactionsRoot = MerklePatriciaTrie.rootHash(of: txPairs, evm.crypto)
        out.receiptsRoot = MerklePatriciaTrie.rootHash(of: receiptPairs, evm.crypto)
        out.logsBloom = LogsBloom.of(out.logs, evm.crypto)
        return out
    }

    /// `state_transition` over `backend` (the parent's post-state): validates, builds the EVM, applies the body,
    /// asks `stateRoot` for the post-state root of the resulting journal (nil: the backend could not produce
    /// it, e.g. a witness lacked a node) and checks the commitments. `blockHashes` are the ancestors' hashes,
    /// the parent last.
    public static func execute<B: StateBackend, C: CryptoProvider>(
        _ block: Block, parent: BlockHeader, config: ChainConfig, blockHashes: [UInt256], backend: B, crypto: C,
        anchor: [UInt8]? = nil, ancestry: BlockAncestry = BlockAncestry(), stateRoot: (JournaledState<B>) -> [UInt8]?
    ) throws(BlockError) -> BlockOutput {
        let rules = try validate(block, parent: parent, config: config, ancestry: ancestry, crypto)
        let env = environment(block.header, chainId: config.chainId, blockHashes: blockHashes)
        let evm = EVM(state: JournaledState(backend: backend), crypto: crypto, spec: rules.spec, block: env)
        let output: BlockOutput
        do { output = try applyBody(block, rules: rules, evm: evm, anchor: anchor, depositContract: config.depositContract) } catch {
            // A BLOCKHASH answered without its hash makes any later verdict untrustworthy: that comes first.
            if let n = evm.missingBlockHash { throw .blockHashUnavailable(number: n) }
            throw error
        }
        if let n = evm.missingBlockHash { throw .blockHashUnavailable(number: n) }
        guard let root = stateRoot(evm.state) else { throw .stateUnavailable }
        try checkCommitments(block.header, output: output, stateRoot: root)
        return output
    }

    /// The header commitments of `state_transition`, in the specification's order.
    public static func checkCommitments(_ header: BlockHeader, output: BlockOutput, stateRoot: [UInt8]) throws(BlockError) {
        if output.gasUsed != header.gasUsed { throw .commitmentMismatch(.gasUsed) }
        if output.transactionsRoot != header.transactionsRoot { throw .commitmentMismatch(.transactionsRoot) }
        if stateRoot != header.stateRoot { throw .commitmentMismatch(.stateRoot) }
        if output.receiptsRoot != header.receiptsRoot { throw .commitmentMismatch(.receiptsRoot) }
        if output.logsBloom != header.logsBloom { throw .commitmentMismatch(.logsBloom) }
        if output.withdrawalsRoot != header.withdrawalsRoot { throw .commitmentMismatch(.withdrawalsRoot) }
        if let used = header.blobGasUsed, output.blobGasUsed != used { throw .commitmentMismatch(.blobGasUsed) }
        if output.requestsHash != header.requestsHash { throw .commitmentMismatch(.requestsHash) }
    }

    /// `process_general_purpose_requests` (Prague): deposits from the block's logs, then the EIP-7002
    /// withdrawal and EIP-7251 consolidation dequeue calls, each kept when non-empty, in type order.
    static func generalPurposeRequests<B: StateBackend, C: CryptoProvider>(
        logs: [Log], evm: EVM<B, C, L1Variant>, depositContract: Address
    ) throws(BlockError) -> [[UInt8]] {
        var requests: [[UInt8]] = []
        let deposits = try Requests.deposits(logs, contract: depositContract)
        if !deposits.isEmpty { requests.append([Requests.depositType] + deposits) }
        let withdrawals = try checkedSystemCall(evm, to: SystemContracts.withdrawalRequests)
        if !withdrawals.isEmpty { requests.append([Requests.withdrawalType] + withdrawals) }
        let consolidations = try checkedSystemCall(evm, to: SystemContracts.consolidationRequests)
        if !consolidations.isEmpty { requests.append([Requests.consolidationType] + consolidations) }
        return requests
    }

    /// `process_checked_system_transaction`: the call must find code and succeed; returns its output.
    static func checkedSystemCall<B: StateBackend, C: CryptoProvider>(_ evm: EVM<B, C, L1Variant>, to target: Address) throws(BlockError) -> [UInt8] {
        let r = evm.systemCall(to: target, data: [])
        if !r.ran { throw .systemContractEmpty(target) }
        if !r.success { throw .systemContractCallFailed(target) }
        return r.output
    }
}
