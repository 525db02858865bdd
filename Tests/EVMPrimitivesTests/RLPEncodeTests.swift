import XCTest
@testable import EVMPrimitives

/// RLP encoding vectors: ethereum/tests RLPTests/rlptest.json (https://github.com/ethereum/tests, MIT)
/// and the Ethereum wiki examples; each expected value was re-checked with pyrlp (`rlp.encode`).
final class RLPEncodeTests: XCTestCase {
    private func b(_ s: String) -> RLPItem { .bytes(Array(s.utf8)) }
    private func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }
    private func check(_ item: RLPItem, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let encoded = item.encode()
        XCTAssertEqual(hex(encoded), expected, file: file, line: line)
        XCTAssertEqual(item.encodedLength, encoded.count, file: file, line: line)
        // Canonical encodings decode back to the same item.
        XCTAssertEqual(try RLP.decode(encoded), item, file: file, line: line)
    }

    func testStrings() {
        check(b(""), "80")
        check(.bytes([0x00]), "00")
        check(.bytes([0x01]), "01")
        check(.bytes([0x7f]), "7f")
        check(.bytes([0x80]), "8180")
        check(b("dog"), "83646f67")
        check(b("Lorem ipsum dolor sit amet, consectetur adipisicing eli"),
              "b74c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c69")
        check(b("Lorem ipsum dolor sit amet, consectetur adipisicing elit"),
              "b8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974")
    }

    func testLongStringHeaders() {
        XCTAssertEqual(hex(Array(RLPItem.bytes([UInt8](repeating: 0x61, count: 1024)).encode().prefix(4))), "b9040061")
        XCTAssertEqual(hex(Array(RLPItem.bytes([UInt8](repeating: 0x61, count: 70000)).encode().prefix(5))), "ba01117061")
    }

    func testLists() {
        check(.list([]), "c0")
        check(.list([b("cat"), b("dog")]), "c88363617483646f67")
        check(.list([b("dog"), b("god"), b("cat")]), "cc83646f6783676f6483636174")
        check(.list([b("zw"), .list([.bytes([4])]), .bytes([1])]), "c6827a77c10401")
        check(.list([.list([.list([]), .list([])]), .list([])]), "c4c2c0c0c0")
        // The set-theoretic representation of three: [ [], [[]], [ [], [[]] ] ].
        check(.list([.list([]), .list([.list([])]), .list([.list([]), .list([.list([])])])]), "c7c0c1c0c3c0c1c0")
        check(.list([.list([b("key1"), b("val1")]), .list([b("key2"), b("val2")]),
                     .list([b("key3"), b("val3")]), .list([b("key4"), b("val4")])]),
              "ecca846b6579318476616c31ca846b6579328476616c32ca846b6579338476616c33ca846b6579348476616c34")
    }

    func testListLengthBoundary() {
        let words = ["asdf", "qwer", "zxcv", "asdf", "qwer", "zxcv", "asdf", "qwer", "zxcv", "asdf", "qwer"]
        check(.list(words.map(b)),  // payload 55: short form
              "f784617364668471776572847a78637684617364668471776572847a78637684617364668471776572847a78637684617364668471776572")
        check(.list((words + ["asdf"]).map(b)),  // payload 60: long form
              "f83c84617364668471776572847a78637684617364668471776572847a78637684617364668471776572847a786376846173646684717765728461736466")
    }

    func testScalars() {
        let vectors: [(UInt64, String)] = [
            (0, "80"), (1, "01"), (15, "0f"), (16, "10"), (79, "4f"), (127, "7f"), (128, "8180"),
            (1000, "8203e8"), (1024, "820400"), (100_000, "830186a0"), (UInt64.max, "88ffffffffffffffff"),
        ]
        for (value, expected) in vectors {
            XCTAssertEqual(hex(RLP.encodeUInt64(value)), expected, "\(value)")
            var viaBytes = [UInt8]()
            RLP.encodeBigEndianInteger(withUnsafeBytes(of: value.bigEndian, Array.init), into: &viaBytes)
            XCTAssertEqual(hex(viaBytes), expected, "\(value) as big-endian bytes")
            if let decoded = try? RLP.decode(RLP.encodeUInt64(value)).asUInt64() {
                XCTAssertEqual(decoded, value)
            } else {
                XCTFail("\(value) does not decode")
            }
        }
    }

    func testBigIntegers() {
        var out = [UInt8]()
        // 83729609699884896815286331701780722 (rlptest.json "mediumint4").
        RLP.encodeBigEndianInteger([0x00, 0x00, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xa0, 0xb0, 0xc0, 0xd0, 0xe0, 0xf2], into: &out)
        XCTAssertEqual(hex(out), "8f102030405060708090a0b0c0d0e0f2")
        out = []
        RLP.encodeBigEndianInteger([UInt8](repeating: 0xff, count: 32), into: &out)
        XCTAssertEqual(hex(out), "a0" + String(repeating: "ff", count: 32))
        out = []
        RLP.encodeBigEndianInteger([UInt8](repeating: 0, count: 32), into: &out)
        XCTAssertEqual(hex(out), "80")
        out = []
        RLP.encodeBigEndianInteger([], into: &out)
        XCTAssertEqual(hex(out), "80")
    }

    /// The fast encoders compose into the same bytes as the item encoder.
    func testIncrementalListEncoding() {
        var payload = [UInt8]()
        RLP.encodeUInt64(9, into: &payload)
        RLP.encodeBytes(Array("dog".utf8), into: &payload)
        var out = [UInt8]()
        RLP.encodeListHeader(payloadLength: payload.count, into: &out)
        out += payload
        XCTAssertEqual(out, RLPItem.list([.bytes([9]), b("dog")]).encode())
        XCTAssertEqual(RLP.encodeList(encodedItems: [RLP.encodeUInt64(9), RLPItem.bytes(Array("dog".utf8)).encode()]), out)
        XCTAssertEqual(Hex.encode(RLP.encodeList(encodedItems: [])), "c0")
        XCTAssertEqual(RLP.headerLength(payloadLength: 55), 1)
        XCTAssertEqual(RLP.headerLength(payloadLength: 56), 2)
        XCTAssertEqual(RLP.headerLength(payloadLength: 256), 3)
    }

    /// Random items (seeded) survive encode → decode, and `encodedLength` is exact.
    func testRandomRoundTrip() throws {
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        func item(_ depth: Int) -> RLPItem {
            if depth < 4 && next(3) == 0 { return .list((0..<next(5)).map { _ in item(depth + 1) }) }
            let lengths = [0, 1, 1, 2, 55, 56, 57, 255, 256, 1000]
            return .bytes((0..<lengths[next(lengths.count)]).map { _ in UInt8(next(256)) })
        }
        for _ in 0..<500 {
            let original = item(0)
            let encoded = original.encode()
            XCTAssertEqual(encoded.count, original.encodedLength)
            XCTAssertEqual(try RLP.decode(encoded), original)
        }
    }
}
