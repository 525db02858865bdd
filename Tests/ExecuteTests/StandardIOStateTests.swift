import BinaryTree
import Execute
import GuestABI
import XCTest

/// The standard-IO mode's byte layouts (docs/EXECUTE.md §2.1): the state view built from a verified witness
/// and the state report decoded from the end of the output, with a typed reason for each malformed report.
final class StandardIOStateTests: XCTestCase {
    func k(_ b: UInt8) -> Bytes32 { Bytes32([UInt8](repeating: b, count: 31) + [b &+ 1])! }
    func le64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }

    func testViewOfAWitnessListsItsPairsInKeyOrder() throws {
        // Four keys, two sharing a stem; the witness for {0x33…, 0x11…} reveals exactly those present pairs
        // (0x22… is proven absent by its path, 0x44… stays inside an opaque subtree).
        let k1 = k(0x11), k1b = Bytes32(stem: k1, subindex: 0x80), k3 = k(0x33), k4 = k(0x44)
        let tree = SHA256BinaryTree([k1: Bytes32(0, 0, 0, 1), k1b: Bytes32(0, 0, 0, 2), k3: Bytes32(0, 0, 0, 3),
                                     k4: Bytes32(0, 0, 0, 4)])
        let witness = try WitnessBuilder.build(pre: tree, touched: [k3, k1, k(0x22)], post: tree)
        let state = try SHA256WitnessState(root: tree.root().bytes, witness: witness.bytes)
        let view = StandardIOState.view(entries: state.entries(), batch: [0xAA, 0xBB])
        XCTAssertEqual(view, le64(2) + k1.bytes + Bytes32(0, 0, 0, 1).bytes + k3.bytes + Bytes32(0, 0, 0, 3).bytes + [0xAA, 0xBB])
        // The full tree's view: all four, ascending (k1 < k1b: same stem, subindex 0x12 < 0x80).
        XCTAssertEqual(StandardIOState.entries(of: tree).map(\.key), [k1, k1b, k3, k4])
    }

    func testReportDecodes() throws {
        let w = (k(1), k(2)), d = k(3), r1 = k(4), r2 = k(5)
        let out = [0x61, 0x62] + w.0.bytes + w.1.bytes + d.bytes + r1.bytes + r2.bytes
            + le64(1) + le64(1) + le64(2) + Array("rvxstate".utf8)
        let rep = try StandardIOState.report(out)
        XCTAssertEqual(Array(rep.app), [0x61, 0x62])
        XCTAssertEqual(rep.writes.map(\.key), [w.0])
        XCTAssertEqual(rep.writes.map(\.value), [w.1])
        XCTAssertEqual(rep.deletes, [d])
        XCTAssertEqual(rep.reads, [r1, r2])
        // An empty report: the output is the trailer alone.
        let empty = try StandardIOState.report(le64(0) + le64(0) + le64(0) + Array("rvxstate".utf8))
        XCTAssertTrue(empty.app.isEmpty && empty.writes.isEmpty && empty.deletes.isEmpty && empty.reads.isEmpty)
    }

    func testMalformedReportsAreTyped() {
        func reason(_ out: [UInt8]) -> String? {
            do { _ = try StandardIOState.report(out); return nil } catch { return error.description }
        }
        let magic = Array("rvxstate".utf8)
        XCTAssertEqual(reason(Array("hello".utf8)),
                       "state report invalid: the output (5 bytes) is shorter than the 32-byte report trailer")
        XCTAssertEqual(reason([UInt8](repeating: 0, count: 32)),
                       "state report invalid: the output does not end with the report magic \"rvxstate\"")
        XCTAssertEqual(reason(le64(1) + le64(0) + le64(0) + magic),
                       "state report invalid: 1 writes, 0 deletes and 0 reads need 64 bytes; 0 precede the trailer")
        XCTAssertEqual(reason(le64(UInt64.max) + le64(0) + le64(0) + magic),
                       "state report invalid: report counts 18446744073709551615, 0, 0 exceed the output size 32")
        XCTAssertEqual(reason([0] + le64(0) + le64(0) + le64(1) + magic),
                       "state report invalid: 0 writes, 0 deletes and 1 reads need 32 bytes; 1 precede the trailer")
    }
}
