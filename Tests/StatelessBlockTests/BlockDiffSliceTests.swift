import BlockTest
import EVMProver
import Execute
import Foundation
import XCTest

/// The CI slice of `rvx evm diff --blocks` (docs/EVMBLOCKS.md §8): every block of a fixed set of blockchain
/// tests from both fixture folders — valid and invalid blocks; Berlin, London, Paris, Shanghai, Cancun, Prague and Osaka; the transition
/// networks CancunToPragueAtTime15k, PragueToOsakaAtTime15k and OsakaToBPO1AtTime15k —
/// imported natively and verified by the MPT EVM guest under EXECUTE on rv64 and rv32 (`BlockGuestDiff`).
/// The block counts per network are exact and no block may mismatch. The whole folders run with
/// `rvx evm diff --blocks` (EVMBLOCKS.md Results).
final class BlockDiffSliceTests: XCTestCase {
    static let files = [
        "blockchain/BlockchainTests/ValidBlocks/bcWalletTest/wallet2outOf3txs.json",
        "blockchain/BlockchainTests/GeneralStateTests/stEIP1559/tipTooHigh.json",
        // Berlin and London blocks with an ommer (3 and 5 blocks per network; block 2, resp. 3, has one).
        "blockchain/BlockchainTests/ValidBlocks/bcUncleTest/oneUncle.json",
        "blockchain/BlockchainTests/ValidBlocks/bcTotalDifficultyTest/uncleBlockAtBlock3AfterBlock3.json",
        "eest/blockchain_tests/cancun/eip4844_blobs/test_invalid_blob_tx_contract_creation.json",
        "eest/blockchain_tests/prague/eip7002_el_triggerable_withdrawals/test_withdrawal_requests_during_fork.json",
        "eest/blockchain_tests/prague/eip2935_historical_block_hashes_from_state/test_eip_2935.json",
        "eest/blockchain_tests/osaka/eip7825_transaction_gas_limit_cap/test_transaction_gas_limit_cap_at_transition.json",
        "eest/blockchain_tests/osaka/eip7918_blob_reserve_price/test_blob_base_fee_with_bpo_transition.json",
    ]

    /// Blocks per network: (passed, of which invalid blocks, rejected by the guests with the native reason).
    static let expected: [String: (passed: Int, invalid: Int)] = [
        "Berlin": (14, 0), "London": (15, 1), "Paris": (7, 1), "Shanghai": (7, 1), "Cancun": (8, 2), "CancunToPragueAtTime15k": (5, 0), "Prague": (2, 1),
        "PragueToOsakaAtTime15k": (4, 1), "Osaka": (1, 1), "OsakaToBPO1AtTime15k": (1, 0),
    ]

    func testSliceHasNoMismatchOnBothXLENs() throws {
        let guests = try BlockGuestTests.guestImages().map { GuestDiff.Guest(label: $0.0, image: $0.1) }
        var summary = DiffSummary(labels: ["rv64", "rv32"])
        var invalid: [String: Int] = [:]
        for file in Self.files {
            // Networks without block rules (Istanbul and older) are `rvx evm blocktest`'s skips.
            for t in try BlockTestFixture.load(path: try FixtureBlockInput.fixture(file)) where t.chainConfig != nil {
                let invalidBlocks = Set(t.blocks.indices.filter { t.blocks[$0].expectException != nil }.map { "\(t.name) block \($0)" })
                for r in BlockGuestDiff.run(t, guests: guests, limits: ExecuteLimits(cycles: 2_000_000_000)) {
                    summary.add(r)
                    XCTAssertEqual(r.mismatches, [], r.name)
                    XCTAssertNil(r.skipped, r.name)
                    XCTAssertEqual(r.cycles.map(\.label), ["rv64", "rv32"], r.name)
                    if invalidBlocks.contains(r.name) && r.mismatches.isEmpty { invalid[r.fork, default: 0] += 1 }
                }
            }
        }
        XCTAssertEqual(summary.mismatched, 0)
        let got = summary.groups.mapValues { $0.passed }
        XCTAssertEqual(got, Self.expected.mapValues(\.passed))
        XCTAssertEqual(invalid, Self.expected.mapValues(\.invalid).filter { $0.value > 0 })
    }
}
