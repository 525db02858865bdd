import XCTest
@testable import InputContainer

/// The compressed container (docs/FORMAT.md §8): a hand vector, the round trip, and every hostile stream
/// ending in its typed reason with bounded memory.
final class ContainerCompressionTests: XCTestCase {
    static let root = [UInt8](repeating: 0x11, count: 32)
    /// zlib.compress(b"abc", 9) from CPython's zlib (an independent encoder).
    static let abcStream: [UInt8] = [0x78, 0xda, 0x4b, 0x4c, 0x4a, 0x06, 0x00, 0x02, 0x4d, 0x01, 0x27]

    /// A container whose BATCH is stored with flags = `flags` and body `body`, next to PRE_STATE_ROOT.
    static func container(batch body: [UInt8], flags: UInt32 = ContainerCompression.deflate) throws -> [UInt8] {
        try InputContainer.encode(sections: [(.batch, flags, body), (.preStateRoot, 0, root)])
    }

    static func le64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }

    func testHandVectorExpandsToTheUncompressedExample() throws {
        // BATCH = 03 00×7 ‖ the 11-byte stream: 19 bytes at offset 72; the table entry carries flags 1.
        let c = try Self.container(batch: Self.le64(3) + Self.abcStream)
        XCTAssertEqual(Array(c[28..<32]), [1, 0, 0, 0])
        XCTAssertEqual(c.count, 72 + 24 + 32)
        let e = try ContainerCompression.expand(c)
        XCTAssertEqual(e.container, InputContainerTests.handVector)
        XCTAssertEqual(e.compressedBytes, 19)
        XCTAssertEqual(e.decodedBytes, 3)
        XCTAssertEqual(e.cycles, 8 * 19 + 2 * 3)
        // The plain decoder (what a guest-facing buffer must satisfy) rejects the flag.
        XCTAssertThrowsError(try InputContainer(decoding: c)) {
            XCTAssertEqual($0 as? ContainerError, .nonZeroFlags(kind: 1, flags: 1))
        }
    }

    func testRoundTripAndUncompressedPassThrough() throws {
        let witness = (0..<5000).map { UInt8(($0 * 7) % 13) }
        let plain = try InputContainer.encode(sections: [(.batch, Array(repeating: 0x42, count: 3000)),
                                                         (.witness, witness), (.preStateRoot, Self.root),
                                                         (.l1Anchor, Array(repeating: 0xAB, count: 32))])
        let packed = try ContainerCompression.compress(try InputContainer(decoding: plain))
        XCTAssertLessThan(packed.count, plain.count / 10)
        let e = try ContainerCompression.expand(packed)
        XCTAssertEqual(e.container, plain)
        XCTAssertEqual(e.decodedBytes, 8000)
        let same = try ContainerCompression.expand(plain)
        XCTAssertFalse(same.isCompressed)
        XCTAssertEqual(same.cycles, 0)
        XCTAssertEqual(same.container, plain)
    }

    func testFlagsOnlyOnVariableLengthSectionsAndOnlyDeflate() throws {
        let onRoot = try InputContainer.encode(sections: [(.batch, 0, []), (.preStateRoot, 1, Self.root)])
        XCTAssertThrowsError(try ContainerCompression.expand(onRoot)) {
            XCTAssertEqual($0 as? ContainerError, .nonZeroFlags(kind: 3, flags: 1))
        }
        let unknown = try Self.container(batch: Self.le64(3) + Self.abcStream, flags: 2)
        XCTAssertThrowsError(try ContainerCompression.expand(unknown)) {
            XCTAssertEqual($0 as? ContainerError, .nonZeroFlags(kind: 1, flags: 2))
        }
    }

    func expect(_ body: [UInt8], _ error: ContainerError, file: StaticString = #filePath, line: UInt = #line) throws {
        let c = try Self.container(batch: body)
        XCTAssertThrowsError(try ContainerCompression.expand(c), file: file, line: line) {
            XCTAssertEqual($0 as? ContainerError, error, file: file, line: line)
        }
    }

    func testCompressionBombStopsAtTheDeclaredLength() throws {
        // 64 MiB of zeros in about 64 KB, declared as 1000 bytes: decoding stops after 1001 bytes.
        let bomb = ContainerCompression.deflateStream([UInt8](repeating: 0, count: 64 << 20))
        XCTAssertLessThan(bomb.count, 100_000)
        try expect(Self.le64(1000) + bomb, .decodedLengthExceeded(.batch, declared: 1000))
    }

    func testDeclaredSizePastTheInputRegionIsRejectedBeforeAllocation() throws {
        try expect(Self.le64(1 << 40) + Self.abcStream, .decodedTooLarge(.batch, declared: 1 << 40))
        // Within 512 MiB alone, but not together with the header, table and root.
        let edge = UInt64(InputContainer.maxSize - 8)
        try expect(Self.le64(edge) + Self.abcStream, .decodedTooLarge(.batch, declared: edge))
    }

    func testTruncatedStreamAndLengthLies() throws {
        for cut in 0..<Self.abcStream.count {
            try expect(Self.le64(3) + Self.abcStream.prefix(cut), .truncatedStream(.batch))
        }
        try expect(Self.le64(4), .truncatedStream(.batch))
        try expect(Self.le64(3).prefix(5) + [], .compressedHeaderTruncated(.batch))
        try expect(Self.le64(200) + Self.abcStream, .decodedLengthShort(.batch, declared: 200, actual: 3))
        try expect(Self.le64(2) + Self.abcStream, .decodedLengthExceeded(.batch, declared: 2))
        try expect(Self.le64(3) + Self.abcStream + [0], .trailingStreamBytes(.batch, count: 1))
    }

    func testCorruptStream() throws {
        var bad = Self.abcStream
        bad[0] = 0x79  // header checksum (RFC 1950: CMF·256 + FLG ≡ 0 mod 31) fails
        let c = try Self.container(batch: Self.le64(3) + bad)
        XCTAssertThrowsError(try ContainerCompression.expand(c)) {
            guard case .corruptStream(.batch, _)? = $0 as? ContainerError else { return XCTFail("\($0)") }
        }
        var sum = Self.abcStream
        sum[sum.count - 1] ^= 1  // Adler-32 trailer
        let d = try Self.container(batch: Self.le64(3) + sum)
        XCTAssertThrowsError(try ContainerCompression.expand(d)) {
            guard case .corruptStream(.batch, _)? = $0 as? ContainerError else { return XCTFail("\($0)") }
        }
    }
}
