/// A minimal ELF writer (ELF gABI: "ELF Header", "Program Header", "Sections", "Symbol Table") for
/// crafting valid and deliberately invalid RISC-V executables in tests. Every header field can be set.
public struct ELFWriter {
    /// Program-header flag bits (p_flags).
    public static let PF_X: UInt32 = 1, PF_W: UInt32 = 2, PF_R: UInt32 = 4
    /// Program-header types (p_type).
    public static let PT_LOAD: UInt32 = 1, PT_DYNAMIC: UInt32 = 2, PT_INTERP: UInt32 = 3, PT_NOTE: UInt32 = 4

    /// One program header and its file bytes.
    public struct Segment {
        public var type: UInt32
        public var flags: UInt32
        public var vaddr: UInt64
        public var bytes: [UInt8]
        /// p_memsz (defaults to bytes.count).
        public var memsz: UInt64?
        /// p_filesz override (defaults to bytes.count).
        public var filesz: UInt64?
        /// p_offset override (defaults to an offset congruent to vaddr modulo 4096).
        public var offset: UInt64?
        public var align: UInt64

        public init(type: UInt32 = ELFWriter.PT_LOAD, flags: UInt32, vaddr: UInt64, bytes: [UInt8],
                    memsz: UInt64? = nil, filesz: UInt64? = nil, offset: UInt64? = nil, align: UInt64 = 0x1000) {
            self.type = type; self.flags = flags; self.vaddr = vaddr; self.bytes = bytes
            self.memsz = memsz; self.filesz = filesz; self.offset = offset; self.align = align
        }
    }

    /// A symbol for the .symtab section (written as an absolute STT_FUNC/GLOBAL symbol).
    public struct Symbol {
        public var name: String, value: UInt64, size: UInt64
        public init(name: String, value: UInt64, size: UInt64) { self.name = name; self.value = value; self.size = size }
    }

    /// ELFCLASS64 if true, ELFCLASS32 otherwise.
    public var is64: Bool
    /// e_ident[EI_CLASS] override (e.g. 0 or 3 for invalid classes).
    public var classByte: UInt8?
    /// e_ident[EI_DATA]: 1 little-endian, 2 big-endian.
    public var dataEncoding: UInt8 = 1
    /// e_type: 2 = ET_EXEC, 3 = ET_DYN, 1 = ET_REL.
    public var type: UInt16 = 2
    /// e_machine: 243 = EM_RISCV.
    public var machine: UInt16 = 243
    /// e_flags (psABI: 0x1 RVC, 0x6 float ABI, 0x8 RVE).
    public var flags: UInt32 = 0
    public var entry: UInt64
    public var segments: [Segment]
    public var symbols: [Symbol] = []

    public init(is64: Bool, entry: UInt64, segments: [Segment]) {
        self.is64 = is64; self.entry = entry; self.segments = segments
    }

    /// A typical executable: text (R+X) at 0x10000, data (RW) on the following page(s), and `bss` zero bytes
    /// after the data. `xlen` is 32 or 64.
    public static func executable(xlen: Int, text: [UInt8], data: [UInt8] = [], bss: UInt64 = 0,
                                  entry: UInt64? = nil, flags: UInt32 = 0, textBase: UInt64 = 0x10000) -> [UInt8] {
        var segs = [Segment(flags: PF_R | PF_X, vaddr: textBase, bytes: text)]
        if !data.isEmpty || bss > 0 {
            let dataBase = (textBase + UInt64(text.count) + 0xFFF) & ~0xFFF
            segs.append(Segment(flags: PF_R | PF_W, vaddr: dataBase, bytes: data, memsz: UInt64(data.count) + bss))
        }
        var w = ELFWriter(is64: xlen == 64, entry: entry ?? textBase, segments: segs)
        w.flags = flags
        return w.build()
    }

