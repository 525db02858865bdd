/// A memory segment of a program image: the in-memory form of an ELF PT_LOAD program header
/// (ELF gABI "Program Header"): `bytes` are copied to `address`, the rest up to `memorySize` is zero (BSS).
public struct Segment: Sendable, Equatable {
    /// Guest virtual address of the first byte (need not be page aligned; the page containing it is mapped).
    public var address: UInt64
    /// Initialised contents (the ELF file image, `p_filesz` bytes).
    public var bytes: [UInt8]
    /// Size in memory (`p_memsz`), at least `bytes.count`; the tail is zero-filled.
    public var memorySize: UInt64
    /// Page permissions (from `p_flags`).
    public var permissions: Permissions

    public init(address: UInt64, bytes: [UInt8], memorySize: UInt64? = nil, permissions: Permissions) {
        self.address = address
        self.bytes = bytes
        self.memorySize = memorySize ?? UInt64(bytes.count)
        self.permissions = permissions
    }
}

/// Everything needed to start a hart: register width, entry point, and segments.
/// Produced by `ELFLoader` from an ELF file, or built directly by tests and embedders.
public struct ProgramImage: Sendable, Equatable {
    /// The register width the program was compiled for.
    public var xlen: XLEN
    /// The initial pc (`e_entry`); must lie in an executable segment.
    public var entry: UInt64
    /// Loadable segments, in any order, non-overlapping at page granularity.
    public var segments: [Segment]

    public init(xlen: XLEN, entry: UInt64, segments: [Segment]) {
        self.xlen = xlen
        self.entry = entry
        self.segments = segments
    }
}

/// Resource limits of one run (docs/MEMORY.md, "Limits").
public struct MachineConfig: Sendable, Equatable {
    /// Default cycle limit: effectively unlimited.
    public static let defaultCycleLimit: UInt64 = .max
    /// Default memory limit: 1 GiB.
    public static let defaultMemoryLimit: UInt64 = 1 << 30
    /// Largest accepted span of executable pages (64 MiB); each 4-byte slot costs 12 bytes of decoded records.
    public static let maxCodeSpan: UInt64 = 64 << 20

    /// Maximum number of cycles (1 per retired instruction, plus what syscalls charge).
    public var cycleLimit: UInt64
    /// Maximum guest memory in bytes: image pages + heap pages + input pages + touched stack pages.
    public var memoryLimit: UInt64
    /// The execution engine (all engines give identical results; they differ only in speed).
    public var engine: Engine

    public init(cycleLimit: UInt64 = MachineConfig.defaultCycleLimit,
                memoryLimit: UInt64 = MachineConfig.defaultMemoryLimit,
                engine: Engine = .default) {
        self.cycleLimit = cycleLimit
        self.memoryLimit = memoryLimit
        self.engine = engine
    }
}

/// The engines that can run a hart (docs/ARCHITECTURE.md, "Interpreter"). They implement the same
/// RV32IM/RV64IM semantics and metering and are tested against each other.
public enum Engine: String, Sendable, Equatable, CaseIterable {
    /// The C direct-threaded dispatch core (`Sources/CRISCVCore`), falling back to the reference stepper
    /// for unusual instructions.
    case fast
    /// The C dispatch core without fused pairs: one dispatch per instruction. Only for measuring what
    /// fusion buys (`Benchmarks/compare.sh --engine fast-unfused`).
    case fastUnfused = "fast-unfused"
    /// Host code from the translated tier (Sources/Translator, installed with `Hart.install(_:)`), with the
    /// fast engine for slots it does not cover; the fast engine alone until a translation is installed.
    case translated
    /// The reference stepper (`Hart.step()`): one instruction at a time, decoded from memory. Slow.
    case reference

    /// The engine used when none is chosen.
    public static let `default`: Engine = .fast
}

/// Why a hart could not be created from a `ProgramImage`. The ELF loader rejects all of these earlier
/// with its own errors; the hart re-checks because images can also be built directly.
public enum MachineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Segment `index` does not lie inside [0x10000, 0x4000_0000).
    case segmentOutOfRange(index: Int)
    /// Segment `index` has more file bytes than memory size.
    case segmentFileSizeExceedsMemorySize(index: Int)
    /// Segment `index` is both writable and executable.
    case segmentWritableAndExecutable(index: Int)
    /// Segments `first` and `second` share a page.
    case segmentsOverlap(first: Int, second: Int)
    /// The entry point is not in an executable segment or not 4-byte aligned.
    case entryNotExecutable(entry: UInt64)
    /// The executable pages span more than `MachineConfig.maxCodeSpan` bytes.
    case codeTooLarge(span: UInt64)
    /// The image (plus the first stack page) needs more memory than the limit allows.
    case outOfMemory(needed: UInt64, limit: UInt64)
    /// The host could not reserve the 2 GiB guest address space.
    case addressSpaceUnavailable

    public var description: String {
        switch self {
        case .segmentOutOfRange(let i): return "segment \(i) lies outside [0x10000, 0x40000000)"
        case .segmentFileSizeExceedsMemorySize(let i): return "segment \(i) has more file bytes than memory size"
        case .segmentWritableAndExecutable(let i): return "segment \(i) is both writable and executable"
        case .segmentsOverlap(let a, let b): return "segments \(a) and \(b) share a page"
        case .entryNotExecutable(let e): return "entry point 0x\(String(e, radix: 16)) is not an aligned executable address"
        case .codeTooLarge(let s): return "executable pages span \(s) bytes, more than \(MachineConfig.maxCodeSpan)"
        case .outOfMemory(let n, let l): return "image needs \(n) bytes of guest memory, limit is \(l)"
        case .addressSpaceUnavailable: return "cannot reserve the 2 GiB guest address space"
        }
    }
}
