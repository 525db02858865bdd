import Translator
import HostABI
import RISCV
import GuestABI

/// Resource limits of one EXECUTE call (docs/EXECUTE.md §3). All are part of the rollup's registration, so
/// every verifier applies the same ones and reaches the same verdict.
public struct ExecuteLimits: Sendable, Equatable {
    /// Cycle budget: retired instructions plus syscall and witness-verification costs.
    public var cycles: UInt64
    /// Guest memory limit in bytes (image, heap, touched stack, mapped container).
    public var memory: UInt64
    /// Cap on the public output (COMMIT, write(3)).
    public var output: UInt64
    /// Cap on the kept debug output (DEBUG_PRINT; also the captured stdout+stderr).
    public var debug: UInt64

    /// Default cycle budget: 10^9.
    public static let defaultCycles: UInt64 = 1_000_000_000

    public init(cycles: UInt64 = ExecuteLimits.defaultCycles, memory: UInt64 = MachineConfig.defaultMemoryLimit,
                output: UInt64 = NativeABI.defaultOutputLimit, debug: UInt64 = NativeABI.defaultDebugLimit) {
        self.cycles = cycles
        self.memory = memory
        self.output = output
        self.debug = debug
    }
}

/// One EXECUTE call (docs/EXECUTE.md §1): the rollup's state-transition function, the input container, the
/// claimed post-state root and the rollup's registration parameters. The binary tree hash is SHA-256.
public struct ExecuteRequest: Sendable {
    /// The STF: ELF bytes (loaded and validated by `execute`) or an already loaded image.
    public enum Program: Sendable {
        case elf([UInt8])
        case image(ProgramImage)
    }

    /// The STF.
    public var program: Program
    /// The input container (docs/FORMAT.md).
    public var container: [UInt8]
    /// The claimed post-state root (32 bytes). Never shown to the guest.
    public var claimedPostRoot: [UInt8]
    /// If set, the container's PRE_STATE_ROOT must equal it (the L1's view of the rollup's current root);
    /// otherwise the verdict is false with `.preStateRootMismatch`.
    public var expectedPreStateRoot: [UInt8]?
    /// Who computes the post root.
    public var stateMode: StateMode
    /// Resource limits.
    public var limits: ExecuteLimits
    /// Cycles per unit of gas (gas = cycles / cyclesPerGas + 16 × container bytes); 0 is treated as 1.
    public var cyclesPerGas: UInt64
    /// The engine the STF runs on (all give the same verdict, cycles and output).
    public var engine: Engine = .default
    /// With engine `.translated`: the translator that installs host code (docs/PERFORMANCE.md, "Translated
    /// tier"). If it cannot, the hart runs on the fast engine.
    public var translator: Translator?
    /// With engine `.translated` and no translator: counts every block the C core enters (the translator's
    /// hot-code profile, docs/PERFORMANCE.md, "Translated tier"); results are the fast engine's.
    public var profile: BlockProfile?

    public init(program: Program, container: [UInt8], claimedPostRoot: [UInt8], expectedPreStateRoot: [UInt8]? = nil,
                stateMode: StateMode = .runtimeManaged, limits: ExecuteLimits = ExecuteLimits(),
                cyclesPerGas: UInt64 = SyscallCosts.defaultCyclesPerGas) {
        self.program = program
        self.container = container
        self.claimedPostRoot = claimedPostRoot
        self.expectedPreStateRoot = expectedPreStateRoot
        self.stateMode = stateMode
        self.limits = limits
        self.cyclesPerGas = cyclesPerGas
    }
}
