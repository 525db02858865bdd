import CLibELF
import GuestABI
import RISCV

/// A symbol from the ELF symbol table (ELF gABI "Symbol Table"): for disassemblers and profilers.
public struct ELFSymbol: Equatable, Sendable {
    public var name: String
    public var value: UInt64
    public var size: UInt64
    /// True for STT_FUNC symbols.
    public var isFunction: Bool

    public init(name: String, value: UInt64, size: UInt64, isFunction: Bool) {
        self.name = name; self.value = value; self.size = size; self.isFunction = isFunction
    }
}

/// A validated program: the image to run and its symbols (sorted by value).
public struct ELFProgram: Sendable {
    public var image: ProgramImage
    public var symbols: [ELFSymbol]

    /// The symbol whose [value, value+size) contains `address` (or the nearest preceding sized-0 one).
    public func symbol(containing address: UInt64) -> ELFSymbol? {
        var best: ELFSymbol?
        for s in symbols where s.value <= address && !s.name.isEmpty {
            if address < s.value &+ max(s.size, 1) { return s }
            if s.size == 0 { best = s }
        }
        return best
    }
}

/// Limits against hostile ELF files.
public struct ELFLimits: Sendable {
    /// Largest accepted file (default 256 MiB).
    public var maxFileSize: UInt64 = 256 << 20
    /// Most program headers accepted (default 64).
    public var maxProgramHeaders: Int = 64
    /// Most symbols read (default 1 << 20).
    public var maxSymbols: Int = 1 << 20
    public init() {}
}

/// Loads statically linked RISC-V executables through libelf (ELF gABI; RISC-V ELF psABI) and checks
/// every rule of docs/MEMORY.md ("What the loader accepts") with its own `ELFError`.
public enum ELFLoader {
    static let EF_RISCV_RVC: UInt32 = 0x1, EF_RISCV_FLOAT_ABI: UInt32 = 0x6, EF_RISCV_RVE: UInt32 = 0x8
    static let PT_LOAD: UInt32 = 1, PT_DYNAMIC: UInt32 = 2, PT_INTERP: UInt32 = 3
    static let PF_X: UInt32 = 1, PF_W: UInt32 = 2, PF_R: UInt32 = 4

    /// Reads and loads the ELF file at `path`.
    public static func load(path: String, xlen: XLEN? = nil, limits: ELFLimits = ELFLimits()) throws(ELFError) -> ELFProgram {
        try load(readFile(path, limit: limits.maxFileSize), xlen: xlen, limits: limits)
    }

    /// Validates an ELF image in memory and converts it to a `ProgramImage`. If `xlen` is given, the ELF
    /// class must match it.
    public static func load(_ bytes: [UInt8], xlen: XLEN? = nil, limits: ELFLimits = ELFLimits()) throws(ELFError) -> ELFProgram {
        guard UInt64(bytes.count) <= limits.maxFileSize else {
            throw .fileTooLarge(size: UInt64(bytes.count), limit: limits.maxFileSize)
        }
        guard bytes.count >= 52, bytes[0] == 0x7F, bytes[1] == 0x45, bytes[2] == 0x4C, bytes[3] == 0x46 else { throw .notELF }
        let found: XLEN
        switch bytes[4] {
        case 1: found = .rv32
        case 2: found = .rv64
        default: throw .unsupportedClass(bytes[4])
        }
        guard bytes[5] == 1 else { throw .notLittleEndian }
        if let xlen, xlen != found { throw .xlenMismatch(expected: xlen, found: found) }
        _ = elf_version(UInt32(EV_CURRENT))
        var buffer = bytes.map { CChar(bitPattern: $0) }
        return try buffer.withUnsafeMutableBufferPointer { (buf) throws(ELFError) -> ELFProgram in
            guard let elf = elf_memory(buf.baseAddress, buf.count) else { throw .malformed(libelfError()) }
            defer { elf_end(elf) }
            guard elf_kind(elf) == ELF_K_ELF else { throw .notELF }
            return try parse(elf, bytes: bytes, xlen: found, limits: limits)
        }
    }

    static func libelfError() -> String {
        guard let m = elf_errmsg(-1) else { return "unknown libelf error" }
        return String(cString: m)
    }

