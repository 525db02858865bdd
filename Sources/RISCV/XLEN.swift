/// The base integer register width of a hart (RISC-V Unprivileged ISA, chapters "RV32I" and "RV64I").
/// rvx supports RV32IM and RV64IM; the loader takes it from the ELF class.
public enum XLEN: UInt8, Sendable, CustomStringConvertible {
    /// 32-bit registers (RV32IM).
    case rv32 = 32
    /// 64-bit registers (RV64IM).
    case rv64 = 64

    /// Register width in bytes (4 or 8).
    public var bytes: UInt64 { self == .rv32 ? 4 : 8 }

    /// "RV32" or "RV64".
    public var description: String { self == .rv32 ? "RV32" : "RV64" }

    /// Canonical register representation: RV64 keeps values as they are; RV32 keeps registers sign-extended
    /// from bit 31 (the representation rvx uses for RV32, the same RV64 uses for the results of *W ops).
    @inline(__always)
    public func canonical(_ value: UInt64) -> UInt64 {
        self == .rv32 ? UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: value))) : value
    }

    /// Truncates a register value to an address: RV32 addresses are the low 32 bits.
    @inline(__always)
    public func address(_ value: UInt64) -> UInt64 {
        self == .rv32 ? value & 0xFFFF_FFFF : value
    }
}

/// Page permissions of guest memory (docs/MEMORY.md): a mapped page is R, RW or RX; never W and X together.
public struct Permissions: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Loads allowed.
    public static let read = Permissions(rawValue: 1)
    /// Stores allowed.
    public static let write = Permissions(rawValue: 2)
    /// Instruction fetch allowed (the page's instructions are pre-decoded when the hart is created).
    public static let execute = Permissions(rawValue: 4)

    /// "rwx"-style rendering, e.g. "r-x".
    public var description: String {
        (contains(.read) ? "r" : "-") + (contains(.write) ? "w" : "-") + (contains(.execute) ? "x" : "-")
    }
}
