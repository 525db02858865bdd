@testable import EVM
import EVMPrimitives
import EthereumBlock
import NativeCrypto
import XCTest

/// Prague and Osaka block rules with values from the EIPs and hand computation (Python hashlib as the SHA-256
/// oracle): EIP-7685 requests hash, EIP-6110 deposit event layout, EIP-7918 excess blob gas through the
/// header rules with a chain blob schedule, EIP-7934 block size limit.
final class PragueOsakaRulesTests: XCTestCase {
    let crypto = NativeCryptoProvider()

    func testRequestsHashOfNoRequests() {
        // sha256 of nothing: the requestsHash of every Prague block without requests.
        XCTAssertEqual(Hex.encode(Requests.hash([], crypto), prefix: false),
                       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testRequestsHashOfKnownRequests() {
        // sha256(sha256(0x01 ‖ 76×0xaa) ‖ sha256(0x02 ‖ 116×0xbb)), computed with hashlib.
        let withdrawal = [UInt8(1)] + [UInt8](repeating: 0xaa, count: 76)
        let consolidation = [UInt8(2)] + [UInt8](repeating: 0xbb, count: 116)
        XCTAssertEqual(Hex.encode(Requests.hash([withdrawal, consolidation], crypto), prefix: false),
                       "81f2ab3154ecfd51b40064bd082aaacdbb9d8c9f5587352ace114bb13387a8bd")
    }

    /// The ABI encoding of DepositEvent(pubkey, withdrawal_credentials, amount, signature, index).
    func depositEvent() -> (data: [UInt8], expected: [UInt8]) {
        var data = [UInt8](repeating: 0, count: 576)
        func put(_ v: Int, at: Int) { data[at + 30] = UInt8(v >> 8); data[at + 31] = UInt8(v & 0xff) }
        var expected: [UInt8] = []
        for (i, (offset, size)) in [(160, 48), (256, 32), (320, 8), (384, 96), (512, 8)].enumerated() {
            put(offset, at: 32 * i)
            put(size, at: offset)
            for j in 0..<size { data[offset + 32 + j] = UInt8(i + 1) &* 16 &+ UInt8(j & 15) }
            expected.append(contentsOf: data[(offset + 32)..<(offset + 32 + size)])
        }
        return (data, expected)
    }

    func testDepositEventLayout() {
        let (data, expected) = depositEvent()
        XCTAssertEqual(expected.count, 192)
        XCTAssertEqual(Requests.depositData(data), expected)
        XCTAssertNil(Requests.depositData(Array(data.dropLast())))
        var badOffset = data
        badOffset[31] = 161
        XCTAssertNil(Requests.depositData(badOffset))
        var badSize = data
        badSize[160 + 31] = 47
        XCTAssertNil(Requests.depositData(badSize))
    }

    func testDepositsFromLogs() throws {
        let (data, expected) = depositEvent()
        let contract = SystemContracts.depositContract
        let event = Log(address: contract, topics: [Requests.depositEventSignature], data: data)
        let otherTopic = Log(address: contract, topics: [.one], data: [1, 2, 3])
        let otherAddress = Log(address: .zero, topics: [Requests.depositEventSignature], data: [])
        XCTAssertEqual(try Requests.deposits([event, otherTopic, otherAddress, event], contract: contract), expected + expected)
        let bad = Log(address: contract, topics: [Requests.depositEventSignature], data: [0])
        XCTAssertThrowsError(try Requests.deposits([bad], contract: contract)) {
            XCTAssertEqual($0 as? BlockError, .invalidDepositEvent)
        }
    }

    func header(excess: UInt64, used: UInt64, baseFee: UInt64) -> BlockHeader {
        BlockHeader(parentHash: [], ommersHash: [], coinbase: .zero, stateRoot: [], transactionsRoot: [],
                    receiptsRoot: [], logsBloom: [], difficulty: .zero, number: 1, gasLimit: 0, gasUsed: 0,
                    timestamp: 0, extraData: [], prevRandao: [], nonce: [], baseFeePerGas: UInt256(baseFee),
                    withdrawalsRoot: [], blobGasUsed: used, excessBlobGas: excess)
    }

    func testExcessBlobGasReservePriceWithChainSchedule() throws {
        // BPO1 schedule 10 / 15: target 1,310,720 blob gas; parent used 12 blobs = 1,572,864 with excess
        // 1,000,000 (blob base fee 1). Base fee 10^9: BLOB_BASE_COST × 10^9 > GAS_PER_BLOB × 1, so EIP-7918
        // adds 1,572,864 × 5 / 15 = 524,288. Base fee 1: 8,192 < 131,072, the EIP-4844 rule:
        // 1,000,000 + 1,572,864 − 1,310,720.
        let schedule = BlobParameters(target: 10, max: 15, baseFeeUpdateFraction: 8_346_193, maxPerTransaction: 15)
        let bpo1 = try XCTUnwrap(BlockRules(fork: .bpo1, blob: schedule))
        XCTAssertEqual(bpo1.blob?.maxPerTransaction, 6)
        XCTAssertEqual(HeaderValidation.excessBlobGas(parent: header(excess: 1_000_000, used: 1_572_864, baseFee: 1_000_000_000), rules: bpo1), 1_524_288)
        XCTAssertEqual(HeaderValidation.excessBlobGas(parent: header(excess: 1_000_000, used: 1_572_864, baseFee: 1), rules: bpo1), 1_262_144)
        // Prague with the same schedule has no reserve price.
        let prague = try XCTUnwrap(BlockRules(fork: .prague, blob: schedule))
        XCTAssertEqual(HeaderValidation.excessBlobGas(parent: header(excess: 1_000_000, used: 1_572_864, baseFee: 1_000_000_000), rules: prague), 1_262_144)
    }

    func testBlockRLPSizeLimit() throws {
        // EIP-7934: MAX_BLOCK_SIZE 10 MiB − SAFETY_MARGIN 2 MiB.
        XCTAssertEqual(SystemContracts.maxRLPBlockSize, 8_388_608)
        let h = header(excess: 0, used: 0, baseFee: 7)
        let big = Block(header: h, transactions: [[0x02] + [UInt8](repeating: 0, count: 8_388_608)], ommers: [], withdrawals: [])
        let parent = h
        for (fork, tooLarge) in [(Fork.osaka, true), (Fork.prague, false)] {
            let config = ChainConfig(chainId: .one, schedule: [ForkActivation(fork: fork, timestamp: 0)])
            XCTAssertThrowsError(try BlockTransition.validate(big, parent: parent, config: config, crypto)) {
                XCTAssertEqual(($0 as? BlockError) == .blockTooLarge, tooLarge, "\(fork)")
            }
        }
    }

    func testHeaderFieldCounts() throws {
        XCTAssertEqual(try XCTUnwrap(BlockRules(fork: .cancun)).headerFieldCount, 20)
        XCTAssertEqual(try XCTUnwrap(BlockRules(fork: .prague)).headerFieldCount, 21)
        XCTAssertEqual(try XCTUnwrap(BlockRules(fork: .bpo2)).headerFieldCount, 21)
        XCTAssertEqual(try XCTUnwrap(BlockRules(fork: .london)).headerFieldCount, 16)
    }
}
