import XCTest
@testable import EVMPrimitives

final class HexTests: XCTestCase {
    func testDecodePrefixedAndPlain() throws {
        XCTAssertEqual(try Hex.decode("0x00ff10Ab"), [0x00, 0xff, 0x10, 0xab])
        XCTAssertEqual(try Hex.decode("0X00FF"), [0x00, 0xff])
        XCTAssertEqual(try Hex.decode("deadBEEF"), [0xde, 0xad, 0xbe, 0xef])
        XCTAssertEqual(try Hex.decode(""), [])
        XCTAssertEqual(try Hex.decode("0x"), [])
    }

    func testOddLength() throws {
        XCTAssertThrowsError(try Hex.decode("0xabc")) { XCTAssertEqual($0 as? HexError, .oddLength) }
        XCTAssertThrowsError(try Hex.decode("1")) { XCTAssertEqual($0 as? HexError, .oddLength) }
        XCTAssertEqual(try Hex.decode("0xabc", oddLength: .padLeft), [0x0a, 0xbc])
        XCTAssertEqual(try Hex.decode("0x1", oddLength: .padLeft), [0x01])
    }

    func testInvalidCharacters() {
        XCTAssertThrowsError(try Hex.decode("0x0g")) { XCTAssertEqual($0 as? HexError, .invalidCharacter(offset: 3)) }
        XCTAssertThrowsError(try Hex.decode("zz")) { XCTAssertEqual($0 as? HexError, .invalidCharacter(offset: 0)) }
        XCTAssertThrowsError(try Hex.decode("0x 1")) { XCTAssertEqual($0 as? HexError, .invalidCharacter(offset: 2)) }
        XCTAssertThrowsError(try Hex.decode("0x0x")) { XCTAssertEqual($0 as? HexError, .invalidCharacter(offset: 3)) }
        XCTAssertThrowsError(try Hex.decode("é")) { XCTAssertEqual($0 as? HexError, .invalidCharacter(offset: 0)) }
    }

    func testEncode() {
        XCTAssertEqual(Hex.encode([]), "")
        XCTAssertEqual(Hex.encode([], prefix: true), "0x")
        XCTAssertEqual(Hex.encode([0x00, 0x0f, 0xa0, 0xff]), "000fa0ff")
        XCTAssertEqual(Hex.encode([0xde, 0xad], prefix: true), "0xdead")
    }

    func testRoundTrip() throws {
        let all = (0...255).map { UInt8($0) }
        XCTAssertEqual(try Hex.decode(Hex.encode(all, prefix: true)), all)
    }
}
