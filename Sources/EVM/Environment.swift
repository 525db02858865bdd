import EVMPrimitives

/// The block context of execution (Yellow Paper §4.3 header fields H_c, H_i, H_s, H_l, H_a/prevRandao,
/// base fee of EIP-1559, excess blob gas of EIP-4844), plus the chain id (EIP-155/1344).
public struct BlockEnv: Sendable {
    public var coinbase: Address
    public var number: UInt64
    public var timestamp: UInt256
    public var gasLimit: UInt64
    /// DIFFICULTY before Paris, PREVRANDAO (EIP-4399) from Paris.
    public var difficulty: UInt256
    public var prevRandao: UInt256
    public var baseFee: UInt256
    public var excessBlobGas: UInt64
    public var chainId: UInt256
    /// Hashes of the 256 previous blocks, most recent last; BLOCKHASH answers from it (0 if absent).
    public var blockHashes: [UInt256]

    public init(coinbase: Address, number: UInt64, timestamp: UInt256, gasLimit: UInt64, difficulty: UInt256,
                prevRandao: UInt256, baseFee: UInt256, excessBlobGas: UInt64, chainId: UInt256, blockHashes: [UInt256]) {
        self.coinbase = coinbase
        self.number = number
        self.timestamp = timestamp
        self.gasLimit = gasLimit
        self.difficulty = difficulty
        self.prevRandao = prevRandao
        self.baseFee = baseFee
        self.excessBlobGas = excessBlobGas
        self.chainId = chainId
        self.blockHashes = blockHashes
    }
}

/// A log entry (Yellow Paper §4.3.1 O): emitter, up to four topics, data.
public struct Log: Equatable, Sendable {
    public var address: Address
    public var topics: [UInt256]
    public var data: [UInt8]
}

/// A message to execute (execution-specs `vm/__init__.py` Message).
struct Message {
    var caller: Address
    /// The account whose storage and balance are used (current_target).
    var target: Address
    /// Where the code came from (differs from target for CALLCODE/DELEGATECALL).
    var codeAddress: Address
    var value: UInt256
    var input: [UInt8]
    var gas: Int64
    var depth: Int
    var isStatic: Bool
    var transfersValue: Bool
    /// EIP-7702: code reached through a delegation designator never runs a precompile.
    var disablePrecompiles = false
}

/// The result of a message (execution-specs `Evm` after execution).
public struct CallOutcome {
    public var success: Bool
    public var gasLeft: Int64
    public var output: [UInt8]
    public var halt: Halt?
}
