/// The EIPs whose rules the EVM switches on per fork (the execution-layer EIPs of the Berlin … Osaka meta
/// EIPs 2070, 3238/4345, 3675, 4895, 7569, 7600, 7607 that change a rule the EVM checks). A fork's set is
/// cumulative: it holds its predecessor's.
public struct EIPSet: OptionSet, Sendable {
    public let rawValue: UInt64
    @inlinable
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    // Berlin
    /// Typed transaction envelopes and access lists (type 1).
    public static let eip2930 = EIPSet(rawValue: 1 << 0)
    // London
    /// Fee market: base fee, type-2 transactions, BASEFEE (EIP-3198).
    public static let eip1559 = EIPSet(rawValue: 1 << 1)
    /// Reduced refunds: SSTORE clear 4800, no SELFDESTRUCT refund, quotient 5.
    public static let eip3529 = EIPSet(rawValue: 1 << 2)
    /// Reject new code starting with 0xEF.
    public static let eip3541 = EIPSet(rawValue: 1 << 3)
    // Paris
    /// DIFFICULTY becomes PREVRANDAO.
    public static let eip4399 = EIPSet(rawValue: 1 << 4)
    // Shanghai
    /// Warm COINBASE.
    public static let eip3651 = EIPSet(rawValue: 1 << 5)
    /// Initcode limit and metering.
    public static let eip3860 = EIPSet(rawValue: 1 << 6)
    // Cancun
    /// Blob transactions (type 3), BLOBHASH, point evaluation (0x0a).
    public static let eip4844 = EIPSet(rawValue: 1 << 7)
    /// SELFDESTRUCT only in the creating transaction.
    public static let eip6780 = EIPSet(rawValue: 1 << 8)
    /// Beacon block root in the EVM (system contract).
    public static let eip4788 = EIPSet(rawValue: 1 << 9)
    // Prague
    /// BLS12-381 precompiles 0x0b–0x11.
    public static let eip2537 = EIPSet(rawValue: 1 << 10)
    /// Historical block hashes in state (system contract).
    public static let eip2935 = EIPSet(rawValue: 1 << 11)
    /// Deposit requests from the deposit contract's logs.
    public static let eip6110 = EIPSet(rawValue: 1 << 12)
    /// Execution-layer triggerable withdrawals (system contract).
    public static let eip7002 = EIPSet(rawValue: 1 << 13)
    /// Consolidation requests (system contract).
    public static let eip7251 = EIPSet(rawValue: 1 << 14)
    /// Calldata floor cost.
    public static let eip7623 = EIPSet(rawValue: 1 << 15)
    /// General-purpose execution-layer requests (requests hash).
    public static let eip7685 = EIPSet(rawValue: 1 << 16)
    /// Set-code transactions (type 4) and delegation designators.
    public static let eip7702 = EIPSet(rawValue: 1 << 17)
    // Osaka
    /// PeerDAS: at most 6 blobs per transaction.
    public static let eip7594 = EIPSet(rawValue: 1 << 18)
    /// MODEXP operands of at most 1024 bytes.
    public static let eip7823 = EIPSet(rawValue: 1 << 19)
    /// Transaction gas limit cap of 2^24.
    public static let eip7825 = EIPSet(rawValue: 1 << 20)
    /// MODEXP repricing.
    public static let eip7883 = EIPSet(rawValue: 1 << 21)
    /// Blob base fee bounded below by the execution cost.
    public static let eip7918 = EIPSet(rawValue: 1 << 22)
    /// Block RLP size limit.
    public static let eip7934 = EIPSet(rawValue: 1 << 23)
    /// CLZ opcode.
    public static let eip7939 = EIPSet(rawValue: 1 << 24)
    /// P256VERIFY precompile at 0x100.
    public static let eip7951 = EIPSet(rawValue: 1 << 25)

    public static let berlin: EIPSet = [.eip2930]
    public static let london: EIPSet = berlin.union([.eip1559, .eip3529, .eip3541])
    public static let paris: EIPSet = london.union([.eip4399])
    public static let shanghai: EIPSet = paris.union([.eip3651, .eip3860])
    public static let cancun: EIPSet = shanghai.union([.eip4844, .eip6780, .eip4788])
    public static let prague: EIPSet = cancun.union([
        .eip2537, .eip2935, .eip6110, .eip7002, .eip7251, .eip7623, .eip7685, .eip7702,
    ])
    public static let osaka: EIPSet = prague.union([
        .eip7594, .eip7823, .eip7825, .eip7883, .eip7918, .eip7934, .eip7939, .eip7951,
    ])
}
