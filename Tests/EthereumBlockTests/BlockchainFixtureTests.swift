import BlockTest
import EVMPrimitives
import EthereumBlock
import Foundation
import StateTest
import XCTest

/// Blockchain tests from the shared fixtures (ethereum/tests and execution-spec-tests): a representative slice
/// of valid and invalid Cancun blocks by default, every Cancun network of both folders with RVX_FULL_FIXTURES=1.
final class BlockchainFixtureTests: XCTestCase {
    static func fixtures() -> String? {
        if let d = ProcessInfo.processInfo.environment["RVX_FIXTURES_DIR"] {
            return (d as NSString).deletingLastPathComponent
        }
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            url = url.deletingLastPathComponent()
            let candidate = url.appendingPathComponent("shared/fixtures/evm").path
            if FileManager.default.fileExists(atPath: candidate + "/blockchain") { return candidate }
        }
        return nil
    }

    static let slice = [
        "blockchain/BlockchainTests/ValidBlocks/bcExample/shanghaiExample.json",
        "blockchain/BlockchainTests/ValidBlocks/bcValidBlockTest/log1_correct.json",
        "blockchain/BlockchainTests/ValidBlocks/bcWalletTest/wallet2outOf3txs.json",
        "blockchain/BlockchainTests/GeneralStateTests/stEIP1559/tipTooHigh.json",
        "blockchain/BlockchainTests/GeneralStateTests/stEIP3607/transactionCollidingWithNonEmptyAccount_send.json",
        "eest/blockchain_tests/cancun/eip4844_blobs/test_invalid_tx_blob_count.json",
        "eest/blockchain_tests/cancun/eip4844_blobs/test_invalid_blob_tx_contract_creation.json",
        "eest/blockchain_tests/cancun/eip4844_blobs/test_invalid_pre_fork_block_with_blob_fields.json",
        "eest/blockchain_tests/cancun/eip4788_beacon_root/test_beacon_root_transition.json",
    ]

    func run(_ files: [String]) -> (BlockTestSummary, Int) {
        let runner = BlockTestRunner(nameFilter: try? NSRegularExpression(pattern: "Cancun"))
        var summary = BlockTestSummary()
        var rejected = 0
        for f in files {
            for r in runner.run(file: f) {
                summary.add(r)
                rejected += r.rejections.count
                if case .failed(let why) = r.status { XCTFail("\(r.name): \(why)") }
            }
        }
        return (summary, rejected)
    }

    func testSlice() throws {
        guard let root = Self.fixtures() else { throw XCTSkip("shared fixtures not found") }
        let full = ProcessInfo.processInfo.environment["RVX_FULL_FIXTURES"] == "1"
        let files = full
            ? StateTestRunner.fixtureFiles(root + "/blockchain") + StateTestRunner.fixtureFiles(root + "/eest/blockchain_tests")
            : Self.slice.map { root + "/" + $0 }
        let (s, rejected) = run(files)
        print("blockchain tests (\(full ? "all Cancun networks" : "slice")): \(s.line)")
        XCTAssertEqual(s.failed, 0)
        XCTAssertGreaterThanOrEqual(s.passed, full ? 146 : 11)
        XCTAssertGreaterThanOrEqual(rejected, full ? 10 : 5)
    }

    /// The decoded block re-encodes to the fixture's RLP and hashes to the fixture's block hash.
    func testBlockRoundTripAndHash() throws {
        guard let root = Self.fixtures() else { throw XCTSkip("shared fixtures not found") }
        let t = try XCTUnwrap(BlockTestFixture.load(path: root + "/" + Self.slice[0]).first { $0.network == "Cancun" })
        let block = try Block.decode(t.blocks[0].rlp)
        XCTAssertEqual(block.encode(), t.blocks[0].rlp)
        XCTAssertEqual(block.header.hash(SwiftKeccak()), t.lastBlockHash)
        XCTAssertEqual(block.header.fieldCount, 20)
    }

    /// Each header commitment is checked: a valid block with one root altered is rejected for that root.
    func testAlteredCommitmentsAreRejected() throws {
        guard let root = Self.fixtures() else { throw XCTSkip("shared fixtures not found") }
        let t = try XCTUnwrap(BlockTestFixture.load(path: root + "/" + Self.slice[1]).first { $0.network == "Cancun" })
        let alterations: [(String, (inout BlockHeader) -> Void)] = [
            ("receiptsRoot", { $0.receiptsRoot[0] ^= 1 }),
            ("logsBloom", { $0.logsBloom[0] ^= 1 }),
            ("stateRoot", { $0.stateRoot[0] ^= 1 }),
            ("transactionsRoot", { $0.transactionsRoot[0] ^= 1 }),
            ("gasUsed", { $0.gasUsed += 1 }),
            ("baseFeePerGas", { $0.baseFeePerGas = ($0.baseFeePerGas ?? .zero) &+ .one }),
            ("excessBlobGas", { $0.excessBlobGas = ($0.excessBlobGas ?? 0) + 1 }),
            ("timestamp", { $0.timestamp = 0 }),
            ("extraData", { $0.extraData = [UInt8](repeating: 1, count: 33) }),
        ]
        for (field, alter) in alterations {
            var block = try Block.decode(t.blocks[0].rlp)
            alter(&block.header)
            var bad = t
            bad.blocks[0].rlp = block.encode()
            let r = BlockTestRunner.run(bad)
            guard case .failed(let why) = r.status else { XCTFail("\(field): altered block accepted"); continue }
            XCTAssertTrue(why.contains(field), "\(field): \(why)")
        }
    }
}
