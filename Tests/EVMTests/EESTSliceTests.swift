import Foundation
import XCTest
import EVM
import EVMPrimitives
import NativeCrypto
@testable import StateTest

/// EEST "develop v5.4.0" state tests (shared/fixtures/evm/eest, MANIFEST.md) for the transaction EIPs of
/// Prague and Osaka: every case passes, none skipped, with the case counts of the fixture folders.
final class EESTSliceTests: XCTestCase {
    static func eestStateTests() -> String? { FixtureTests.sharedFolder("evm/eest/state_tests", environment: "RVX_EEST_DIR") }

    func run(_ folder: String) throws -> StateTestSummary {
        guard let root = Self.eestStateTests() else { throw XCTSkip("shared eest fixtures not found") }
        let lock = NSLock()
        nonisolated(unsafe) var summary = StateTestSummary()
        ParallelRunner.run(files: StateTestRunner.fixtureFiles(root + "/" + folder), runner: StateTestRunner()) { _, results in
            lock.lock()
            defer { lock.unlock() }
            for r in results {
                summary.add(r)
                if case .failed(let why) = r.status { XCTFail("\(r.name): \(why)") }
            }
        }
        return summary
    }

    func check(_ folder: String, passed: Int) throws {
        let s = try run(folder)
        XCTAssertEqual([s.passed, s.failed, s.skipped], [passed, 0, 0], folder)
    }

    func testEIP7702SetCode() throws { try check("prague/eip7702_set_code_tx", passed: 285) }
    func testEIP7623CalldataFloor() throws { try check("prague/eip7623_increase_calldata_cost", passed: 42) }
    func testEIP7825GasLimitCap() throws { try check("osaka/eip7825_transaction_gas_limit_cap", passed: 21) }
    func testEIP7594BlobsPerTransaction() throws { try check("osaka/eip7594_peerdas", passed: 4) }

    /// Every signed `txbytes` of the EIP-7702 folder decodes to the template's sender and authorization list.
    func testSetCodeTransactionDecoding() throws {
        guard let root = Self.eestStateTests() else { throw XCTSkip("shared eest fixtures not found") }
        let crypto = NativeCryptoProvider()
        var checked = 0
        for file in StateTestRunner.fixtureFiles(root + "/prague/eip7702_set_code_tx") {
            for t in try StateTestFixture.load(path: file) {
                guard let list = t.transaction.authorizationList else { continue }
                for (_, cases) in t.post {
                    for c in cases where c.expectException == nil {
                        let tx = try TransactionDecoder.decode(c.txbytes, crypto: crypto)
                        XCTAssertEqual(tx.type, 4, t.name)
                        XCTAssertEqual(tx.sender, t.transaction.sender, t.name)
                        XCTAssertEqual(tx.authorizationList, list, t.name)
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 250)
    }
}
