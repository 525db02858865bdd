/// Everything one fork changes, as data (in the spirit of revm's `SpecId` and evmone's instruction traits):
/// the EIPs it enables (cumulative), its blob schedule and its stable BLOCK_ENV wire number. The opcode set
/// and constant gas come from `OpcodeInfo.table` (each opcode's first fork), the precompile set from
/// `Precompile` (each precompile's first fork), transaction types and refund rules from the EIP set.
/// Adding a fork is one entry in `table` plus the code of its new EIPs.
///
/// Reference: execution-specs (`ethereum/forks/<fork>`, ethereum-execution 2.20.0).
public struct ForkSpec: Sendable {
    public let fork: Fork
    /// The name the fixtures use.
    public let name: String
    /// The fork's number in BLOCK_ENV (docs/FORMAT.md); never reused, independent of the enum order.
    public let wireValue: UInt8
    public let eips: EIPSet
    public let blob: BlobParameters

    /// One entry per `Fork`, in `Fork` order.
    public static let table: [ForkSpec] = [
        ForkSpec(fork: .berlin, name: "Berlin", wireValue: 0, eips: .berlin, blob: .none),
        ForkSpec(fork: .london, name: "London", wireValue: 1, eips: .london, blob: .none),
        ForkSpec(fork: .paris, name: "Paris", wireValue: 2, eips: .paris, blob: .none),
        ForkSpec(fork: .shanghai, name: "Shanghai", wireValue: 3, eips: .shanghai, blob: .none),
        ForkSpec(fork: .cancun, name: "Cancun", wireValue: 4, eips: .cancun, blob: .cancun),
        ForkSpec(fork: .prague, name: "Prague", wireValue: 5, eips: .prague, blob: .prague),
        ForkSpec(fork: .osaka, name: "Osaka", wireValue: 6, eips: .osaka, blob: .osaka),
        ForkSpec(fork: .bpo1, name: "BPO1", wireValue: 7, eips: .osaka, blob: .bpo1),
        ForkSpec(fork: .bpo2, name: "BPO2", wireValue: 8, eips: .osaka, blob: .bpo2),
    ]

    /// Whether every EIP of `e` is active.
    @inlinable @inline(__always)
    public func has(_ e: EIPSet) -> Bool { eips.contains(e) }

    // MARK: Transactions

    /// Whether transactions of EIP-2718 type `type` are valid (0 always; 1 EIP-2930; 2 EIP-1559; 3 EIP-4844;
    /// 4 EIP-7702).
    public func supportsTransactionType(_ type: UInt8) -> Bool {
        switch type {
        case 0: return true
        case 1: return has(.eip2930)
        case 2: return has(.eip1559)
        case 3: return has(.eip4844)
        case 4: return has(.eip7702)
        default: return false
        }
    }

    /// EIP-7825 TX_MAX_GAS_LIMIT (2^24) from Osaka; nil before.
    public var transactionGasLimitCap: UInt64? { has(.eip7825) ? 1 << 24 : nil }

    // MARK: Refunds (EIP-3529)

    /// SSTORE refund for clearing a slot: 15000, 4800 from London.
    public var storageClearRefund: Int { has(.eip3529) ? 4800 : 15000 }
    /// SELFDESTRUCT refund: 24000, none from London.
    public var selfDestructRefund: Int { has(.eip3529) ? 0 : 24000 }
    /// Refunds are capped at gas used / this: 2, 5 from London.
    public var maxRefundQuotient: Int { has(.eip3529) ? 5 : 2 }

    // MARK: Precompiles

    /// The precompiles of this fork, in address order.
    public var precompiles: [Precompile] { Precompile.allCases.filter { $0.since <= fork } }
}
