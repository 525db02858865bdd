/// The EXECUTE input container: a versioned, little-endian, bounded byte string holding the batch, the witness,
/// the pre-state root and the other inputs of one EXECUTE call (docs/FORMAT.md).
///
/// The guest sees these bytes read-only at 0x4000_0000 and on its fd 0. A value of this type has been fully
/// validated: every rule of docs/FORMAT.md §5 holds, so the accessors cannot fail.
public struct InputContainer: Sendable {
    /// "RVXEXEC\0".
    public static let magic: [UInt8] = [0x52, 0x56, 0x58, 0x45, 0x58, 0x45, 0x43, 0x00]
    /// The only version this decoder accepts.
    public static let version: UInt32 = 1
    /// Size of the fixed header: magic, version, section count, total length.
    public static let headerSize = 24
    /// Size of one section table entry: kind, flags, offset, length.
    public static let entrySize = 24
    /// Largest container: the 512 MiB guest input region 0x4000_0000–0x5FFF_FFFF.
    public static let maxSize = 512 << 20
    /// Section alignment.
    public static let alignment = 8

    /// The whole container, exactly as decoded.
    public let bytes: [UInt8]
    /// Byte ranges of the present sections, indexed by `SectionKind.rawValue` (index 0 unused).
    private let ranges: [Range<Int>?]

