import ELFLoader
import RISCV

/// Maps code addresses to the ELF's symbols (ELF gABI "Symbol Table"): `name+0xoffset` for tools.
///
/// Only symbols inside executable segments are kept; RISC-V mapping symbols (`$x`, `$x<isa>`, `$d`, psABI
/// "Mapping Symbol") and empty names are skipped. Other names starting with `$` are kept: Swift's mangled
/// names do (`$s…`, and `$e…` in Embedded Swift guests). Where several symbols share an address, a function symbol wins,
/// then the first by name, so the choice is deterministic.
public struct Symbolizer: Sendable {
    /// One code symbol.
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var address: UInt64
        /// Size from the symbol table (0 if unknown).
        public var size: UInt64

        public init(name: String, address: UInt64, size: UInt64) {
            self.name = name
            self.address = address
            self.size = size
        }
    }

    /// Code symbols sorted by address, one per address.
    public let entries: [Entry]

    /// Builds the table from an ELF program's symbols and its executable segments.
    public init(program: ELFProgram) {
        let code = program.image.segments.filter { $0.permissions.contains(.execute) }
        func inCode(_ a: UInt64) -> Bool { code.contains { a >= $0.address && a < $0.address &+ $0.memorySize } }
        var chosen: [UInt64: ELFSymbol] = [:]
        for s in program.symbols where !s.name.isEmpty && !Symbolizer.isMappingSymbol(s.name) && inCode(s.value) {
            if let c = chosen[s.value] {
                let better = (s.isFunction && !c.isFunction) || (s.isFunction == c.isFunction && s.name < c.name)
                if better { chosen[s.value] = s }
            } else {
                chosen[s.value] = s
            }
        }
        entries = chosen.values.sorted { $0.value < $1.value }.map { Entry(name: $0.name, address: $0.value, size: $0.size) }
    }

    /// True for the RISC-V psABI mapping symbols: `$d`, `$x`, `$x<isa string>` (and the `.N` numbered forms).
    public static func isMappingSymbol(_ name: String) -> Bool {
        name == "$d" || name.hasPrefix("$d.") || name.hasPrefix("$x")
    }

    /// A table from explicit entries (tests, synthetic programs).
    public init(entries: [Entry]) {
        self.entries = entries.sorted { $0.address < $1.address }
    }

    /// Index of the last entry at or below `address`.
    func index(containing address: UInt64) -> Int? {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].address <= address { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }

    /// The symbol covering `address` (the nearest one at or below it) and the offset into it.
    public func lookup(_ address: UInt64) -> (entry: Entry, offset: UInt64)? {
        guard let i = index(containing: address) else { return nil }
        return (entries[i], address - entries[i].address)
    }

    /// The symbol that starts exactly at `address`, if any.
    public func symbol(at address: UInt64) -> Entry? {
        guard let i = index(containing: address), entries[i].address == address else { return nil }
        return entries[i]
    }

    /// `name+0xoff` (or `name` at offset 0); `0xaddr` if no symbol covers the address.
    public func describe(_ address: UInt64) -> String {
        guard let (e, off) = lookup(address) else { return "0x" + String(address, radix: 16) }
        return off == 0 ? e.name : e.name + "+0x" + String(off, radix: 16)
    }
}
