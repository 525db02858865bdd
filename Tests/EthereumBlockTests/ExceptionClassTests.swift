@testable import BlockTest
import EVM
import EthereumBlock
import Foundation
import XCTest

/// Invalid blocks must be rejected for the reason execution-spec-tests names: the order of the checks in
/// execution-specs `validate_header`, `check_transaction` and `apply_body` decides which error comes first.
/// The expected classes are the fixtures' `expectException` values (EEST), one case per order question.
final class ExceptionClassTests: XCTestCase {
    /// (fixture file, test-name filter, rvx's class for its rejected block).
    static let cases: [(file: String, filter: String, found: String)] = [
        // A blob transaction before Cancun: the body does not decode under Shanghai, before any blob-gas check.
        ("cancun/eip4844_blobs/test_blob_type_tx_pre_fork.json", "ShanghaiToCancun", "TransactionException.TYPE_3_TX_PRE_FORK"),
        // Too many blobs: `check_transaction`'s blob-gas allowance, not a header check (validate_header has none).
        ("cancun/eip4844_blobs/test_invalid_tx_blob_count.json", "fork_Cancun-too_many_blobs",
         "TransactionException.TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED"),
        ("cancun/eip4844_blobs/test_invalid_tx_blob_count.json", "fork_Prague-too_many_blobs",
         "TransactionException.TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED"),
        // Osaka: the block allowance (9 blobs) is checked before the per-transaction count (6, EIP-7594).
        ("osaka/eip7594_peerdas/test_invalid_max_blobs_per_tx.json", "blob_count_10",
         "TransactionException.TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED"),
        ("osaka/eip7594_peerdas/test_invalid_max_blobs_per_tx.json", "blob_count_7", "TransactionException.TYPE_3_TX_BLOB_COUNT_EXCEEDED"),
        ("osaka/eip7825_transaction_gas_limit_cap/test_tx_gas_limit_cap_exceeded.json", "Osaka",
         "TransactionException.GAS_LIMIT_EXCEEDS_MAXIMUM"),
        ("prague/eip7702_set_code_tx/test_empty_authorization_list.json", "Prague",
         "TransactionException.TYPE_4_EMPTY_AUTHORIZATION_LIST"),
        ("prague/eip7702_set_code_tx/test_set_code_type_tx_pre_fork.json", "CancunToPrague", "TransactionException.TYPE_4_TX_PRE_FORK"),
    ]

    func testRejectedForEESTReason() throws {
        guard let root = BlockchainFixtureTests.fixtures() else { throw XCTSkip("shared fixtures not found") }
        for c in Self.cases {
            let runner = BlockTestRunner(nameFilter: try NSRegularExpression(pattern: NSRegularExpression.escapedPattern(for: c.filter)))
            let results = runner.run(file: root + "/eest/blockchain_tests/" + c.file)
            XCTAssertFalse(results.isEmpty, c.filter)
            for r in results {
                XCTAssertEqual(r.status, .passed, r.name)
                XCTAssertFalse(r.rejections.isEmpty, r.name)
                for x in r.rejections {
                    XCTAssertEqual(x.found, c.found, r.name)
                    XCTAssertTrue(x.classMatches, r.name)
                }
            }
        }
    }

    /// A rejection for another class than the expected one fails the test.
    func testClassMismatchFails() throws {
        guard let root = BlockchainFixtureTests.fixtures() else { throw XCTSkip("shared fixtures not found") }
        let path = root + "/eest/blockchain_tests/prague/eip7702_set_code_tx/test_empty_authorization_list.json"
        var t = try XCTUnwrap(BlockTestFixture.load(path: path).first { $0.network == "Prague" })
        let i = try XCTUnwrap(t.blocks.firstIndex { $0.expectException != nil })
        t.blocks[i].expectException = "TransactionException.INTRINSIC_GAS_TOO_LOW"
        let r = BlockTestRunner.run(t)
        guard case .failed(let why) = r.status else { return XCTFail("a class mismatch passed") }
        XCTAssertTrue(why.contains("TYPE_4_EMPTY_AUTHORIZATION_LIST"), why)
    }

    func testTransactionTypeBeforeForkNames() {
        XCTAssertEqual(BlockError.transactionTypeBeforeFork(index: 0, type: 2).exceptionName, "TransactionException.TYPE_2_TX_PRE_FORK")
        XCTAssertEqual(BlockError.transactionTypeBeforeFork(index: 0, type: 9).exceptionName, "TransactionException.TYPE_NOT_SUPPORTED")
        XCTAssertEqual(BlockError.invalidTransaction(index: 0, .tooManyBlobsInTransaction).exceptionName,
                       "TransactionException.TYPE_3_TX_BLOB_COUNT_EXCEEDED")
    }
}
