/// Gas constants shared by Berlin through Osaka (execution-specs `vm/gas.py`; EIP-2929, EIP-3860). Values that
/// differ between forks are in `ForkSpec` (refunds, blob schedule) or priced where the EIP applies.
public enum Gas {
    public static let warmAccess = 100
    public static let coldAccountAccess = 2600
    public static let coldSload = 2100
    public static let storageSet = 20000
    public static let storageUpdate = 5000
    public static let callValue = 9000
    public static let callStipend = 2300
    public static let newAccount = 25000
    public static let selfDestructNewAccount = 25000
    public static let codeDeposit = 200
    public static let keccakWord = 6
    public static let copyWord = 3
    public static let expByte = 50
    public static let logData = 8
    public static let initCodeWord = 2
    public static let memory = 3
    public static let txBase = 21000
    public static let txCreate = 32000
    public static let txDataZero = 4
    public static let txDataNonZero = 16
    /// EIP-7623 STANDARD_CALLDATA_TOKEN_COST (a zero byte is one token, a non-zero byte four) and
    /// TOTAL_COST_FLOOR_PER_TOKEN.
    public static let standardTokenCost = 4
    public static let floorCostPerToken = 10
    /// EIP-7702 PER_EMPTY_ACCOUNT_COST and PER_AUTH_BASE_COST.
    public static let perEmptyAccountCost = 25000
    public static let perAuthBaseCost = 12500
    public static let accessListAddress = 2400
    public static let accessListStorageKey = 1900
    public static let maxCodeSize = 24576
    public static let maxInitCodeSize = 2 * 24576
    public static let stackDepthLimit = 1024

    /// Memory cost of `words` 32-byte words: 3·w + w²/512 (Yellow Paper eq. 326). `words` ≤ 2^27 here, so
    /// the 64-bit result cannot overflow (gas is Int64 on every target, including riscv32).
    @inlinable @inline(__always)
    public static func memoryCost(words: Int) -> Int64 {
        let w = Int64(words)
        return Int64(memory) &* w &+ (w &* w) / 512
    }

    /// Number of 32-byte words covering `size` bytes.
    @inlinable @inline(__always)
    public static func words(_ size: Int) -> Int { (size &+ 31) / 32 }
}

/// Per-fork dispatch data derived from `OpcodeInfo.table`: constant gas (negative = undefined opcode), the
/// minimum stack height and the maximum stack height before the instruction (to rule out under/overflow).
public struct InstructionEntry {
    public var gas: Int32
    public var minStack: Int16
    public var maxStack: Int16

    public init(gas: Int32, minStack: Int16, maxStack: Int16) {
        self.gas = gas
        self.minStack = minStack
        self.maxStack = maxStack
    }

    /// The `gas` of an undefined opcode.
    public static let undefined: Int32 = -1
    /// The `gas` of an opcode a `ChainVariant` runs (`executeOpcode`), which charges its own gas.
    public static let variantOpcode: Int32 = -2
}

/// The 256-entry instruction tables of every fork, built once and never freed (they live for the process).
public enum InstructionTable {
    nonisolated(unsafe) public static let tables: UnsafeMutablePointer<InstructionEntry> = {
        let count = Fork.allCases.count
        let p = UnsafeMutablePointer<InstructionEntry>.allocate(capacity: 256 * count)
        let info = OpcodeInfo.table
        for fork in Fork.allCases {
            for op in 0..<256 {
                let i = info[op]
                let growth = Int(i.stackOut) - Int(i.stackIn)
                let defined = i.isDefined(in: fork)
                p[Int(fork.rawValue) * 256 + op] = InstructionEntry(
                    gas: defined ? Int32(i.constantGas) : -1,
                    minStack: Int16(i.stackIn),
                    maxStack: Int16(growth > 0 ? 1024 - growth : 1024))
            }
        }
        return p
    }()

    /// The table of `fork` (256 entries).
    @inlinable
    public static func table(for fork: Fork) -> UnsafeMutablePointer<InstructionEntry> {
        tables + Int(fork.rawValue) * 256
    }
}
