import BlockTest
import EthereumBlock
import NativeCrypto
import EVMProver
import Execute
import Foundation
import XCTest

/// The CI slice of `rvx evm diff --blocks` (docs/EVMBLOCKS.md §8): every block of a fixed set of blockchain
/// tests from both fixture folders — valid and invalid blocks; Berlin, London, Paris, Shanghai, Cancun, Prague and Osaka; the transition
/// networks CancunToPragueAtTime15k, PragueToOsakaAtTime15k and OsakaToBPO1AtTime15k —
/// imported natively and verified under EXECUTE on rv64 and rv32 (`BlockGuestDiff`) by the MPT EVM guest, and by
/// the binary-tree guest from `BlockProver.proveOverTree`'s input, where a valid block's claimed root is the tree
/// root of the native post-state laid out by `TreeLayout` (docs/EVMBLOCKS.md §10).
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
        try checkSlice(guests: try BlockGuestTests.guestImages().map { GuestDiff.Guest(label: $0.0, image: $0.1) }, treeGuests: [])
    }

    func testTreeSliceHasNoMismatchOnBothXLENs() throws {
        let guests = try BlockGuestTests.guestImages("evm-bt/evm-bt-guest").map { GuestDiff.Guest(label: $0.0 + "-tree", image: $0.1) }
        try checkSlice(guests: [], treeGuests: guests)
    }

    func checkSlice(guests: [GuestDiff.Guest], treeGuests: [GuestDiff.Guest]) throws {
        let labels = (guests + treeGuests).map(\.label)
        var summary = DiffSummary(labels: labels)
        var invalid: [String: Int] = [:]
        for file in Self.files {
            // Networks without block rules (Istanbul and older) are `rvx evm blocktest`'s skips.
            for t in try BlockTestFixture.load(path: try FixtureBlockInput.fixture(file)) where t.chainConfig != nil {
                let invalidBlocks = Set(t.blocks.indices.filter { t.blocks[$0].expectException != nil }.map { "\(t.name) block \($0)" })
                for r in BlockGuestDiff.run(t, guests: guests, treeGuests: treeGuests, limits: ExecuteLimits(cycles: 2_000_000_000)) {
                    summary.add(r)
                    XCTAssertEqual(r.mismatches, [], r.name)
                    XCTAssertNil(r.skipped, r.name)
                    XCTAssertNil(r.treeSkipped, r.name)
                    XCTAssertEqual(r.cycles.map(\.label), labels, r.name)
                    if invalidBlocks.contains(r.name) && r.mismatches.isEmpty { invalid[r.fork, default: 0] += 1 }
                }
            }
        }
        XCTAssertEqual(summary.mismatched, 0)
        let got = summary.groups.mapValues { $0.passed }
        XCTAssertEqual(got, Self.expected.mapValues(\.passed))
        XCTAssertEqual(invalid, Self.expected.mapValues(\.invalid).filter { $0.value > 0 })
    }

    /// The heavy-block rule (`BlockGuestDiff.isHeavy`, docs/EVMBLOCKS.md §8) on ethereum/tests' Cancun blocks that
    /// declare more than 500 Mgas used (header gas used, transaction gas limit from the fixtures' JSON):
    /// loopMul (2 470 045 378 / 6 180 046 020 / 544 046 022 of a 2^63 − 1 limit) and BLAKE2f max rounds
    /// (4 295 056 599 of 10^10) are heavy; mstore_dejavu and returndatacopy_initial (42 949 672 960 = their
    /// limit) are not, and the guests verify them on both XLENs.
    func testHeavyBlockRuleSkipsOnlyBlocksThatSpendTheirGas() throws {
        let crypto = NativeCryptoProvider()
        let dir = "blockchain/BlockchainTests/GeneralStateTests/"
        let cases: [(String, [String: Bool])] = [
            ("VMTests/vmPerformance/loopMul.json", ["loopMul_d0g0v0_Cancun": true, "loopMul_d1g0v0_Cancun": true, "loopMul_d2g0v0_Cancun": true]),
            ("stTimeConsuming/CALLBlake2f_MaxRounds.json", ["CALLBlake2f_MaxRounds_d0g0v0_Cancun": true]),
            ("stMemoryTest/mstore_dejavu.json", ["mstore_dejavu_d0g0v0_Cancun": false]),
            ("stReturnDataTest/returndatacopy_initial.json", ["returndatacopy_initial_d0g0v0_Cancun": false]),
        ]
        let guests = try BlockGuestTests.guestImages().map { GuestDiff.Guest(label: $0.0, image: $0.1) }
        for (file, expected) in cases {
            let tests = try BlockTestFixture.load(path: try FixtureBlockInput.fixture(dir + file)).filter { expected[$0.name] != nil }
            XCTAssertEqual(Set(tests.map(\.name)), Set(expected.keys), file)
            for t in tests {
                let block = try Block.decode(t.blocks[0].rlp)
                XCTAssertGreaterThan(block.header.gasUsed, BlockGuestDiff.heavyBlockGas, t.name)
                XCTAssertEqual(BlockGuestDiff.isHeavy(block, maxGas: BlockGuestDiff.heavyBlockGas, crypto: crypto), expected[t.name], t.name)
                guard expected[t.name] == false else { continue }
                let reports = BlockGuestDiff.run(t, guests: guests, limits: ExecuteLimits(cycles: 2_000_000_000),
                                                 maxGas: BlockGuestDiff.heavyBlockGas)
                XCTAssertEqual(reports.count, 1, t.name)
                XCTAssertNil(reports.first?.skipped, t.name)
                XCTAssertEqual(reports.first?.mismatches, [], t.name)
                XCTAssertEqual(reports.first?.gasUsed, 42_949_672_960, t.name)
            }
        }
    }
}
