import BlockTest
import EVM
import EVMPrimitives
import EthereumBlock
import Foundation
import NativeCrypto
import XCTest

/// Berlin and London block rules (execution-specs `forks/berlin|london/fork.py` at 1626a8c15fbf):
/// difficulty, header field counts, the London fork block, ommers and rewards. Difficulty vectors are worked
/// from the specification's `calculate_block_difficulty` in Python (integers, floor division).
final class PreMergeRulesTests: XCTestCase {
    func difficulty(_ number: UInt64, _ t: UInt64, _ pt: UInt64, _ pd: UInt256, ommers: Bool = false, _ fork: Fork = .berlin) -> UInt256? {
        PreMergeRules.difficulty(number: number, timestamp: t, parentTimestamp: pt, parentDifficulty: pd,
                                 parentHasOmmers: ommers, bombDelay: PreMergeRules.bombDelay(fork))
    }

    func testDifficultyVectors() {
        XCTAssertEqual(difficulty(1, 10, 0, UInt256(131_072)), UInt256(131_072))
        XCTAssertEqual(difficulty(1, 1, 0, UInt256(131_072)), UInt256(131_136))
        XCTAssertEqual(difficulty(1, 1, 0, UInt256(131_072), ommers: true), UInt256(131_200))
        // −99 floor, then MINIMUM_DIFFICULTY.
        XCTAssertEqual(difficulty(1, 1000, 0, UInt256(131_072)), UInt256(131_072))
        XCTAssertEqual(difficulty(5, 20, 0, UInt256(1_000_000_000_000_000)), UInt256(999_511_718_750_000))
        // The bomb: Berlin's delay 9,000,000 adds 2^0 at block 9,200,000; London's 9,700,000 adds nothing there
        // and 2^1 at 10,000,000.
        XCTAssertEqual(difficulty(9_200_000, 20, 0, UInt256(1_000_000_000_000_000)), UInt256(999_511_718_750_001))
        XCTAssertEqual(difficulty(9_200_000, 20, 0, UInt256(1_000_000_000_000_000), .london), UInt256(999_511_718_750_000))
        XCTAssertEqual(difficulty(10_000_000, 20, 0, UInt256(1_000_000_000_000_000), .london), UInt256(999_511_718_750_002))
        XCTAssertEqual(difficulty(9_299_999, 9, 0, UInt256(1_000_000_000_000_000), ommers: true), UInt256(1_000_488_281_250_001))
        // Beyond 256 bits no header can match.
        XCTAssertNil(difficulty(1, 1, 0, .max))
    }

    func testFieldCountsAndSchedule() throws {
        XCTAssertEqual(try XCTUnwrap(BlockRules(fork: .berlin)).headerFieldCount, 15)
        XCTAssertEqual(try XCTUnwrap(BlockRules(fork: .london)).headerFieldCount, 16)
        XCTAssertTrue(try XCTUnwrap(BlockRules(fork: .london)).isPreMerge)
        XCTAssertFalse(try XCTUnwrap(BlockRules(fork: .paris)).isPreMerge)
        let chain = ChainConfig(chainId: .one, schedule: [ForkActivation(fork: .berlin, block: 0), ForkActivation(fork: .london, block: 5)])
        XCTAssertEqual(chain.rules(number: 4, timestamp: 99_999)?.fork, .berlin)
        let london = try XCTUnwrap(chain.rules(number: 5, timestamp: 0))
        XCTAssertEqual(london.fork, .london)
        XCTAssertEqual(london.activationBlock, 5)
    }

