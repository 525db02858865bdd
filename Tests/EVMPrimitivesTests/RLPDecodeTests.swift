import XCTest
@testable import EVMPrimitives

/// The strict decoder: every rejection rule, with the invalid inputs of ethereum/tests
/// RLPTests/invalidRLPTest.json (https://github.com/ethereum/tests, MIT) plus hand-made cases.
final class RLPDecodeTests: XCTestCase {
    private func bytes(_ hex: String) -> [UInt8] { try! Hex.decode(hex) }

    private func rejects(_ hex: String, _ expected: RLPError, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try RLP.decode(bytes(hex)), file: file, line: line) { error in
            XCTAssertEqual(error as? RLPError, expected, file: file, line: line)
        }
    }

    func testDecodesNestedStructure() throws {
        let item = try RLP.decode(bytes("c6827a77c10401"))
        XCTAssertEqual(item, .list([.bytes([0x7a, 0x77]), .list([.bytes([4])]), .bytes([1])]))
        XCTAssertEqual(try item.asList()[2].asUInt64(), 1)
        XCTAssertThrowsError(try item.asBytes()) { XCTAssertEqual($0 as? RLPError, .expectedBytes) }
        XCTAssertThrowsError(try RLPItem.bytes([1]).asList()) { XCTAssertEqual($0 as? RLPError, .expectedList) }
    }

    func testEthereumTestsInvalidVectors() {
        rejects("0xf80180", .longFormForShortPayload(offset: 0))  // wrongSizeList
        rejects("0xf80100", .longFormForShortPayload(offset: 0))  // wrongSizeList2
        rejects("0xb9002100dc2b275d0f74e8a53e6f4ec61b27f24278820be3f82ea2110e582081b0565df0", .leadingZeroInLength(offset: 0))
        rejects("0xf861f83eb9002100dc2b275d0f74e8a53e6f4ec61b27f24278820be3f82ea2110e582081b0565df027b90015002d5ef8325ae4d034df55d4b58d0dfba64d61ddd17be00000b9001a00dae30907045a2f66fa36f2bb8aa9029cbb0b8a7b3b5c435ab331",
                .leadingZeroInLength(offset: 4))  // randomRLP
        rejects("0x8100", .nonCanonicalSingleByte(offset: 0))
        rejects("0x8101", .nonCanonicalSingleByte(offset: 0))
        rejects("0x817F", .nonCanonicalSingleByte(offset: 0))
        rejects("b90040000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
                .leadingZeroInLength(offset: 0))
        rejects("b800", .leadingZeroInLength(offset: 0))
        rejects("fb00000040000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
                .leadingZeroInLength(offset: 0))
        rejects("f800", .leadingZeroInLength(offset: 0))
        rejects("b81000112233445566778899aabbccddeeff", .longFormForShortPayload(offset: 0))
        rejects("b801ff", .longFormForShortPayload(offset: 0))
        rejects("f810000102030405060708090a0b0c0d0e0f", .longFormForShortPayload(offset: 0))
        rejects("f803112233", .longFormForShortPayload(offset: 0))
    }

    /// int32Overflow / int32Overflow2: a length near 2^60. Truncated on 64-bit; does not fit `Int` on 32-bit.
    func testHugeLengths() {
        let expected: RLPError = Int.bitWidth == 64 ? .truncated(offset: 0) : .lengthOverflow(offset: 0)
        rejects("0xbf0f000000000000021111", expected)
        rejects("0xff0f000000000000021111", expected)
        rejects("0xbfffffffffffffffff", .lengthOverflow(offset: 0))
    }

    func testTruncation() {
        rejects("", .truncated(offset: 0))
        rejects("83646f", .truncated(offset: 0))
        rejects("b8", .truncated(offset: 0))
        rejects("b938", .truncated(offset: 0))
        rejects("b838" + String(repeating: "61", count: 55), .truncated(offset: 0))
        rejects("c883636174", .truncated(offset: 0))
        rejects("81", .truncated(offset: 0))
        // The list's payload is [83 63]; the string inside claims 3 bytes and would run past the list.
        rejects("c28363617474", .truncated(offset: 1))
        rejects("f838", .truncated(offset: 0))
    }

    func testTrailingBytes() {
        rejects("8363617400", .trailingBytes(offset: 4))
        rejects("c000", .trailingBytes(offset: 1))
        rejects("0000", .trailingBytes(offset: 1))
    }

    func testDepthLimit() throws {
        // `depth` lists, each the only item of the next: built header by header from the inside out
        // (not via RLPItem, whose recursive encoder is not meant for such depths).
        func nested(_ depth: Int) -> [UInt8] {
            var headers: [[UInt8]] = []
            var length = 0  // payload length of the list being wrapped
            for _ in 0..<depth {
                var h = [UInt8]()
                RLP.encodeListHeader(payloadLength: length, into: &h)
                headers.append(h)
                length += h.count
            }
            return headers.reversed().flatMap { $0 }
        }
        XCTAssertEqual(Hex.encode(nested(3)), "c2c1c0")
        XCTAssertNoThrow(try RLP.decode(nested(RLP.defaultMaxDepth)))
        // The innermost list (the final byte, c0) is the one too deep.
        let tooDeep = nested(RLP.defaultMaxDepth + 1)
        XCTAssertThrowsError(try RLP.decode(tooDeep)) { error in
            XCTAssertEqual(error as? RLPError, .depthLimitExceeded(offset: tooDeep.count - 1))
        }
        XCTAssertThrowsError(try RLP.decode(nested(3), maxDepth: 2)) {
            XCTAssertEqual($0 as? RLPError, .depthLimitExceeded(offset: 2))
        }
        // 100 000 nested lists: rejected without recursing 100 000 deep.
        XCTAssertThrowsError(try RLP.decode(nested(100_000)))
    }

    func testScalarRules() {
        XCTAssertEqual(try RLP.decodeUInt64([]), 0)
        XCTAssertEqual(try RLP.decodeUInt64([0x01, 0x00]), 256)
        XCTAssertThrowsError(try RLP.decodeUInt64([0x00])) { XCTAssertEqual($0 as? RLPError, .nonCanonicalInteger) }
        XCTAssertThrowsError(try RLP.decodeUInt64([0x00, 0x01])) { XCTAssertEqual($0 as? RLPError, .nonCanonicalInteger) }
        XCTAssertThrowsError(try RLP.decodeUInt64([UInt8](repeating: 1, count: 9))) { XCTAssertEqual($0 as? RLPError, .integerOverflow) }
    }

    func testHeader() throws {
        let data = bytes("c88363617483646f67")
        let list = try RLP.decodeHeader(data, at: 0, end: data.count)
        XCTAssertEqual(list, RLPHeader(isList: true, payloadOffset: 1, payloadLength: 8))
        let first = try RLP.decodeHeader(data, at: 1, end: list.end)
        XCTAssertEqual(first, RLPHeader(isList: false, payloadOffset: 2, payloadLength: 3))
        let single = try RLP.decodeHeader([0x05], at: 0, end: 1)
        XCTAssertEqual(single, RLPHeader(isList: false, payloadOffset: 0, payloadLength: 1))
        XCTAssertThrowsError(try RLP.decodeHeader(data, at: 9, end: 9))
        XCTAssertThrowsError(try RLP.decodeHeader(data, at: 0, end: 10))
    }
}
