import Foundation
import XCTest
@testable import BinaryTree

/// A benchmark, not a timed test: skipped unless RVX_BENCH=1; prints the cost of a 1,000-transfer-like batch.
/// Run: RVX_BENCH=1 swift test -c release --filter WitnessBenchmarkTests
final class WitnessBenchmarkTests: XCTestCase {
    func testBatchOfTransfers() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["RVX_BENCH"] == "1", "set RVX_BENCH=1")
        var rng = XorShift(2026)
        var t = Tree()
        var accounts: [Bytes32] = []
        for _ in 0..<50_000 {
            let s = rng.bytes32().stem
            accounts.append(s)
            t.insert(Bytes32(stem: s, subindex: 0), rng.bytes32())  // basic data
            t.insert(Bytes32(stem: s, subindex: 1), rng.bytes32())  // code hash
        }
        var run = RecordingState(t)
        for i in 0..<1_000 {
            let from = Bytes32(stem: accounts[rng.below(accounts.count)], subindex: 0)
            // Every tenth transfer goes to a fresh account (a new stem).
            let to = i % 10 == 0 ? Bytes32(stem: rng.bytes32(), subindex: 0)
                                 : Bytes32(stem: accounts[rng.below(accounts.count)], subindex: 0)
            _ = run.read(key: from)
            _ = run.read(key: to)
            run.write(key: from, value: rng.bytes32())
            run.write(key: to, value: rng.bytes32())
        }
        let clock = ContinuousClock()
        var witness: Witness? = nil
        let tBuild = clock.measure { witness = try? run.witness() }
        let bytes = try XCTUnwrap(witness).bytes
        let preRoot = t.root()
        let postRoot = run.current.root()
        let keys = run.touched.sorted()
        var state: SHA256WitnessState? = nil
        let tVerify = clock.measure { state = try? SHA256WitnessState(root: preRoot.bytes, witness: bytes) }
        var w = try XCTUnwrap(state)
        let verifyCalls = w.hashCalls
        let tRead = try clock.measure { for k in keys { _ = try w.read(key: k) } }
        let tWrite = try clock.measure { for k in keys { try w.write(key: k, value: run.current.get(k)) } }
        var root = Bytes32.zero
        let tRoot = try clock.measure { root = try w.root() }
        XCTAssertEqual(root, postRoot)
        print("""
            BENCH 50k accounts, 1000 transfers, \(keys.count) keys: witness \(bytes.count) bytes, \
            \(w.nodeCount) nodes; build \(tBuild); verify \(tVerify) (\(verifyCalls) hashes); \
            reads \(tRead); writes \(tWrite); root \(tRoot) (\(w.hashCalls - verifyCalls) hashes)
            """)
    }
}
