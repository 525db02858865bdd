import XCTest
@testable import MerklePatriciaTrie

/// Hex-prefix encoding (Yellow Paper Appendix C), with the examples of the Ethereum wiki's
/// "Patricia tree" page.
final class NibblesTests: XCTestCase {
    func testHexPrefixExamples() {
        XCTAssertEqual(Nibbles.hexPrefix([1, 2, 3, 4, 5], leaf: false), [0x11, 0x23, 0x45])
        XCTAssertEqual(Nibbles.hexPrefix([0, 1, 2, 3, 4, 5], leaf: false), [0x00, 0x01, 0x23, 0x45])
        XCTAssertEqual(Nibbles.hexPrefix([0, 0xf, 1, 0xc, 0xb, 8], leaf: true), [0x20, 0x0f, 0x1c, 0xb8])
        XCTAssertEqual(Nibbles.hexPrefix([0xf, 1, 0xc, 0xb, 8], leaf: true), [0x3f, 0x1c, 0xb8])
        XCTAssertEqual(Nibbles.hexPrefix([], leaf: true), [0x20])
        XCTAssertEqual(Nibbles.hexPrefix([], leaf: false), [0x00])
    }

    func testHexPrefixDecoding() {
        for (path, leaf) in [([UInt8]([1, 2, 3, 4, 5]), false), ([0, 1, 2, 3, 4, 5], false), ([0, 0xf, 1, 0xc, 0xb, 8], true), ([], true), ([7], true)] {
            let decoded = Nibbles.decodeHexPrefix(Nibbles.hexPrefix(path, leaf: leaf))
            XCTAssertEqual(decoded?.path, path)
            XCTAssertEqual(decoded?.leaf, leaf)
        }
        XCTAssertNil(Nibbles.decodeHexPrefix([]))
        XCTAssertNil(Nibbles.decodeHexPrefix([0x40]))  // flag 4
        XCTAssertNil(Nibbles.decodeHexPrefix([0x21]))  // even leaf with a non-zero padding nibble
        XCTAssertNil(Nibbles.decodeHexPrefix([0x05, 0x12]))
    }

    func testNibblesOfBytes() {
        XCTAssertEqual(Nibbles.of([0x12, 0xab]), [1, 2, 0xa, 0xb])
        XCTAssertEqual(Nibbles.commonPrefixLength([1, 2, 3], 0, [9, 1, 2, 4], 1), 2)
    }
}
