import CLibELF

extension ELFLoader {
    /// Reads the SHT_SYMTAB section, if any (ELF gABI "Symbol Table"), skipping unnamed, section and file
    /// symbols. Sorted by value.
    static func readSymbols(_ elf: OpaquePointer, limit: Int) throws(ELFError) -> [ELFSymbol] {
        var result: [ELFSymbol] = []
        var scn = elf_nextscn(elf, nil)
        while let s = scn {
            defer { scn = elf_nextscn(elf, s) }
            var sh = GElf_Shdr()
            guard gelf_getshdr(s, &sh) != nil, sh.sh_type == UInt32(SHT_SYMTAB), sh.sh_entsize > 0 else { continue }
            let n = sh.sh_size / sh.sh_entsize
            guard n <= UInt64(limit) else { throw .tooManySymbols(count: Int(clamping: n), limit: limit) }
            guard let data = elf_getdata(s, nil) else { continue }
            for i in 0..<Int(n) {
                var sym = GElf_Sym()
                guard gelf_getsym(data, Int32(i), &sym) != nil else { break }
                let type = sym.st_info & 0xF
                guard sym.st_name != 0, type != 3 /* STT_SECTION */, type != 4 /* STT_FILE */ else { continue }
                guard let p = elf_strptr(elf, Int(sh.sh_link), Int(sym.st_name)) else { continue }
                result.append(ELFSymbol(name: String(cString: p), value: sym.st_value, size: sym.st_size,
                                        isFunction: type == 2))
            }
        }
        result.sort { $0.value < $1.value }
        return result
    }
}
