/// Every way an input container can be malformed (docs/FORMAT.md §5, "Validation").
///
/// Each case is a distinct rule of the format; `description` is a one-line message for users.
public enum ContainerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The byte string is larger than the 512 MiB input region.
    case tooLarge(size: UInt64)
    /// Fewer than 24 bytes: the fixed header is incomplete.
    case truncatedHeader(size: Int)
    /// The first 8 bytes are not "RVXEXEC\0".
    case badMagic
    /// The version field is not a version this decoder implements.
    case unsupportedVersion(UInt32)
    /// The section count exceeds the number of section kinds (duplicates and unknown kinds are invalid).
    case tooManySections(count: UInt32)
    /// The header's total length differs from the number of bytes given.
    case lengthMismatch(declared: UInt64, actual: Int)
    /// The section table runs past the end of the container.
    case truncatedSectionTable(count: UInt32)
    /// A section table entry names a kind that does not exist.
    case unknownSectionKind(UInt32)
    /// A section table entry's reserved flags word is not zero.
    case nonZeroFlags(kind: UInt32, flags: UInt32)
    /// The same kind appears twice in the section table.
    case duplicateSection(SectionKind)
    /// Section kinds are not in strictly ascending order in the table.
    case unsortedSections(SectionKind)
    /// A section's offset is not a multiple of 8.
    case misalignedSection(SectionKind, offset: UInt64)
    /// A section starts before the end of the section table or of the previous section.
    case overlappingSection(SectionKind, offset: UInt64)
    /// A section starts later than the first 8-aligned position after its predecessor (a gap).
    case gapBeforeSection(SectionKind, offset: UInt64)
    /// A section's offset + length lies outside the container (or overflows 64 bits).
    case sectionOutOfBounds(SectionKind, offset: UInt64, length: UInt64)
    /// A fixed-size section has the wrong length.
    case wrongSectionLength(SectionKind, expected: Int, actual: UInt64)
    /// A required section is missing.
    case missingSection(SectionKind)
    /// A padding byte (between or after sections) is not zero.
    case nonZeroPadding(offset: Int)
    /// The container does not end at an 8-byte boundary (the last section's padding is missing).
    case unpaddedEnd(length: Int)
    /// Bytes follow the 8-aligned end of the last section.
    case trailingBytes(expectedLength: Int, actual: Int)
    /// A compressed section body is shorter than its 8-byte decoded-length prefix (docs/FORMAT.md §8).
    case compressedHeaderTruncated(SectionKind)
    /// The decoded container would exceed 512 MiB; rejected before anything is allocated.
    case decodedTooLarge(SectionKind, declared: UInt64)
    /// The stream decodes to more bytes than its declared length (a compression bomb or a length lie);
    /// decoding stops after declared + 1 bytes.
    case decodedLengthExceeded(SectionKind, declared: UInt64)
    /// The stream ends after fewer bytes than its declared length (a length lie).
    case decodedLengthShort(SectionKind, declared: UInt64, actual: UInt64)
    /// The compressed bytes end before the zlib stream does.
    case truncatedStream(SectionKind)
    /// The zlib stream is malformed (RFC 1950/1951), with zlib's message.
    case corruptStream(SectionKind, String)
    /// Bytes follow the end of the zlib stream inside the section body.
    case trailingStreamBytes(SectionKind, count: Int)

    public var description: String {
        switch self {
        case let .tooLarge(size):
            return "input container: \(size) bytes exceeds the 512 MiB input region"
        case let .truncatedHeader(size):
            return "input container: truncated header (\(size) bytes, need 24)"
        case .badMagic:
            return "input container: bad magic (expected \"RVXEXEC\\0\")"
        case let .unsupportedVersion(v):
            return "input container: unsupported version \(v) (supported: \(InputContainer.version))"
        case let .tooManySections(count):
            return "input container: \(count) sections, at most \(SectionKind.allCases.count) allowed"
        case let .lengthMismatch(declared, actual):
            return "input container: header declares \(declared) bytes but \(actual) were given"
        case let .truncatedSectionTable(count):
            return "input container: section table of \(count) entries runs past the end"
        case let .unknownSectionKind(kind):
            return "input container: unknown section kind \(kind)"
        case let .nonZeroFlags(kind, flags):
            return "input container: section kind \(kind) has non-zero reserved flags 0x\(String(flags, radix: 16))"
        case let .duplicateSection(kind):
            return "input container: duplicate \(kind) section"
        case let .unsortedSections(kind):
            return "input container: \(kind) section is out of ascending kind order"
        case let .misalignedSection(kind, offset):
            return "input container: \(kind) section offset \(offset) is not 8-byte aligned"
        case let .overlappingSection(kind, offset):
            return "input container: \(kind) section at offset \(offset) overlaps the table or the previous section"
        case let .gapBeforeSection(kind, offset):
            return "input container: \(kind) section at offset \(offset) leaves a gap (not canonical)"
        case let .sectionOutOfBounds(kind, offset, length):
            return "input container: \(kind) section [\(offset), +\(length)) lies outside the container"
        case let .wrongSectionLength(kind, expected, actual):
            return "input container: \(kind) section is \(actual) bytes, must be exactly \(expected)"
        case let .missingSection(kind):
            return "input container: required \(kind) section is missing"
        case let .nonZeroPadding(offset):
            return "input container: padding byte at offset \(offset) is not zero"
        case let .unpaddedEnd(length):
            return "input container: length \(length) is not padded to a multiple of 8"
        case let .trailingBytes(expected, actual):
            return "input container: \(actual - expected) trailing bytes after the last section"
        case let .compressedHeaderTruncated(kind):
            return "input container: compressed \(kind) section is shorter than its 8-byte decoded length"
        case let .decodedTooLarge(kind, declared):
            return "input container: compressed \(kind) section declares \(declared) decoded bytes, past the 512 MiB input region"
        case let .decodedLengthExceeded(kind, declared):
            return "input container: compressed \(kind) section decodes to more than its declared \(declared) bytes"
        case let .decodedLengthShort(kind, declared, actual):
            return "input container: compressed \(kind) section decodes to \(actual) bytes, declared \(declared)"
        case let .truncatedStream(kind):
            return "input container: compressed \(kind) section ends inside its zlib stream"
        case let .corruptStream(kind, message):
            return "input container: compressed \(kind) section is not a valid zlib stream (\(message))"
        case let .trailingStreamBytes(kind, count):
            return "input container: \(count) bytes follow the zlib stream of the \(kind) section"
        }
    }
}