    /// Decodes and validates `bytes` (docs/FORMAT.md §5). Work is bounded by O(bytes.count).
    public init(decoding bytes: [UInt8]) throws(ContainerError) {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(ContainerError) -> [Range<Int>?] in try InputContainer.validate(raw) }
        }
        self.bytes = bytes
        self.ranges = try result.get()
    }

    /// The byte range of `kind` inside `bytes`, or nil when the section is absent.
    public func section(_ kind: SectionKind) -> Range<Int>? { ranges[Int(kind.rawValue)] }

    /// The contents of `kind`, or nil when the section is absent.
    public func contents(_ kind: SectionKind) -> ArraySlice<UInt8>? {
        guard let r = section(kind) else { return nil }
        return bytes[r]
    }

    /// The present sections in table (ascending kind) order.
    public var sections: [(kind: SectionKind, range: Range<Int>)] {
        SectionKind.allCases.compactMap { k in section(k).map { (k, $0) } }
    }

    /// The 32-byte pre-state root (always present).
    public var preStateRoot: [UInt8] { Array(contents(.preStateRoot) ?? []) }

    /// The batch (always present, possibly empty).
    public var batch: ArraySlice<UInt8> { contents(.batch) ?? [] }

    /// The witness, or an empty slice when the container has none.
    public var witness: ArraySlice<UInt8> { contents(.witness) ?? [] }

    /// Validates a container in place (e.g. one already mapped into guest memory) and returns the byte range of
    /// each present section indexed by `SectionKind.rawValue` (index 0 unused).
    public static func validate(_ raw: UnsafeRawBufferPointer) throws(ContainerError) -> [Range<Int>?] {
        var flags: [UInt32] = []
        return try validate(raw, allowedFlags: 0, flags: &flags)
    }

    /// `validate` that also accepts the section flags in `allowedFlags` on variable-length sections
    /// (docs/FORMAT.md §8) and reports each section's flags in `flags`, indexed like the ranges.
    static func validate(_ raw: UnsafeRawBufferPointer, allowedFlags: UInt32,
                         flags: inout [UInt32]) throws(ContainerError) -> [Range<Int>?] {
        flags = [UInt32](repeating: 0, count: SectionKind.allCases.count + 1)
        let size = raw.count
        if size > maxSize { throw .tooLarge(size: UInt64(size)) }
        if size < headerSize { throw .truncatedHeader(size: size) }
        for i in 0..<8 where raw[i] != magic[i] { throw .badMagic }
        let version = u32(raw, 8)
        if version != InputContainer.version { throw .unsupportedVersion(version) }
        let count = u32(raw, 12)
        if count > UInt32(SectionKind.allCases.count) { throw .tooManySections(count: count) }
        let declared = u64(raw, 16)
        if declared != UInt64(size) { throw .lengthMismatch(declared: declared, actual: size) }
        // count <= 6, so the table end cannot overflow.
        let tableEnd = headerSize + Int(count) * entrySize
        if tableEnd > size { throw .truncatedSectionTable(count: count) }

        var ranges = [Range<Int>?](repeating: nil, count: SectionKind.allCases.count + 1)
        var cursor = tableEnd  // end of the table or of the previous section; always <= size
        var previous: SectionKind? = nil
        for i in 0..<Int(count) {
            let e = headerSize + i * entrySize
            let rawKind = u32(raw, e)
            guard let kind = SectionKind(rawValue: rawKind) else { throw .unknownSectionKind(rawKind) }
            let sectionFlags = u32(raw, e + 4)
            if sectionFlags & ~allowedFlags != 0 || (sectionFlags != 0 && kind.fixedLength != nil) {
                throw .nonZeroFlags(kind: rawKind, flags: sectionFlags)
            }
            flags[Int(rawKind)] = sectionFlags
            if ranges[Int(rawKind)] != nil { throw .duplicateSection(kind) }
            if let p = previous, kind < p { throw .unsortedSections(kind) }
            let offset = u64(raw, e + 8)
            let length = u64(raw, e + 16)
            if let fixed = kind.fixedLength, length != UInt64(fixed) {
                throw .wrongSectionLength(kind, expected: fixed, actual: length)
            }
            if offset % UInt64(alignment) != 0 { throw .misalignedSection(kind, offset: offset) }
            if offset < UInt64(cursor) { throw .overlappingSection(kind, offset: offset) }
            let aligned = align(cursor)
            if offset > UInt64(aligned) { throw .gapBeforeSection(kind, offset: offset) }
            let (end, overflow) = offset.addingReportingOverflow(length)
            if overflow || end > UInt64(size) {
                throw .sectionOutOfBounds(kind, offset: offset, length: length)
            }
            // offset == aligned and end <= size, so both fit in Int.
            try checkZero(raw, from: cursor, to: aligned)
            ranges[Int(rawKind)] = aligned..<Int(end)
            cursor = Int(end)
            previous = kind
        }
        for kind in SectionKind.allCases where kind.isRequired && ranges[Int(kind.rawValue)] == nil {
            throw .missingSection(kind)
        }
        let expected = align(cursor)
        if size < expected { throw .unpaddedEnd(length: size) }
        if size > expected { throw .trailingBytes(expectedLength: expected, actual: size) }
        try checkZero(raw, from: cursor, to: expected)
        return ranges
    }

    /// Encodes `sections` in the canonical form (docs/FORMAT.md §4): sections sorted by kind, each at the first
    /// 8-aligned offset after its predecessor, zero padding. Throws for inputs no valid container can hold.
    public static func encode(sections: [(SectionKind, [UInt8])]) throws(ContainerError) -> [UInt8] {
        try encode(sections: sections.map { ($0.0, 0, $0.1) })
    }

    /// `encode` with a flags word per section (docs/FORMAT.md §8; 0 = stored as is).
    static func encode(sections: [(SectionKind, UInt32, [UInt8])]) throws(ContainerError) -> [UInt8] {
        let sorted = sections.sorted { $0.0 < $1.0 }.map { (kind: $0.0, flags: $0.1, data: $0.2) }
        var previous: SectionKind? = nil
        for (kind, _, data) in sorted {
            if kind == previous { throw .duplicateSection(kind) }
            if let fixed = kind.fixedLength, data.count != fixed {
                throw .wrongSectionLength(kind, expected: fixed, actual: UInt64(data.count))
            }
            previous = kind
        }
        for kind in SectionKind.allCases where kind.isRequired && !sorted.contains(where: { $0.kind == kind }) {
            throw .missingSection(kind)
        }
        var total = headerSize + sorted.count * entrySize
        for (_, _, data) in sorted {
            if data.count > maxSize { throw .tooLarge(size: UInt64(data.count)) }
            total = align(total) + data.count
            if total > maxSize { throw .tooLarge(size: UInt64(total)) }
        }
        total = align(total)
        if total > maxSize { throw .tooLarge(size: UInt64(total)) }

        var out = [UInt8]()
        out.reserveCapacity(total)
        out += magic
        put32(&out, version)
        put32(&out, UInt32(sorted.count))
        put64(&out, UInt64(total))
        var offset = headerSize + sorted.count * entrySize
        for (kind, flags, data) in sorted {
            offset = align(offset)
            put32(&out, kind.rawValue)
            put32(&out, flags)
            put64(&out, UInt64(offset))
            put64(&out, UInt64(data.count))
            offset += data.count
        }
        for (_, _, data) in sorted {
            out += [UInt8](repeating: 0, count: align(out.count) - out.count)
            out += data
        }
        out += [UInt8](repeating: 0, count: total - out.count)
        return out
    }

    // MARK: - Little-endian helpers

    @inline(__always) static func align(_ x: Int) -> Int { (x + alignment - 1) & ~(alignment - 1) }

    @inline(__always) static func u32(_ raw: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }

    @inline(__always) static func u64(_ raw: UnsafeRawBufferPointer, _ at: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    static func checkZero(_ raw: UnsafeRawBufferPointer, from: Int, to: Int) throws(ContainerError) {
        for i in from..<to where raw[i] != 0 { throw .nonZeroPadding(offset: i) }
    }

    static func put32(_ out: inout [UInt8], _ v: UInt32) {
        for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) }
    }

    static func put64(_ out: inout [UInt8], _ v: UInt64) {
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }
}