    static func parse(_ elf: OpaquePointer, bytes: [UInt8], xlen: XLEN, limits: ELFLimits) throws(ELFError) -> ELFProgram {
        var eh = GElf_Ehdr()
        guard gelf_getehdr(elf, &eh) != nil else { throw .malformed(libelfError()) }
        guard eh.e_type == UInt16(ET_EXEC) else { throw .notExecutable(type: eh.e_type) }
        guard eh.e_machine == UInt16(EM_RISCV) else { throw .wrongMachine(eh.e_machine) }
        guard eh.e_flags & EF_RISCV_RVC == 0 else { throw .compressedInstructions }
        guard eh.e_flags & EF_RISCV_FLOAT_ABI == 0 else { throw .hardFloatABI(flags: eh.e_flags) }
        guard eh.e_flags & EF_RISCV_RVE == 0 else { throw .embeddedABI }

        var count = 0
        guard elf_getphdrnum(elf, &count) == 0 else { throw .malformed(libelfError()) }
        guard count <= limits.maxProgramHeaders else {
            throw .tooManyProgramHeaders(count: count, limit: limits.maxProgramHeaders)
        }
        // libelf silently drops program headers that lie beyond the end of the file; refuse such files.
        let entSize = UInt64(xlen == .rv64 ? 56 : 32)
        guard eh.e_phnum == 0xFFFF || Int(eh.e_phnum) == count,
              eh.e_phoff <= UInt64(bytes.count), UInt64(count) * entSize <= UInt64(bytes.count) - eh.e_phoff else {
            throw .malformed("program headers extend beyond the end of the file")
        }
        var segments: [Segment] = []
        var indices: [Int] = []
        for i in 0..<count {
            var ph = GElf_Phdr()
            guard gelf_getphdr(elf, Int32(i), &ph) != nil else { throw .malformed(libelfError()) }
            switch ph.p_type {
            case PT_INTERP: throw .hasInterpreter
            case PT_DYNAMIC: throw .hasDynamicSection
            case PT_LOAD: break
            default: continue
            }
            guard ph.p_filesz <= ph.p_memsz else { throw .segmentFileSizeExceedsMemorySize(index: i) }
            guard ph.p_memsz > 0 else { continue }
            guard ph.p_vaddr >= MemoryMap.imageBase, ph.p_vaddr < MemoryMap.heapLimit,
                  ph.p_memsz <= MemoryMap.heapLimit - ph.p_vaddr else {
                throw .segmentOutOfRange(index: i, address: ph.p_vaddr, size: ph.p_memsz)
            }
            guard ph.p_vaddr % MemoryMap.pageSize == ph.p_offset % MemoryMap.pageSize else {
                throw .segmentMisaligned(index: i, address: ph.p_vaddr, offset: ph.p_offset)
            }
            guard ph.p_offset <= UInt64(bytes.count), ph.p_filesz <= UInt64(bytes.count) - ph.p_offset else {
                throw .segmentOutsideFile(index: i)
            }
            guard ph.p_flags & (PF_W | PF_X) != (PF_W | PF_X) else { throw .segmentWritableAndExecutable(index: i) }
            var perms: Permissions = []
            if ph.p_flags & PF_R != 0 { perms.insert(.read) }
            if ph.p_flags & PF_W != 0 { perms.insert(.write) }
            if ph.p_flags & PF_X != 0 { perms.insert(.execute) }
            let start = Int(ph.p_offset)
            segments.append(Segment(address: ph.p_vaddr, bytes: Array(bytes[start..<(start + Int(ph.p_filesz))]),
                                    memorySize: ph.p_memsz, permissions: perms))
            indices.append(i)
        }
        guard !segments.isEmpty else { throw .noLoadableSegments }
        try checkLayout(segments, indices, entry: eh.e_entry)
        let symbols = try readSymbols(elf, limit: limits.maxSymbols)
        return ELFProgram(image: ProgramImage(xlen: xlen, entry: eh.e_entry, segments: segments), symbols: symbols)
    }

    static func pageDown(_ a: UInt64) -> UInt64 { a & ~(MemoryMap.pageSize - 1) }
    static func pageUp(_ a: UInt64) -> UInt64 { (a + MemoryMap.pageSize - 1) & ~(MemoryMap.pageSize - 1) }

    /// Byte overlap, page sharing, code span, and entry point.
    static func checkLayout(_ segs: [Segment], _ idx: [Int], entry: UInt64) throws(ELFError) {
        for a in segs.indices {
            for b in segs.indices where b > a {
                let s = segs[a], t = segs[b]
                if s.address < t.address + t.memorySize && t.address < s.address + s.memorySize {
                    throw .segmentsOverlap(first: idx[a], second: idx[b])
                }
                if pageDown(s.address) < pageUp(t.address + t.memorySize) && pageDown(t.address) < pageUp(s.address + s.memorySize) {
                    let page = max(pageDown(s.address), pageDown(t.address))
                    throw .segmentsSharePage(first: idx[a], second: idx[b], page: page)
                }
            }
        }
        var lo = UInt64.max, hi: UInt64 = 0, entryOK = false
        for s in segs where s.permissions.contains(.execute) {
            lo = min(lo, pageDown(s.address))
            hi = max(hi, pageUp(s.address + s.memorySize))
            if entry >= s.address && entry < s.address + s.memorySize { entryOK = true }
        }
        guard entryOK, entry & 3 == 0 else { throw .entryNotExecutable(entry: entry) }
        guard hi - lo <= MachineConfig.maxCodeSpan else { throw .codeTooLarge(span: hi - lo, limit: MachineConfig.maxCodeSpan) }
    }
}
