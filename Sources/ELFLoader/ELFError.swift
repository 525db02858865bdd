import RISCV

/// Why an ELF file was rejected (ELF gABI; RISC-V ELF psABI "ELF Object Files": e_machine, e_flags).
/// Every rule of docs/MEMORY.md "What the loader accepts" has its own case.
public enum ELFError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file is larger than the loader accepts.
    case fileTooLarge(size: UInt64, limit: UInt64)
    /// Not an ELF file (bad magic or too short).
    case notELF
    /// libelf could not parse the file.
    case malformed(String)
    /// EI_CLASS is neither ELFCLASS32 nor ELFCLASS64.
    case unsupportedClass(UInt8)
    /// EI_DATA is not ELFDATA2LSB.
    case notLittleEndian
    /// e_type is not ET_EXEC (relocatable, shared or PIE objects are not run).
    case notExecutable(type: UInt16)
    /// e_machine is not EM_RISCV (243).
    case wrongMachine(UInt16)
    /// The embedder asked for one XLEN, the ELF class gives another.
    case xlenMismatch(expected: XLEN, found: XLEN)
    /// e_flags has EF_RISCV_RVC (0x1): the program uses compressed instructions.
    case compressedInstructions
    /// e_flags float ABI bits (0x6) are not soft-float.
    case hardFloatABI(flags: UInt32)
    /// e_flags has EF_RISCV_RVE (0x8): the program is for the RV32E/RV64E register file.
    case embeddedABI
    /// There is a PT_INTERP program header (dynamically linked).
    case hasInterpreter
    /// There is a PT_DYNAMIC program header (dynamically linked).
    case hasDynamicSection
    /// More program headers than the loader accepts.
    case tooManyProgramHeaders(count: Int, limit: Int)
    /// No PT_LOAD segment with a non-zero memory size.
    case noLoadableSegments
    /// PT_LOAD segment `index` is not inside [0x10000, 0x4000_0000).
    case segmentOutOfRange(index: Int, address: UInt64, size: UInt64)
    /// PT_LOAD segment `index` has p_vaddr and p_offset that are not congruent modulo the page size.
    case segmentMisaligned(index: Int, address: UInt64, offset: UInt64)
    /// PT_LOAD segment `index` has p_filesz > p_memsz.
    case segmentFileSizeExceedsMemorySize(index: Int)
    /// PT_LOAD segment `index` refers to bytes beyond the end of the file.
    case segmentOutsideFile(index: Int)
    /// PT_LOAD segment `index` is both writable and executable.
    case segmentWritableAndExecutable(index: Int)
    /// PT_LOAD segments `first` and `second` overlap (a byte lies in both).
    case segmentsOverlap(first: Int, second: Int)
    /// PT_LOAD segments `first` and `second` do not overlap but share the page at `page`: rvx keeps one set of
    /// permissions per page, so such a layout cannot be mapped with each segment's own flags.
    case segmentsSharePage(first: Int, second: Int, page: UInt64)
    /// The executable pages span more than the interpreter pre-decodes.
    case codeTooLarge(span: UInt64, limit: UInt64)
    /// e_entry is not a 4-byte aligned address inside an executable segment.
    case entryNotExecutable(entry: UInt64)
    /// The symbol table has more entries than the loader accepts.
    case tooManySymbols(count: Int, limit: Int)

    public var description: String {
        switch self {
        case .unreadable(let p, let r): return "cannot read \(p): \(r)"
        case .fileTooLarge(let s, let l): return "ELF file is \(s) bytes, more than the limit of \(l)"
        case .notELF: return "not an ELF file"
        case .malformed(let m): return "malformed ELF file: \(m)"
        case .unsupportedClass(let c): return "unsupported ELF class \(c) (expected ELFCLASS32 or ELFCLASS64)"
        case .notLittleEndian: return "ELF file is not little-endian"
        case .notExecutable(let t): return "ELF type \(t) is not ET_EXEC (a statically linked executable is required)"
        case .wrongMachine(let m): return "ELF machine \(m) is not EM_RISCV (243)"
        case .xlenMismatch(let e, let f): return "ELF is \(f) but \(e) was requested"
        case .compressedInstructions: return "ELF uses compressed instructions (EF_RISCV_RVC); build for RV32IM/RV64IM without C"
        case .hardFloatABI(let f): return "ELF uses a hardware floating-point ABI (e_flags 0x\(String(f, radix: 16))); soft-float is required"
        case .embeddedABI: return "ELF targets the RVE (16-register) ABI, which is not supported"
        case .hasInterpreter: return "ELF has a PT_INTERP header (dynamic linking is not supported)"
        case .hasDynamicSection: return "ELF has a PT_DYNAMIC header (dynamic linking is not supported)"
        case .tooManyProgramHeaders(let c, let l): return "ELF has \(c) program headers, more than \(l)"
        case .noLoadableSegments: return "ELF has no loadable segments"
        case .segmentOutOfRange(let i, let a, let s):
            return "segment \(i) [0x\(String(a, radix: 16)), +0x\(String(s, radix: 16))) is outside [0x10000, 0x40000000)"
        case .segmentMisaligned(let i, let a, let o):
            return "segment \(i) address 0x\(String(a, radix: 16)) and offset 0x\(String(o, radix: 16)) are not congruent modulo 4096"
        case .segmentFileSizeExceedsMemorySize(let i): return "segment \(i) has p_filesz greater than p_memsz"
        case .segmentOutsideFile(let i): return "segment \(i) extends beyond the end of the file"
        case .segmentWritableAndExecutable(let i): return "segment \(i) is both writable and executable"
        case .segmentsOverlap(let a, let b): return "segments \(a) and \(b) overlap"
        case .segmentsSharePage(let a, let b, let page):
            return "segments \(a) and \(b) share the page at 0x\(String(page, radix: 16)) (permissions are per 4 KiB page; align each PT_LOAD to a page)"
        case .codeTooLarge(let s, let l): return "executable segments span \(s) bytes, more than \(l)"
        case .entryNotExecutable(let e): return "entry point 0x\(String(e, radix: 16)) is not an aligned address in an executable segment"
        case .tooManySymbols(let c, let l): return "symbol table has \(c) entries, more than \(l)"
        }
    }
}
