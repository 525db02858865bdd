import BinaryTree
import Execute
import XCTest

/// The state file of `rvx prove` (docs/EXECUTE.md §5.1): JSON object of 32-byte hex keys to values.
final class StateFileTests: XCTestCase {
    func key(_ last: UInt8) -> String { "0x" + String(repeating: "00", count: 31) + String(format: "%02x", last) }

    func testEmptyFileIsGenesis() throws {
        XCTAssertEqual(try StateFile.decode([]).count, 0)
        XCTAssertEqual(try StateFile.decode(Array(" \n\t".utf8)).root(), .zero)
        XCTAssertEqual(try StateFile.decode(Array("{}".utf8)).count, 0)
        XCTAssertEqual(StateFile.encode(SHA256BinaryTree()), Array("{}\n".utf8))
    }

    func testRoundTripIsCanonicalAndKeepsZeroValues() throws {
        let text = "{\"\(key(2))\": \"\(key(0))\",\n \"\(key(1).uppercased().replacingOccurrences(of: "0X", with: "0x"))\" : \"\(key(42))\"}"
        let tree = try StateFile.decode(Array(text.utf8))
        XCTAssertEqual(tree.count, 2)
        XCTAssertEqual(tree.get(Bytes32(0, 0, 0, 2)), .zero)  // a present zero value
        XCTAssertEqual(tree.get(Bytes32(0, 0, 0, 1)), Bytes32(0, 0, 0, 42))
        let expected = "{\n  \"\(key(1))\": \"\(key(42))\",\n  \"\(key(2))\": \"\(key(0))\"\n}\n"
        XCTAssertEqual(String(decoding: StateFile.encode(tree), as: UTF8.self), expected)
        XCTAssertEqual(try StateFile.decode(StateFile.encode(tree)).root(), tree.root())
        var direct = SHA256BinaryTree()
        direct.insert(Bytes32(0, 0, 0, 1), Bytes32(0, 0, 0, 42))
        direct.insert(Bytes32(0, 0, 0, 2), .zero)
        XCTAssertEqual(tree.root(), direct.root())
        XCTAssertNotEqual(tree.root(), .zero)
    }

    func testErrorsNameLineAndColumn() {
        func error(_ s: String) -> StateFileError? {
            do { _ = try StateFile.decode(Array(s.utf8)); return nil } catch { return error }
        }
        XCTAssertEqual(error("[]"), StateFileError(line: 1, column: 1, message: "expected '{' (a state file is one JSON object)"))
        XCTAssertEqual(error("{\n  \"0x12\": \"\(key(1))\"}")?.description,
                       "line 2, column 3: key must be 0x followed by 64 hex digits (32 bytes)")
        XCTAssertEqual(error("{\"\(key(1))\": \"\(key(1))\" \"\(key(2))\": \"\(key(2))\"}")?.column, 141)
        XCTAssertEqual(error("{\"\(key(1))\": \"\(key(1))\", \"\(key(1))\": \"\(key(2))\"}")?.message, "duplicate key \(Bytes32(0, 0, 0, 1))")
        XCTAssertEqual(error("{\"\(key(1))\": \"\(key(1))\"")?.message, "expected ',' or '}', found the end of the file")
        XCTAssertEqual(error("{} x")?.message, "unexpected text after the object")
        XCTAssertEqual(error("{\"\(key(1))\": 5}")?.message, "expected a value string \"0x…\" (64 hex digits)")
    }
}
