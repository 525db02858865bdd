import XCTest
@testable import BinaryTree

/// The witness encoding of docs/STATE.md §3 on a hand-written vector, and the hashing meter.
final class WitnessEncodingTests: XCTestCase {
    let a = key(rep(0x00, 31), 0), b = key([0x80] + rep(0x00, 30), 255)
    let v1 = Bytes32(rep(0xAA, 32))!, v2 = Bytes32(rep(0xBB, 32))!
    /// Stem node hash of B, from reference/binary_tree_ref.py.
    let stemB = "d70b813fe699b37839b1b4169a35457b57aee71689470d9760061a8b2e9846d7"

    var tree: Tree {
        var t = Tree()
        t.insert(a, v1)
        t.insert(b, v2)
        return t
    }

    /// Root internal node; left: stem A with the path to subindex 0 (8 internal nodes, the value, 8 empty
    /// siblings); right: stem B as an opaque hash.
    var handVector: [UInt8] {
        [0x01] + [0x03] + rep(0x00, 31) + rep(0x01, 8) + [0x04] + rep(0xAA, 32) + rep(0x00, 8)
            + [0x02] + hexBytes(stemB)
    }

    func testBuilderProducesTheHandVector() throws {
        var run = RecordingState(tree)
        XCTAssertEqual(run.read(key: a), v1)
        let w = try run.witness()
        XCTAssertEqual(w.bytes, handVector)
        XCTAssertEqual(w.size, 1 + 32 + 8 + 33 + 8 + 33)
    }

    func testHandVectorVerifiesReadsAndMeters() throws {
        var w = try SHA256WitnessState(root: tree.root().bytes, witness: handVector)
        // Verification: leaf (32 bytes), 8 subtree nodes, the stem node and the root (64 bytes each).
        XCTAssertEqual(w.hashCalls, 11)
        XCTAssertEqual(w.hashedBytes, 32 + 10 * 64)
        XCTAssertEqual(try w.read(key: a), v1)
        XCTAssertEqual(try w.read(key: a.bytes), v1.bytes)
        // Another subindex of A is proven absent by an empty sibling.
        XCTAssertNil(try w.read(key: key(rep(0x00, 31), 0x80)))
        XCTAssertNil(try w.read(key: key(rep(0x00, 31), 1)))
        // B is opaque.
        XCTAssertThrowsError(try w.read(key: b)) { XCTAssertEqual($0 as? WitnessError, .incomplete(key: b)) }
        // A stem on the left that is not A: proven absent by A's stem.
        XCTAssertNil(try w.read(key: key([0x01] + rep(0x00, 30), 0)))
        // Update A: one leaf, 8 subtree nodes, the stem node, the root.
        try w.write(key: a, value: v2)
        let before = w.hashCalls
        var full = tree
        full.insert(a, v2)
        XCTAssertEqual(try w.root(), full.root())
        XCTAssertEqual(w.hashCalls - before, 11)
        // Removing A's only value leaves B alone, and B's stem node would become the root, but this witness
        // (built for a read of A) does not say that the opaque right subtree is a single stem.
        try w.write(key: a, value: nil)
        XCTAssertThrowsError(try w.root()) {
            XCTAssertEqual($0 as? WitnessError, .incompleteSibling(prefix: b32("80" + String(repeating: "0", count: 62)), depth: 1))
        }
    }

    func testRemovalWitnessCarriesTheSiblingStem() throws {
        var run = RecordingState(tree)
        run.write(key: a, value: nil)
        let wit = try run.witness()
        // B now appears as a stem node with an opaque subtree: 1 + 31 + 33 bytes instead of 33.
        let subB = tree.subtreeRoot(ofStem: b)
        XCTAssertEqual(wit.bytes, [0x01] + [0x03] + rep(0x00, 31) + rep(0x01, 8) + [0x04] + rep(0xAA, 32)
            + rep(0x00, 8) + [0x03, 0x80] + rep(0x00, 30) + [0x02] + subB.bytes)
        var w = try SHA256WitnessState(root: tree.root().bytes, witness: wit.bytes)
        try w.write(key: a, value: nil)
        XCTAssertEqual(try w.root(), b32(stemB))
        XCTAssertEqual(try w.root(), run.current.root())
    }

    func testInsertingAStemNextToAnotherSplitsThePath() throws {
        // A new stem sharing 247 bits with A: the witness proves A is where the new stem would go.
        let c = key(rep(0x00, 30) + [0x01], 7)
        var run = RecordingState(tree)
        run.write(key: c, value: v2)
        let wit = try run.witness()
        var w = try SHA256WitnessState(root: tree.root().bytes, witness: wit.bytes)
        XCTAssertNil(try w.read(key: c))
        try w.write(key: c, value: v2)
        XCTAssertEqual(try w.read(key: c), v2)
        XCTAssertEqual(try w.root(), run.current.root())
        // A's own values are not covered (only its stem and subtree root are in the witness).
        XCTAssertThrowsError(try w.read(key: a))
    }

    func testErrorDescriptionsAreDistinct() {
        let errors: [WitnessError] = [
            .truncated(offset: 1), .unknownTag(9, offset: 1), .unexpectedTag(4, offset: 1), .tooDeep(offset: 1),
            .tooManyNodes(limit: 1), .opaqueZeroHash(offset: 1), .emptyInternal(offset: 1),
            .redundantInternal(offset: 1), .uncompressedStem(offset: 1), .emptyStem(offset: 1),
            .stemPathMismatch(offset: 1), .trailingBytes(offset: 1), .rootMismatch(expected: .zero, computed: .zero),
            .incomplete(key: .zero), .incompleteSibling(prefix: .zero, depth: 1), .invalidLength(3),
        ]
        XCTAssertEqual(Set(errors.map(\.description)).count, errors.count)
        XCTAssertTrue(WitnessError.incomplete(key: .zero).description.hasPrefix("witness incomplete"))
    }
}