    private struct Out {
        var b: [UInt8] = []
        mutating func u8(_ v: UInt8) { b.append(v) }
        mutating func u16(_ v: UInt16) { for i in 0..<2 { b.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
        mutating func u32(_ v: UInt32) { for i in 0..<4 { b.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
        mutating func u64(_ v: UInt64) { for i in 0..<8 { b.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
        mutating func pad(to n: Int) { if b.count < n { b += [UInt8](repeating: 0, count: n - b.count) } }
        mutating func put(_ v: UInt64, at: Int, size: Int) { for i in 0..<size { b[at + i] = UInt8(truncatingIfNeeded: v >> (8 * i)) } }
    }

    /// Serialises the file.
    public func build() -> [UInt8] {
        let ehsize = is64 ? 64 : 52, phentsize = is64 ? 56 : 32, shentsize = is64 ? 64 : 40
        var o = Out()
        // e_ident
        o.b += [0x7F, 0x45, 0x4C, 0x46, classByte ?? (is64 ? 2 : 1), dataEncoding, 1, 0]
        o.pad(to: 16)
        o.u16(type); o.u16(machine); o.u32(1)
        func word(_ v: UInt64) { if is64 { o.u64(v) } else { o.u32(UInt32(truncatingIfNeeded: v)) } }
        word(entry)
        let phoffField = o.b.count; word(0)
        let shoffField = o.b.count; word(0)
        o.u32(flags); o.u16(UInt16(ehsize)); o.u16(UInt16(phentsize)); o.u16(UInt16(segments.count))
        o.u16(UInt16(shentsize))
        let shnumField = o.b.count; o.u16(0)
        let shstrndxField = o.b.count; o.u16(0)
        // Program headers (filled once data offsets are known).
        let phoff = o.b.count
        o.put(UInt64(phoff), at: phoffField, size: is64 ? 8 : 4)
        o.pad(to: phoff + phentsize * segments.count)
        var offsets: [UInt64] = []
        for s in segments {
            var off = UInt64(o.b.count)
            if let forced = s.offset { off = forced } else {
                let want = s.vaddr & 0xFFF
                if off & 0xFFF > want { off = (off + 0xFFF) & ~0xFFF }
                off = (off & ~0xFFF) | want
            }
            offsets.append(off)
            if s.offset == nil || Int(off) >= o.b.count {
                o.pad(to: Int(off))
                if Int(off) == o.b.count { o.b += s.bytes } else { o.pad(to: Int(off) + s.bytes.count) }
            }
        }
        var ph = Out()
        for (k, s) in segments.enumerated() {
            let filesz = s.filesz ?? UInt64(s.bytes.count), memsz = s.memsz ?? UInt64(s.bytes.count)
            ph.u32(s.type)
            if is64 {
                ph.u32(s.flags); ph.u64(offsets[k]); ph.u64(s.vaddr); ph.u64(s.vaddr); ph.u64(filesz); ph.u64(memsz); ph.u64(s.align)
            } else {
                ph.u32(UInt32(truncatingIfNeeded: offsets[k])); ph.u32(UInt32(truncatingIfNeeded: s.vaddr))
                ph.u32(UInt32(truncatingIfNeeded: s.vaddr)); ph.u32(UInt32(truncatingIfNeeded: filesz))
                ph.u32(UInt32(truncatingIfNeeded: memsz)); ph.u32(s.flags); ph.u32(UInt32(truncatingIfNeeded: s.align))
            }
        }
        o.b.replaceSubrange(phoff..<(phoff + ph.b.count), with: ph.b)
        guard !symbols.isEmpty else { return o.b }

        // Sections: [0] null, [1] .symtab, [2] .strtab, [3] .shstrtab.
        var strtab: [UInt8] = [0]
        var syms = Out()
        syms.pad(to: is64 ? 24 : 16)  // null symbol
        for s in symbols {
            let name = UInt32(strtab.count)
            strtab += Array(s.name.utf8) + [0]
            let info: UInt8 = (1 << 4) | 2  // STB_GLOBAL, STT_FUNC
            if is64 {
                syms.u32(name); syms.u8(info); syms.u8(0); syms.u16(0xFFF1); syms.u64(s.value); syms.u64(s.size)
            } else {
                syms.u32(name); syms.u32(UInt32(truncatingIfNeeded: s.value)); syms.u32(UInt32(truncatingIfNeeded: s.size))
                syms.u8(info); syms.u8(0); syms.u16(0xFFF1)
            }
        }
        let shstrtab: [UInt8] = Array("\0.symtab\0.strtab\0.shstrtab\0".utf8)
        o.pad(to: (o.b.count + 7) & ~7)
        let symOff = o.b.count; o.b += syms.b
        let strOff = o.b.count; o.b += strtab
        let shstrOff = o.b.count; o.b += shstrtab
        o.pad(to: (o.b.count + 7) & ~7)
        let shoff = o.b.count
        o.put(UInt64(shoff), at: shoffField, size: is64 ? 8 : 4)
        o.put(4, at: shnumField, size: 2)
        o.put(3, at: shstrndxField, size: 2)
        func section(_ name: UInt32, _ type: UInt32, _ off: Int, _ size: Int, link: UInt32, info: UInt32, entsize: Int) {
            o.u32(name); o.u32(type)
            if is64 {
                o.u64(0); o.u64(0); o.u64(UInt64(off)); o.u64(UInt64(size)); o.u32(link); o.u32(info); o.u64(8); o.u64(UInt64(entsize))
            } else {
                o.u32(0); o.u32(0); o.u32(UInt32(off)); o.u32(UInt32(size)); o.u32(link); o.u32(info); o.u32(4); o.u32(UInt32(entsize))
            }
        }
        o.pad(to: shoff + shentsize)  // null section header
        section(1, 2, symOff, syms.b.count, link: 2, info: 1, entsize: is64 ? 24 : 16)   // SHT_SYMTAB
        section(9, 3, strOff, strtab.count, link: 0, info: 0, entsize: 0)                // SHT_STRTAB
        section(17, 3, shstrOff, shstrtab.count, link: 0, info: 0, entsize: 0)           // SHT_STRTAB
        return o.b
    }
}
