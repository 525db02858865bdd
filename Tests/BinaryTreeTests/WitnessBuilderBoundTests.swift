import XCTest
@testable import BinaryTree

/// `WitnessBuilder.build`'s node bound (docs/STATE.md §4, `tooManyNodes`): the replay accepts a witness of
/// exactly `maxNodes` nodes and refuses it one node below.
final class WitnessBuilderBoundTests: XCTestCase {
    func testTheReplayHonoursItsNodeBound() throws {
        func k(_ b: UInt8) -> Bytes32 { Bytes32([UInt8](repeating: b, count: 31) + [b])! }
        let tree = SHA256BinaryTree([k(0x11): Bytes32(0, 0, 0, 1), k(0x33): Bytes32(0, 0, 0, 3), k(0x44): Bytes32(0, 0, 0, 4)])
        let w = try WitnessBuilder.build(pre: tree, touched: [k(0x11), k(0x44)], post: tree)
        let n = try SHA256WitnessState(root: tree.root().bytes, witness: w.bytes).nodeCount
        XCTAssertGreaterThan(n, 2)
        XCTAssertEqual(try WitnessBuilder.build(pre: tree, touched: [k(0x11), k(0x44)], post: tree, maxNodes: n).bytes, w.bytes)
        XCTAssertThrowsError(try WitnessBuilder.build(pre: tree, touched: [k(0x11), k(0x44)], post: tree, maxNodes: n - 1)) {
            XCTAssertEqual($0 as? WitnessError, .tooManyNodes(limit: n - 1))
        }
    }
}