    /// A Berlin parent and the first London block (EIP-1559): INITIAL_BASE_FEE and the parent's gas limit
    /// counted twice.
    func testLondonForkBlock() throws {
        let parent = BlockHeader(
            parentHash: [UInt8](repeating: 1, count: 32), ommersHash: HeaderValidation.emptyOmmersHash, coinbase: .zero,
            stateRoot: [UInt8](repeating: 0, count: 32), transactionsRoot: [UInt8](repeating: 0, count: 32),
            receiptsRoot: [UInt8](repeating: 0, count: 32), logsBloom: [UInt8](repeating: 0, count: 256),
            difficulty: UInt256(131_072), number: 4, gasLimit: 10_000_000, gasUsed: 0, timestamp: 100, extraData: [],
            prevRandao: [UInt8](repeating: 0, count: 32), nonce: [UInt8](repeating: 0, count: 8))
        var child = parent
        child.parentHash = parent.hash(SwiftKeccak())
        child.number = 5
        child.timestamp = 113                    // (113 − 100) // 9 = 1: factor 0, difficulty unchanged
        child.gasLimit = 20_000_000 + 19_530      // < 2 · 10,000,000 + 20,000,000 // 1024 = 20,019,531
        child.baseFeePerGas = UInt256(1_000_000_000)
        var rules = try XCTUnwrap(BlockRules(fork: .london))
        rules.activationBlock = 5
        let hash = parent.hash(SwiftKeccak())
        XCTAssertNoThrow(try HeaderValidation.validate(child, parent: parent, parentHash: hash, rules: rules))
        var wrongFee = child
        wrongFee.baseFeePerGas = UInt256(875_000_000)
        XCTAssertThrowsError(try HeaderValidation.validate(wrongFee, parent: parent, parentHash: hash, rules: rules)) {
            XCTAssertEqual($0 as? BlockError, .invalidHeader(.baseFeePerGas))
        }
        var tooHigh = child
        tooHigh.gasLimit = 20_019_531
        XCTAssertThrowsError(try HeaderValidation.validate(tooHigh, parent: parent, parentHash: hash, rules: rules)) {
            XCTAssertEqual($0 as? BlockError, .invalidHeader(.gasLimit))
        }
        var wrongDifficulty = child
        wrongDifficulty.difficulty = UInt256(131_136)
        XCTAssertThrowsError(try HeaderValidation.validate(wrongDifficulty, parent: parent, parentHash: hash, rules: rules)) {
            XCTAssertEqual($0 as? BlockError, .invalidHeader(.difficulty))
        }
        // A Berlin header has no base fee: 15 fields.
        let berlin = try XCTUnwrap(BlockRules(fork: .berlin))
        XCTAssertThrowsError(try HeaderValidation.validate(child, parent: parent, parentHash: hash, rules: berlin)) {
            XCTAssertEqual($0 as? BlockError, .invalidHeader(.fieldCount))
        }
    }

    static func fixture(_ path: String, network: String) throws -> BlockTestFixture {
        guard let root = BlockchainFixtureTests.fixtures() else { throw XCTSkip("shared fixtures not found") }
        return try XCTUnwrap(BlockTestFixture.load(path: root + "/" + path).first { $0.network == network })
    }

    static let oneUncle = "blockchain/BlockchainTests/ValidBlocks/bcUncleTest/oneUncle.json"

    /// `oneUncle`: block 3 includes an ommer of age 1. The fixture's post-state holds the rewards: 7/8 · 2 ETH
    /// (0x18493fba64ef0000) for the ommer's coinbase.
    func testOneUncleRewards() throws {
        for network in ["Berlin", "London"] {
            let t = try Self.fixture(Self.oneUncle, network: network)
            let r = BlockTestRunner.run(t)
            XCTAssertEqual(r.status, .passed, network)
            XCTAssertEqual(r.imported, 3)
            let ommerMiner = Address(bytes: try Hex.decode("b94f5374fce5ed0000000097c15331677e6ebf0b"))
            XCTAssertEqual(t.postState?.entries[ommerMiner]?.account.balance, UInt256(1_750_000_000_000_000_000))
        }
    }

    /// Imports the first blocks of `oneUncle_London` and returns the chain and the ommer block.
    func oneUncleChain() throws -> (chain: [[UInt8]: ChainEntry], config: ChainConfig, block: Block) {
        let t = try Self.fixture(Self.oneUncle, network: "London")
        let crypto = NativeCryptoProvider()
        let config = try XCTUnwrap(t.chainConfig)
        let genesis = try Block.decode(t.genesisRLP).header
        var chain = [genesis.hash(crypto): ChainEntry(genesis: genesis, state: t.pre, crypto: crypto)]
        for fb in t.blocks.prefix(2) {
            guard case .success(let b) = BlockImport.importBlock(fb.rlp, chain: chain, config: config, crypto: crypto) else {
                XCTFail("block rejected")
                throw XCTSkip()
            }
            chain[b.hash] = b.entry
        }
        return (chain, config, try Block.decode(t.blocks[2].rlp))
    }

