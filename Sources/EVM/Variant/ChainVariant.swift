import EVMPrimitives

/// A chain's departures from the L1 EVM (issue 15, docs/ROLLUP-EVM.md §2): extra EIP-2718 transaction types,
/// extra precompiles, opcode overrides or additions, and per-block / per-transaction hooks (fee routing, an
/// extra data fee). Every member is static: a variant is a type, never a value. `EVM` is generic over it, so
/// each hook is a direct call the compiler can inline and, for `L1Variant`, erase; the interpreter consults
/// the variant only for opcodes its instruction table marks (`InstructionEntry.variantOpcode`), on the path
/// that otherwise raises "invalid opcode".
public protocol ChainVariant {
    /// The variant's own transaction type(s), decoded from their EIP-2718 envelope.
    associatedtype ExtraTransaction

    // MARK: Transaction types

    /// Whether an envelope whose first byte is `type` belongs to the variant (decoded by `decodeExtra`).
    static func isExtraTransactionType(_ type: UInt8) -> Bool
    /// Decodes an envelope of one of the variant's types; throws `.malformedEncoding` and the like.
    static func decodeExtra(_ envelope: [UInt8]) throws(TransactionError) -> ExtraTransaction
    /// The gas the transaction takes from the block's gas pool at most (its gas limit).
    static func gasLimit(of tx: ExtraTransaction) -> UInt64
    /// Validates and applies `tx`; an invalid transaction throws and leaves the state unchanged. May record
    /// in `tx` what its receipt needs (the OP Stack's `depositNonce`).
    static func applyExtra<B: StateBackend, C: CryptoProvider>(
        _ tx: inout ExtraTransaction, evm: EVM<B, C, Self>) throws(TransactionError) -> TransactionResult
    /// The receipt of an applied extra transaction as the receipts trie stores it (type byte included).
    /// `logsBloom` is the 256-byte bloom of `result.logs`.
    static func encodeExtraReceipt(_ tx: ExtraTransaction, result: TransactionResult, cumulativeGasUsed: UInt64,
                                   logsBloom: [UInt8]) -> [UInt8]

    // MARK: Per-block and per-transaction hooks

    /// Runs before the block's first transaction (after the L1-anchor system call): system calls, state set-up.
    static func beginBlock<B: StateBackend, C: CryptoProvider>(evm: EVM<B, C, Self>)
    /// A fee charged to the sender of an ordinary transaction on top of gas (e.g. an L1 data fee), computed
    /// from its EIP-2718 `envelope` and the state; it counts in the sender's balance check.
    static func dataFee<B: StateBackend, C: CryptoProvider>(envelope: [UInt8], evm: EVM<B, C, Self>) -> UInt256
    /// Where the fees of an ordinary transaction go, after the priority fee was paid to the coinbase:
    /// `baseFee` = gas used × base fee (burned on L1), `dataFee` as computed by `dataFee`.
    static func routeFees<B: StateBackend, C: CryptoProvider>(baseFee: UInt256, dataFee: UInt256, evm: EVM<B, C, Self>)

    // MARK: Precompiles

    /// The variant's precompile at `address` in `fork` (an index of its own numbering), or nil. Consulted
    /// after the L1 table, so it cannot shadow an L1 precompile of the same fork.
    static func precompile(at address: Address, fork: Fork) -> Int?
    /// The addresses of the variant's precompiles in `fork` (warm from the start of every transaction).
    static func precompileAddresses(_ fork: Fork) -> [Address]
    /// Runs precompile `index` on `input` with `gas`; nil output = failure (all gas consumed).
    static func runPrecompile<B: StateBackend, C: CryptoProvider>(
        _ index: Int, input: [UInt8], gas: Int64, evm: EVM<B, C, Self>) -> PrecompileResult

    // MARK: Opcodes

    /// The instruction table of `fork` (256 entries, living for the process). An entry whose `gas` is
    /// `InstructionEntry.variantOpcode` is run by `executeOpcode`.
    static func instructionTable(for fork: Fork) -> UnsafeMutablePointer<InstructionEntry>
    /// Runs a marked opcode: checks its stack bounds, charges its gas and updates the stack through
    /// `frame`; the interpreter then moves to the next instruction.
    static func executeOpcode<B: StateBackend, C: CryptoProvider>(
        _ op: UInt8, frame: inout Frame, evm: EVM<B, C, Self>) throws(Halt)
}

/// What a variant precompile returns: the gas it costs and its output (nil: the call fails).
public struct PrecompileResult {
    public var cost: Int64
    public var output: [UInt8]?
    public init(cost: Int64, output: [UInt8]?) {
        self.cost = cost
        self.output = output
    }
}

/// The L1 behaviour of every hook: no extra transaction type, no data fee, the base fee burned, no extra
/// precompile, the fork's own instruction table.
extension ChainVariant {
    @inline(__always) public static func isExtraTransactionType(_ type: UInt8) -> Bool { false }
    @inline(__always) public static func beginBlock<B: StateBackend, C: CryptoProvider>(evm: EVM<B, C, Self>) {}
    @inline(__always)
    public static func dataFee<B: StateBackend, C: CryptoProvider>(envelope: [UInt8], evm: EVM<B, C, Self>) -> UInt256 { .zero }
    @inline(__always)
    public static func routeFees<B: StateBackend, C: CryptoProvider>(baseFee: UInt256, dataFee: UInt256, evm: EVM<B, C, Self>) {}
    @inline(__always) public static func precompile(at address: Address, fork: Fork) -> Int? { nil }
    @inline(__always) public static func precompileAddresses(_ fork: Fork) -> [Address] { [] }
    public static func runPrecompile<B: StateBackend, C: CryptoProvider>(
        _ index: Int, input: [UInt8], gas: Int64, evm: EVM<B, C, Self>) -> PrecompileResult {
        PrecompileResult(cost: gas, output: nil)
    }
    @inline(__always)
    public static func instructionTable(for fork: Fork) -> UnsafeMutablePointer<InstructionEntry> {
        InstructionTable.table(for: fork)
    }
    public static func executeOpcode<B: StateBackend, C: CryptoProvider>(
        _ op: UInt8, frame: inout Frame, evm: EVM<B, C, Self>) throws(Halt) {
        throw Halt.invalidOpcode(op)
    }
}

/// A variant without transaction types of its own.
public enum NoExtraTransaction {}

extension ChainVariant where ExtraTransaction == NoExtraTransaction {
    public static func decodeExtra(_ envelope: [UInt8]) throws(TransactionError) -> NoExtraTransaction {
        throw .typeNotSupported
    }
    public static func gasLimit(of tx: NoExtraTransaction) -> UInt64 { switch tx {} }
    public static func applyExtra<B: StateBackend, C: CryptoProvider>(
        _ tx: inout NoExtraTransaction, evm: EVM<B, C, Self>) throws(TransactionError) -> TransactionResult { switch tx {} }
    public static func encodeExtraReceipt(_ tx: NoExtraTransaction, result: TransactionResult, cumulativeGasUsed: UInt64,
                                          logsBloom: [UInt8]) -> [UInt8] { switch tx {} }
}

/// The plain L1 EVM: the variant with no extensions (every hook is the default above).
public enum L1Variant: ChainVariant {
    public typealias ExtraTransaction = NoExtraTransaction
}
