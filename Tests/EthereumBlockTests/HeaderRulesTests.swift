import EVMPrimitives
import EthereumBlock
import XCTest

/// Hand-computed vectors for the EIP-1559 base fee and gas-limit bound, the EIP-4844 excess blob gas and the
/// post-Merge header constants (execution-specs Cancun `calculate_base_fee_per_gas`, `check_gas_limit`,
/// `calculate_excess_blob_gas`).
final class HeaderRulesTests: XCTestCase {
    func testBaseFeeVectors() {
        // Parent gas limit 30,000,000 → target 15,000,000; parent base fee 1 gwei.
        let gwei = UInt256(1_000_000_000)
        XCTAssertEqual(HeaderValidation.baseFee(parentGasLimit: 30_000_000, parentGasUsed: 15_000_000, parentBaseFee: gwei), gwei)
        // Full block: +1e9 · 15e6 / 15e6 / 8 = +125,000,000.
        XCTAssertEqual(HeaderValidation.baseFee(parentGasLimit: 30_000_000, parentGasUsed: 30_000_000, parentBaseFee: gwei),
                       UInt256(1_125_000_000))
        // Empty block: −125,000,000.
        XCTAssertEqual(HeaderValidation.baseFee(parentGasLimit: 30_000_000, parentGasUsed: 0, parentBaseFee: gwei),
                       UInt256(875_000_000))
        // One gas above target at base fee 7: 7 · 1 / 15e6 / 8 = 0, raised to the minimum increase of 1.
        XCTAssertEqual(HeaderValidation.baseFee(parentGasLimit: 30_000_000, parentGasUsed: 15_000_001, parentBaseFee: UInt256(7)),
                       UInt256(8))
        // 20,000,000 used: 1e9 · 5e6 / 15e6 = 333,333,333; / 8 = 41,666,666.
        XCTAssertEqual(HeaderValidation.baseFee(parentGasLimit: 30_000_000, parentGasUsed: 20_000_000, parentBaseFee: gwei),
                       UInt256(1_041_666_666))
        // A base fee near 2^256 that would overflow on increase has no valid successor.
        XCTAssertNil(HeaderValidation.baseFee(parentGasLimit: 30_000_000, parentGasUsed: 30_000_000, parentBaseFee: .max))
        // The exact 512-bit intermediate: (2^256 − 1) · 1 / 15e6 / 8 on a decrease of 1 gas below target.
        let big = HeaderValidation.baseFee(parentGasLimit: 30_000_000, parentGasUsed: 14_999_999, parentBaseFee: .max)
        XCTAssertEqual(big, UInt256.max &- UInt256.div(UInt256.div(.max, UInt256(15_000_000)), UInt256(8)))
    }

    func testGasLimitBound() {
        // 30,000,000 / 1024 = 29,296: strictly inside (29,970,704, 30,029,296).
        XCTAssertTrue(HeaderValidation.checkGasLimit(30_029_295, parentGasLimit: 30_000_000))
        XCTAssertFalse(HeaderValidation.checkGasLimit(30_029_296, parentGasLimit: 30_000_000))
        XCTAssertTrue(HeaderValidation.checkGasLimit(29_970_705, parentGasLimit: 30_000_000))
        XCTAssertFalse(HeaderValidation.checkGasLimit(29_970_704, parentGasLimit: 30_000_000))
        XCTAssertFalse(HeaderValidation.checkGasLimit(4_999, parentGasLimit: 5_000))
    }

    func testExcessBlobGas() {
        var parent = BlockHeader(parentHash: [], ommersHash: [], coinbase: .zero, stateRoot: [], transactionsRoot: [],
                                 receiptsRoot: [], logsBloom: [], difficulty: .zero, number: 1, gasLimit: 0, gasUsed: 0,
                                 timestamp: 0, extraData: [], prevRandao: [], nonce: [])
        let cancun = try! XCTUnwrap(BlockRules(fork: .cancun))
        // A pre-Cancun parent counts as 0.
        XCTAssertEqual(HeaderValidation.excessBlobGas(parent: parent, rules: cancun), 0)
        // Target 3 blobs = 393,216: excess 0x140000 + 4 blobs used − target = 1,310,720 + 524,288 − 393,216.
        parent.excessBlobGas = 0x140000
        parent.blobGasUsed = 4 * 131_072
        XCTAssertEqual(HeaderValidation.excessBlobGas(parent: parent, rules: cancun), 1_441_792)
        parent.excessBlobGas = 0
        parent.blobGasUsed = 2 * 131_072
        XCTAssertEqual(HeaderValidation.excessBlobGas(parent: parent, rules: cancun), 0)
    }

    func testEmptyOmmersHash() {
        XCTAssertEqual(SwiftKeccak().keccak256([0xc0]), HeaderValidation.emptyOmmersHash)
    }

}
