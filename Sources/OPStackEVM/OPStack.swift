import EVM
import EVMPrimitives

/// The OP Stack's rules as a `ChainVariant` (ethereum-optimism/specs, docs/ROLLUP-EVM.md §3): deposited
/// transactions of type 0x7E (`DepositTransaction`, `OPStack.applyDeposit`; Regolith gas accounting,
/// Canyon receipts), the Ecotone L1 data fee on every other transaction, paid to the L1FeeVault, the base
/// fee paid to the BaseFeeVault instead of being burned (`specs/protocol/exec-engine.md` §Fee Vaults), the
/// RIP-7212 P256VERIFY precompile at 0x100 (Fjord, `specs/protocol/fjord/exec-engine.md`) and COINBASE
/// answering the SequencerFeeVault, the fee recipient the specification requires of every L2 block.
public enum OPStack: ChainVariant {
    public typealias ExtraTransaction = DepositTransaction

    /// Predeploys (`specs/protocol/predeploys.md`) and the L1 attributes depositor (deposits.md).
    public static let l1Block = Address(hi: 0x4200_0000, mid: 0, lo: 0x15)
    public static let sequencerFeeVault = Address(hi: 0x4200_0000, mid: 0, lo: 0x11)
    public static let baseFeeVault = Address(hi: 0x4200_0000, mid: 0, lo: 0x19)
    public static let l1FeeVault = Address(hi: 0x4200_0000, mid: 0, lo: 0x1a)
    public static let depositor = Address(hi: 0xdead_dead, mid: 0xdead_dead_dead_dead, lo: 0xdead_dead_dead_0001)
    /// The gas limit of the L1 attributes deposit from Regolith.
    public static let l1AttributesGas: UInt64 = 1_000_000

    /// Storage slots of the Ecotone L1Block predeploy (op-geth `core/types/rollup_cost.go`).
    public enum L1BlockSlot {
        /// number (bytes 24…32) and timestamp (bytes 16…24).
        public static let numberTimestamp = UInt256(0)
        public static let baseFee = UInt256(1)
        public static let hash = UInt256(2)
        /// sequenceNumber (bytes 24…32), blobBaseFeeScalar (20…24), baseFeeScalar (16…20).
        public static let feeScalars = UInt256(3)
        public static let batcherHash = UInt256(4)
        public static let blobBaseFee = UInt256(7)
    }

    /// RIP-7212 P256VERIFY: address 0x100, 3450 gas.
    public static let p256VerifyAddress = Address(low: 0x100)
    public static let p256VerifyGas: Int64 = 3450

    // MARK: Deposits

    public static func isExtraTransactionType(_ type: UInt8) -> Bool { type == DepositTransaction.type }

    public static func decodeExtra(_ envelope: [UInt8]) throws(TransactionError) -> DepositTransaction {
        try DepositTransaction.decode(envelope)
    }

    public static func gasLimit(of tx: DepositTransaction) -> UInt64 { tx.gas }

    public static func applyExtra<B: StateBackend, C: CryptoProvider>(
        _ tx: inout DepositTransaction, evm: EVM<B, C, OPStack>) throws(TransactionError) -> TransactionResult {
        applyDeposit(&tx, evm: evm)
    }

    public static func encodeExtraReceipt(_ tx: DepositTransaction, result: TransactionResult, cumulativeGasUsed: UInt64,
                                          logsBloom: [UInt8]) -> [UInt8] {
        DepositReceipt.encode(succeeded: result.success, cumulativeGasUsed: cumulativeGasUsed, logsBloom: logsBloom,
                              logs: result.logs, depositNonce: tx.depositNonce ?? 0)
    }

    // MARK: Fees

    public static func dataFee<B: StateBackend, C: CryptoProvider>(envelope: [UInt8], evm: EVM<B, C, OPStack>) -> UInt256 {
        if envelope.isEmpty { return .zero }
        return L1FeeParameters.read(&evm.state).l1Cost(envelope)
    }

    /// exec-engine.md §Fee Vaults: the base fee to the BaseFeeVault, the L1 data fee to the L1FeeVault
    /// (the priority fee went to the coinbase, the SequencerFeeVault).
    public static func routeFees<B: StateBackend, C: CryptoProvider>(baseFee: UInt256, dataFee: UInt256,
                                                                     evm: EVM<B, C, OPStack>) {
        pay(baseFeeVault, baseFee, evm)
        pay(l1FeeVault, dataFee, evm)
    }

    /// Credits `amount`; a zero amount only touches, so an empty vault is removed as the coinbase would be.
    static func pay<B: StateBackend, C: CryptoProvider>(_ vault: Address, _ amount: UInt256, _ evm: EVM<B, C, OPStack>) {
        if !amount.isZero {
            evm.state.addBalance(vault, amount)
        } else if evm.state.existsAndIsEmpty(vault) {
            evm.state.destroy(vault)
        }
    }

    // MARK: Precompiles

    public static func precompile(at address: Address, fork: Fork) -> Int? {
        address == p256VerifyAddress && fork < .osaka ? 0 : nil
    }

    public static func precompileAddresses(_ fork: Fork) -> [Address] { fork < .osaka ? [p256VerifyAddress] : [] }

    public static func runPrecompile<B: StateBackend, C: CryptoProvider>(
        _ index: Int, input: [UInt8], gas: Int64, evm: EVM<B, C, OPStack>) -> PrecompileResult {
        if gas < p256VerifyGas { return PrecompileResult(cost: p256VerifyGas, output: nil) }
        return PrecompileResult(cost: p256VerifyGas, output: evm.p256Verify(input))
    }

    // MARK: Opcodes

    /// The L1 tables with COINBASE (0x41) marked as the variant's.
    nonisolated(unsafe) static let tables: UnsafeMutablePointer<InstructionEntry> = {
        let count = Fork.allCases.count
        let p = UnsafeMutablePointer<InstructionEntry>.allocate(capacity: 256 * count)
        p.initialize(from: InstructionTable.tables, count: 256 * count)
        for f in 0..<count { p[f * 256 + 0x41].gas = InstructionEntry.variantOpcode }
        return p
    }()

    public static func instructionTable(for fork: Fork) -> UnsafeMutablePointer<InstructionEntry> {
        tables + Int(fork.rawValue) * 256
    }

    /// COINBASE (base gas 2) pushes the SequencerFeeVault whatever the block environment says.
    public static func executeOpcode<B: StateBackend, C: CryptoProvider>(
        _ op: UInt8, frame: inout Frame, evm: EVM<B, C, OPStack>) throws(Halt) {
        guard op == 0x41 else { throw Halt.invalidOpcode(op) }
        try frame.chargeGas(2)
        try frame.pushWord(sequencerFeeVault.word)
    }
}
