@testable import BlockTest
import EthereumBlock
import Foundation
import XCTest

/// A representative slice of the EEST blockchain tests per Prague/Osaka network (EIP-6110 deposit layout,
/// EIP-7002 and EIP-7251 requests and system-contract deployment, EIP-2935, EIP-7918 across the BPO1
/// transition, EIP-7825 across the Osaka transition), asserting each network's pass count.
final class PragueOsakaFixtureTests: XCTestCase {
    static let slice = [
        "prague/eip6110_deposits/test_invalid_log_length.json",
        "prague/eip7002_el_triggerable_withdrawals/test_eip_7002.json",
        "prague/eip7002_el_triggerable_withdrawals/test_withdrawal_requests_during_fork.json",
        "prague/eip7002_el_triggerable_withdrawals/test_system_contract_deployment.json",
        "prague/eip7251_consolidations/test_eip_7251.json",
        "prague/eip2935_historical_block_hashes_from_state/test_eip_2935.json",
        "osaka/eip7918_blob_reserve_price/test_blob_base_fee_with_bpo_transition.json",
        "osaka/eip7825_transaction_gas_limit_cap/test_transaction_gas_limit_cap_at_transition.json",
    ]

    func testSlicePerNetwork() throws {
        guard let root = BlockchainFixtureTests.fixtures() else { throw XCTSkip("shared fixtures not found") }
        let runner = BlockTestRunner()
        var summary = BlockTestSummary()
        for f in Self.slice {
            for r in runner.run(file: root + "/eest/blockchain_tests/" + f) {
                summary.add(r)
                if case .failed(let why) = r.status { XCTFail("\(r.name): \(why)") }
            }
        }
        let expected = ["Prague": 5, "Osaka": 2, "CancunToPragueAtTime15k": 7, "PragueToOsakaAtTime15k": 2,
                        "OsakaToBPO1AtTime15k": 1]
        for (network, passed) in expected {
            let n = summary.perNetwork[network]
            XCTAssertEqual(n?.passed, passed, network)
            XCTAssertEqual(n?.failed, 0, network)
            XCTAssertEqual(n?.skipped, 0, network)
        }
        XCTAssertEqual(summary.passed, 17)
    }

    /// A skipped test is not reported as passing.
    func testSkippedIsNotPass() {
        let r = BlockTestResult(name: "t", network: "London", status: .skipped("network London not supported"),
                                imported: 0, rejections: [])
        let json = BlockTestSummary.json(r)
        XCTAssertTrue(json.contains("\"pass\":false"), json)
        XCTAssertTrue(json.contains("\"skipped\":\"network London not supported\""), json)
    }
}
