import XCTest
@testable import InputContainer

/// One test per rejection rule of docs/FORMAT.md §5, each on a hand-crafted malformed container.
final class ContainerRejectionTests: XCTestCase {
    typealias Entry = (kind: UInt32, flags: UInt32, offset: UInt64, length: UInt64)
    static let root = [UInt8](repeating: 0x22, count: 32)

    /// The valid container with BATCH = "abc" (72..<75) and PRE_STATE_ROOT (80..<112).
    var valid: [UInt8] { InputContainerTests.handVector }

    /// Raw container bytes with the given header fields, table and body (no validation).
    func raw(version: UInt32 = 1, count: UInt32? = nil, total: UInt64? = nil, entries: [Entry], body: [UInt8])
        -> [UInt8]
    {
        var out = InputContainer.magic
        InputContainer.put32(&out, version)
        InputContainer.put32(&out, count ?? UInt32(entries.count))
        let size = 24 + 24 * entries.count + body.count
        InputContainer.put64(&out, total ?? UInt64(size))
        for e in entries {
            InputContainer.put32(&out, e.kind)
            InputContainer.put32(&out, e.flags)
            InputContainer.put64(&out, e.offset)
            InputContainer.put64(&out, e.length)
        }
        return out + body
    }

    func expect(_ bytes: [UInt8], _ error: ContainerError, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try InputContainer(decoding: bytes), file: file, line: line) {
            XCTAssertEqual($0 as? ContainerError, error, file: file, line: line)
        }
    }

    func testTooLarge() {
        // The size check comes first and reads nothing, so a dangling oversized view is never dereferenced.
        let p = UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8)
        defer { p.deallocate() }
        let view = UnsafeRawBufferPointer(start: p, count: InputContainer.maxSize + 1)
        XCTAssertThrowsError(try InputContainer.validate(view)) {
            XCTAssertEqual($0 as? ContainerError, .tooLarge(size: UInt64(InputContainer.maxSize + 1)))
        }
    }

    func testTruncatedHeader() {
        expect([], .truncatedHeader(size: 0))
        expect(Array(valid[0..<23]), .truncatedHeader(size: 23))
    }

    func testBadMagic() {
        var b = valid
        b[7] = 0x01
        expect(b, .badMagic)
    }

    func testUnsupportedVersion() {
        var b = valid
        b[8] = 2
        expect(b, .unsupportedVersion(2))
    }

    func testTooManySections() {
        var b = valid
        b[12] = 7
        expect(b, .tooManySections(count: 7))
        b[12] = 0xFF; b[13] = 0xFF; b[14] = 0xFF; b[15] = 0xFF
        expect(b, .tooManySections(count: .max))
    }

    func testLengthMismatch() {
        expect(Array(valid[0..<104]), .lengthMismatch(declared: 112, actual: 104))
        var b = valid
        b[23] = 0x80  // huge declared length
        expect(b, .lengthMismatch(declared: 0x8000_0000_0000_0070, actual: 112))
    }

    func testTruncatedSectionTable() {
        let b = raw(count: 2, entries: [(1, 0, 48, 0)], body: [])
        expect(b, .truncatedSectionTable(count: 2))
    }

    func testUnknownSectionKind() {
        expect(raw(entries: [(7, 0, 48, 0), (3, 0, 48, 32)], body: Self.root), .unknownSectionKind(7))
        expect(raw(entries: [(0, 0, 48, 0), (3, 0, 48, 32)], body: Self.root), .unknownSectionKind(0))
    }

    func testNonZeroFlags() {
        expect(raw(entries: [(1, 4, 48, 0), (3, 0, 48, 32)], body: Self.root), .nonZeroFlags(kind: 1, flags: 4))
    }

    func testDuplicateSection() {
        expect(raw(entries: [(1, 0, 72, 0), (1, 0, 72, 0)], body: []), .duplicateSection(.batch))
    }

    func testUnsortedSections() {
        expect(raw(entries: [(3, 0, 72, 32), (1, 0, 104, 0)], body: Self.root), .unsortedSections(.batch))
    }

    func testMisalignedSection() {
        let body: [UInt8] = [0x61, 0x62, 0x63] + Self.root + [0, 0, 0, 0, 0]
        expect(raw(entries: [(1, 0, 72, 3), (3, 0, 75, 32)], body: body), .misalignedSection(.preStateRoot, offset: 75))
    }

    func testOverlappingSection() {
        // PRE_STATE_ROOT starts inside the batch.
        let body = [UInt8](repeating: 0x61, count: 16) + Self.root
        expect(raw(entries: [(1, 0, 72, 16), (3, 0, 80, 32)], body: body), .overlappingSection(.preStateRoot, offset: 80))
        // A section inside the section table.
        expect(raw(entries: [(1, 0, 40, 0), (3, 0, 72, 32)], body: Self.root), .overlappingSection(.batch, offset: 40))
    }

    func testGapBeforeSection() {
        let body = [UInt8](repeating: 0, count: 8) + Self.root
        expect(raw(entries: [(1, 0, 72, 0), (3, 0, 80, 32)], body: body), .gapBeforeSection(.preStateRoot, offset: 80))
    }

    func testSectionOutOfBounds() {
        expect(raw(entries: [(1, 0, 72, 64), (3, 0, 136, 32)], body: Self.root),
               .sectionOutOfBounds(.batch, offset: 72, length: 64))
        // offset + length overflows 64 bits.
        expect(raw(entries: [(1, 0, 72, .max), (3, 0, 72, 32)], body: Self.root),
               .sectionOutOfBounds(.batch, offset: 72, length: .max))
    }

    func testWrongSectionLength() {
        let body = [UInt8](repeating: 0x22, count: 40)
        expect(raw(entries: [(1, 0, 72, 0), (3, 0, 72, 40)], body: body),
               .wrongSectionLength(.preStateRoot, expected: 32, actual: 40))
        expect(raw(entries: [(1, 0, 96, 0), (3, 0, 96, 32), (5, 0, 128, 31)], body: Self.root + Self.root),
               .wrongSectionLength(.l1Anchor, expected: 32, actual: 31))
    }

    func testMissingSection() {
        expect(raw(entries: [(1, 0, 48, 0)], body: []), .missingSection(.preStateRoot))
        expect(raw(entries: [(3, 0, 48, 32)], body: Self.root), .missingSection(.batch))
        expect(raw(entries: [], body: []), .missingSection(.batch))
    }

    func testNonZeroPadding() {
        var b = valid
        b[77] = 1  // padding between the batch (ends at 75) and the root (starts at 80)
        expect(b, .nonZeroPadding(offset: 77))
        // Padding after the last section.
        let body: [UInt8] = Self.root + [0x61, 0x62, 0x63, 0, 0, 9, 0, 0]
        expect(raw(entries: [(1, 0, 96, 0), (3, 0, 96, 32), (6, 0, 128, 3)], body: body),
               .nonZeroPadding(offset: 133))
    }

    func testUnpaddedEnd() {
        let body: [UInt8] = Self.root + [0x61, 0x62, 0x63]
        expect(raw(entries: [(1, 0, 96, 0), (3, 0, 96, 32), (6, 0, 128, 3)], body: body), .unpaddedEnd(length: 131))
    }

    func testTrailingBytes() {
        let b = valid + [0, 0, 0, 0, 0, 0, 0, 0]
        var fixed = b
        fixed[16] = 120
        expect(fixed, .trailingBytes(expectedLength: 112, actual: 120))
    }
}
