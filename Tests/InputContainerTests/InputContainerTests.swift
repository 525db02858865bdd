import XCTest
@testable import InputContainer

/// Tests of the canonical encoding and the accessors (docs/FORMAT.md §2–§4).
final class InputContainerTests: XCTestCase {
    static let root = [UInt8](repeating: 0x11, count: 32)

    /// A small container written by hand from docs/FORMAT.md, byte by byte: BATCH = "abc", PRE_STATE_ROOT = 0x11 × 32.
    static let handVector: [UInt8] = hex("""
        5256584558454300 01000000 02000000 7000000000000000
        01000000 00000000 4800000000000000 0300000000000000
        03000000 00000000 5000000000000000 2000000000000000
        6162630000000000
        1111111111111111111111111111111111111111111111111111111111111111
        """)

    func testHandVectorEncodesByteForByte() throws {
        let encoded = try InputContainer.encode(sections: [
            (.preStateRoot, Self.root), (.batch, Array("abc".utf8)),
        ])
        XCTAssertEqual(encoded.count, 112)
        XCTAssertEqual(encoded, Self.handVector)
    }

    func testHandVectorDecodes() throws {
        let c = try InputContainer(decoding: Self.handVector)
        XCTAssertEqual(c.section(.batch), 72..<75)
        XCTAssertEqual(c.section(.preStateRoot), 80..<112)
        XCTAssertNil(c.section(.witness))
        XCTAssertEqual(Array(c.batch), [0x61, 0x62, 0x63])
        XCTAssertEqual(c.preStateRoot, Self.root)
        XCTAssertEqual(Array(c.witness), [])
        XCTAssertEqual(c.sections.map { $0.kind }, [.batch, .preStateRoot])
    }

    func testRoundTripAllKinds() throws {
        let input: [(SectionKind, [UInt8])] = [
            (.blockEnv, [9, 9, 9, 9, 9, 9, 9, 9, 9]),
            (.witness, (0..<17).map { UInt8($0) }),
            (.l1Anchor, [UInt8](repeating: 0xAB, count: 32)),
            (.batch, []),
            (.config, [1]),
            (.preStateRoot, Self.root),
        ]
        let bytes = try InputContainer.encode(sections: input)
        XCTAssertEqual(bytes.count % 8, 0)
        let c = try InputContainer(decoding: bytes)
        for (kind, data) in input {
            XCTAssertEqual(c.contents(kind).map(Array.init), data, "\(kind)")
            XCTAssertEqual((c.section(kind)?.lowerBound ?? 1) % 8, 0)
        }
        // Canonical: re-encoding the decoded sections gives the same bytes.
        let again = try InputContainer.encode(sections: c.sections.map { ($0.kind, Array(c.bytes[$0.range])) })
        XCTAssertEqual(again, bytes)
    }

    func testEmptyBatchLiesAtAlignedOffset() throws {
        let bytes = try InputContainer.encode(sections: [(.batch, []), (.preStateRoot, Self.root)])
        let c = try InputContainer(decoding: bytes)
        XCTAssertEqual(c.section(.batch), 72..<72)
        XCTAssertEqual(c.section(.preStateRoot), 72..<104)
        XCTAssertEqual(bytes.count, 104)
    }

    func testEncoderRejectsInvalidInput() {
        XCTAssertThrowsError(try InputContainer.encode(sections: [(.batch, [])])) {
            XCTAssertEqual($0 as? ContainerError, .missingSection(.preStateRoot))
        }
        XCTAssertThrowsError(try InputContainer.encode(sections: [(.batch, []), (.preStateRoot, [1])])) {
            XCTAssertEqual($0 as? ContainerError, .wrongSectionLength(.preStateRoot, expected: 32, actual: 1))
        }
        XCTAssertThrowsError(
            try InputContainer.encode(sections: [(.batch, []), (.batch, []), (.preStateRoot, Self.root)])
        ) { XCTAssertEqual($0 as? ContainerError, .duplicateSection(.batch)) }
    }

    func testErrorDescriptionsAreOneLine() {
        let errors: [ContainerError] = [
            .tooLarge(size: 1), .truncatedHeader(size: 3), .badMagic, .unsupportedVersion(2),
            .tooManySections(count: 7), .lengthMismatch(declared: 1, actual: 2), .truncatedSectionTable(count: 2),
            .unknownSectionKind(9), .nonZeroFlags(kind: 1, flags: 1), .duplicateSection(.batch),
            .unsortedSections(.batch), .misalignedSection(.batch, offset: 1), .overlappingSection(.batch, offset: 1),
            .gapBeforeSection(.batch, offset: 80), .sectionOutOfBounds(.batch, offset: 1, length: 2),
            .wrongSectionLength(.l1Anchor, expected: 32, actual: 1), .missingSection(.batch),
            .nonZeroPadding(offset: 3), .unpaddedEnd(length: 5), .trailingBytes(expectedLength: 8, actual: 16),
        ]
        XCTAssertEqual(Set(errors.map(\.description)).count, errors.count)
        for e in errors { XCTAssertFalse(e.description.contains("\n")) }
    }
}

/// Parses whitespace-separated hex.
func hex(_ s: String) -> [UInt8] {
    let digits = Array(s.filter { !$0.isWhitespace })
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
}
