import XCTest
@testable import BinaryTree

/// Hostile witnesses: every decoding rule of docs/STATE.md §4 rejects with its own typed error.
final class WitnessRejectionTests: XCTestCase {
    let zeroRoot = [UInt8](repeating: 0, count: 32)
    let h = rep(0x5A, 32)

    func expect(_ bytes: [UInt8], root: [UInt8]? = nil, maxNodes: Int = SHA256WitnessState.defaultMaxNodes,
                _ error: WitnessError, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try SHA256WitnessState(root: root ?? zeroRoot, witness: bytes, maxNodes: maxNodes),
                             file: file, line: line) {
            XCTAssertEqual($0 as? WitnessError, error, file: file, line: line)
        }
    }

    /// A valid single-stem subtree encoding: subindex 0 holds 0x77 × 32.
    var oneLeafSubtree: [UInt8] { rep(0x01, 8) + [0x04] + rep(0x77, 32) + rep(0x00, 8) }

    func testEveryTruncationIsRejected() throws {
        var rng = XorShift(3)
        let (t, stems) = WitnessPropertyTests.randomTree(&rng, stems: 12)
        let run = WitnessPropertyTests.randomRun(&rng, t, stems, ops: 10)
        let bytes = try run.witness().bytes
        XCTAssertGreaterThan(bytes.count, 100)
        let root = t.root().bytes
        for n in 0..<bytes.count {
            XCTAssertThrowsError(try SHA256WitnessState(root: root, witness: Array(bytes[0..<n]))) {
                guard case .truncated = $0 as? WitnessError else { return XCTFail("\(n): \($0)") }
            }
        }
        expect([], .truncated(offset: 0))
        expect([0x02] + rep(1, 31), .truncated(offset: 32))
        expect([0x03] + rep(1, 30), .truncated(offset: 31))
    }

    func testTooDeep() {
        expect(Array([[UInt8]](repeating: [0x01, 0x00], count: 248).joined()) + [0x01], .tooDeep(offset: 496))
    }

    func testTooManyNodes() {
        // A long chain of internal nodes: bounded by the node limit before anything else.
        expect(Array([[UInt8]](repeating: [0x01, 0x00], count: 100).joined()), maxNodes: 50, .tooManyNodes(limit: 50))
    }

    func testUnknownTag() {
        expect([0x05], .unknownTag(5, offset: 0))
        expect([0x01, 0x00, 0xFF], .unknownTag(0xFF, offset: 2))
        expect([0x03] + rep(0, 31) + [0x09], .unknownTag(9, offset: 32))
    }

    func testUnexpectedTag() {
        expect([0x04] + h, .unexpectedTag(4, offset: 0))                           // value in the main trie
        expect([0x03] + rep(0, 31) + [0x03], .unexpectedTag(3, offset: 32))         // stem inside a subtree
        expect([0x03] + rep(0, 31) + [0x04] + h, .unexpectedTag(4, offset: 32))     // value above leaf level
        expect([0x03] + rep(0, 31) + rep(0x01, 9), .unexpectedTag(1, offset: 40))   // internal at leaf level
    }

    func testOpaqueZeroHash() {
        expect([0x02] + rep(0, 32), .opaqueZeroHash(offset: 0))
        expect([0x03] + rep(0, 31) + [0x02] + rep(0, 32), .opaqueZeroHash(offset: 32))
    }

    func testEmptyInternal() {
        expect([0x01, 0x00, 0x00], .emptyInternal(offset: 0))
        expect([0x03] + rep(0, 31) + [0x01, 0x00, 0x00], .emptyInternal(offset: 32))
    }

    func testRedundantInternal() {
        expect([0x03] + rep(0, 31) + [0x01, 0x02] + h + [0x02] + h, .redundantInternal(offset: 32))
    }

    func testUncompressedStem() {
        expect([0x01, 0x03] + rep(0, 31) + oneLeafSubtree + [0x00], .uncompressedStem(offset: 0))
        expect([0x01, 0x00, 0x03] + [0x80] + rep(0, 30) + oneLeafSubtree, .uncompressedStem(offset: 0))
    }

    func testEmptyStem() {
        expect([0x03] + rep(0, 31) + [0x00], .emptyStem(offset: 0))
    }

    func testStemPathMismatch() {
        // A stem starting with bit 1 on the left branch.
        expect([0x01, 0x03] + [0x80] + rep(0, 30) + oneLeafSubtree + [0x02] + h, .stemPathMismatch(offset: 1))
    }

    func testTrailingBytes() {
        expect([0x00, 0x00], .trailingBytes(offset: 1))
    }

    func testRootMismatch() throws {
        var t = Tree()
        t.insert(key(rep(0, 31), 0), Bytes32(rep(0x77, 32))!)
        let bytes = [0x03] + rep(0, 31) + oneLeafSubtree
        XCTAssertNoThrow(try SHA256WitnessState(root: t.root().bytes, witness: bytes))
        expect(bytes, root: rep(1, 32), .rootMismatch(expected: Bytes32(rep(1, 32))!, computed: t.root()))
        expect([0x00], root: rep(1, 32), .rootMismatch(expected: Bytes32(rep(1, 32))!, computed: .zero))
    }

    func testInvalidLengths() throws {
        expect([0x00], root: rep(0, 31), .invalidLength(31))
        var w = try SHA256WitnessState(root: zeroRoot, witness: [0x00])
        XCTAssertThrowsError(try w.read(key: [1, 2])) { XCTAssertEqual($0 as? WitnessError, .invalidLength(2)) }
        XCTAssertThrowsError(try w.write(key: rep(0, 32), value: [1])) {
            XCTAssertEqual($0 as? WitnessError, .invalidLength(1))
        }
        try w.write(key: rep(0, 32), value: rep(9, 32))
        XCTAssertEqual(try w.read(key: rep(0, 32)), rep(9, 32))
    }
}