    func reject(_ change: (inout Block) -> Void, rehash: Bool = true) throws -> BlockError? {
        let (chain, config, original) = try oneUncleChain()
        var block = original
        change(&block)
        if rehash {
            var list: [UInt8] = []
            for o in block.ommers { list.append(contentsOf: o.encode()) }
            var encoded: [UInt8] = []
            RLP.encodeListHeader(payloadLength: list.count, into: &encoded)
            block.header.ommersHash = SwiftKeccak().keccak256(encoded + list)
        }
        guard case .failure(let e) = BlockImport.importBlock(block.encode(), chain: chain, config: config, crypto: NativeCryptoProvider()) else {
            return nil
        }
        return e
    }

    /// Each `validate_ommers` rule on altered copies of `oneUncle_London` block 3 (ommers hash recomputed).
    func testOmmerRules() throws {
        XCTAssertEqual(try reject({ $0.header.ommersHash[0] ^= 1 }, rehash: false), .invalidHeader(.ommersHash))
        XCTAssertEqual(try reject({ $0.ommers.append($0.ommers[0]) }), .invalidOmmer(index: 1, .duplicate))
        XCTAssertEqual(try reject({ $0.ommers += [$0.ommers[0], $0.ommers[0]] }), .invalidOmmer(index: 2, .tooMany))
        XCTAssertEqual(try reject({ $0.ommers[0].difficulty = $0.ommers[0].difficulty &+ .one }),
                       .invalidOmmerHeader(index: 0, .difficulty))
        XCTAssertEqual(try reject({ $0.ommers[0].number = 3 }), .invalidOmmer(index: 0, .number))
        let (chain, _, block) = try oneUncleChain()
        let parent = try XCTUnwrap(chain[block.header.parentHash])
        // The parent itself as an ommer: its header is valid, but it is in the chain.
        XCTAssertEqual(try reject({ $0.ommers = [parent.header] }), .invalidOmmer(index: 0, .inChain))
        XCTAssertEqual(BlockError.invalidOmmer(index: 0, .inChain).exceptionName, "BlockException.UNCLE_IS_ANCESTOR")
        XCTAssertEqual(BlockError.invalidHeader(.ommersHash).exceptionName, "BlockException.INVALID_UNCLES_HASH")
    }

    static let slice = [
        oneUncle,
        "blockchain/BlockchainTests/ValidBlocks/bcTotalDifficultyTest/uncleBlockAtBlock3AfterBlock3.json",
        "blockchain/BlockchainTests/ValidBlocks/bcMultiChainTest/CallContractFromNotBestBlock.json",
        "blockchain/BlockchainTests/GeneralStateTests/stEIP1559/tipTooHigh.json",
        "blockchain/BlockchainTests/GeneralStateTests/stEIP1559/transactionIntinsicBug_Paris.json",
        "blockchain/BlockchainTests/GeneralStateTests/stEIP3607/transactionCollidingWithNonEmptyAccount_send.json",
        "eest/blockchain_tests/osaka/eip7883_modexp_gas_increase/test_contract_creation_transaction.json",
    ]

    /// A Berlin/London slice of both folders: ommers, total-difficulty fork choice, a side chain, and three
    /// invalid blocks, each rejected for the fixture's exception class.
    func testBerlinLondonFixtureSlice() throws {
        guard let root = BlockchainFixtureTests.fixtures() else { throw XCTSkip("shared fixtures not found") }
        let runner = BlockTestRunner(nameFilter: try NSRegularExpression(pattern: "Berlin|London"))
        var summary = BlockTestSummary()
        var expected = 0
        var found: [String: String] = [:]
        for f in Self.slice {
            expected += try BlockTestFixture.load(path: root + "/" + f).filter { $0.network == "Berlin" || $0.network == "London" }.count
            for r in runner.run(file: root + "/" + f) where r.network == "Berlin" || r.network == "London" {
                summary.add(r)
                if case .failed(let why) = r.status { XCTFail("\(r.name): \(why)") }
                for x in r.rejections { found[x.expected] = x.found }
            }
        }
        XCTAssertEqual(summary.passed, expected)
        XCTAssertEqual(expected, 11)
        XCTAssertEqual(summary.skipped, 0)
        XCTAssertEqual(summary.classMismatches, 0)
        XCTAssertEqual(found, [
            "TR_TipGtFeeCap": "TransactionException.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS",
            "TR_NoFunds": "TransactionException.INSUFFICIENT_ACCOUNT_FUNDS",
            "SenderNotEOA": "TransactionException.SENDER_NOT_EOA",
        ])
    }
}
