import EVMPrimitives

/// The outcome of one EXECUTE call (docs/EXECUTE.md §2–§3): the verdict, the typed reason when false, and the
/// metering and outputs. Everything in it is deterministic (no timings), so two verifiers compare equal.
public struct ExecuteResult: Sendable, Equatable {
    /// The precompile's answer.
    public var verdict: Bool
    /// Why the verdict is false (nil when true).
    public var reason: ExecuteFailure?
    /// Cycles consumed (instructions + syscall costs + witness verification + final root).
    public var cycles: UInt64 = 0
    /// Guest instructions retired.
    public var instructions: UInt64 = 0
    /// Loads and stores whose address is not a multiple of their width (RISC-V target standard: allowed, counted).
    public var misalignedAccesses: UInt64 = 0
    /// Gas: cycles / cyclesPerGas + 16 × container bytes.
    public var gas: UInt64 = 0
    /// The public output (COMMIT / write(3)).
    public var output: [UInt8] = []
    /// Keccak-256 of `output`.
    public var outputKeccak: [UInt8] = Keccak256.hash([])
    /// DEBUG_PRINT bytes (never part of the verdict).
    public var debugOutput: [UInt8] = []
    /// Bytes the guest wrote to stdout and stderr (never part of the verdict).
    public var stdout: [UInt8] = []
    public var stderr: [UInt8] = []
    /// The post root: recomputed (runtime-managed) or declared (guest-managed); nil if none.
    public var postRoot: [UInt8]?
    /// Size of the WITNESS section.
    public var witnessBytes: Int = 0
    /// Cycles charged for expanding a compressed container (docs/FORMAT.md §8), included in `cycles`; 0 when
    /// the container is uncompressed.
    public var decodeCycles: UInt64 = 0
    /// How the guest stopped (one line), if it ran.
    public var stop: String?

    public init(verdict: Bool, reason: ExecuteFailure?) {
        self.verdict = verdict
        self.reason = reason
    }
}
