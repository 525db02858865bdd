import EVM
import EVMPrimitives
import NativeCrypto
import XCTest
@testable import EVMBlocks

final class GeneratorTests: XCTestCase {
    func testSecretKeyOneHasTheWellKnownAddress() throws {
        let key = try SigningKey(secretKey: [UInt8](repeating: 0, count: 31) + [1])
        XCTAssertEqual(hexString(key.address.bytes), "7e5f4552091a69125d5dfcb7b8c2659029395bdf")
        XCTAssertThrowsError(try SigningKey(secretKey: [UInt8](repeating: 0, count: 32)))
    }

    func testSignedTransactionDecodesWithTheSignersAddress() throws {
        let key = try SigningKey(secretKey: Keccak256.hash([1, 2, 3]))
        let f = EIP1559Signer.Fields(chainId: UInt256(0x8079), nonce: 7, maxPriorityFeePerGas: UInt256(1),
                                         maxFeePerGas: UInt256(9), gasLimit: 80_000, to: Address(low: 0xe20),
                                         value: UInt256(5), data: [0xa9, 0x05, 0x9c, 0xbb, 0])
        let raw = try EIP1559Signer.sign(f, key: key)
        XCTAssertEqual(raw.first, 0x02)
        let tx = try TransactionDecoder.decode(raw, crypto: NativeCryptoProvider())
        XCTAssertEqual(tx.sender, key.address)
        XCTAssertEqual(tx.type, 2)
        XCTAssertEqual(tx.chainId, UInt256(0x8079))
        XCTAssertEqual(tx.nonce, 7)
        XCTAssertEqual(tx.gasLimit, UInt256(80_000))
        XCTAssertEqual(tx.to, Address(low: 0xe20))
        XCTAssertEqual(tx.value, UInt256(5))
        XCTAssertEqual(tx.data, [0xa9, 0x05, 0x9c, 0xbb, 0])
        XCTAssertEqual(tx.maxFeePerGas, UInt256(9))
        // RFC 6979: signing is deterministic.
        XCTAssertEqual(try EIP1559Signer.sign(f, key: key), raw)
    }

    func testSplitMix64MatchesTheReferenceSequence() {
        // Reference outputs of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var r = SplitMix64(seed: 0)
        XCTAssertEqual(r.next(), 0xe220_a839_7b1d_cdaf)
        XCTAssertEqual(r.next(), 0x6e78_9e6a_a1b9_65f4)
        XCTAssertEqual(r.next(), 0x06c4_5d18_8009_454f)
    }

    func testGenerationIsDeterministicAndFillsTheGas() throws {
        let o = GenBlockOptions(gas: 400_000, erc20Share: 50, seed: 3)
        let g1 = try BlockGenerator.generate(o)
        let g2 = try BlockGenerator.generate(o)
        XCTAssertEqual(g1.transactions, g2.transactions)
        XCTAssertEqual(g1.postRoot, g2.postRoot)
        XCTAssertEqual(g1.preRoot, g2.preRoot)
        XCTAssertGreaterThan(g1.erc20Transfers, 0)
        XCTAssertGreaterThan(g1.ethTransfers, 0)
        XCTAssertEqual(g1.transactions.count, g1.erc20Transfers + g1.ethTransfers)
        XCTAssertLessThanOrEqual(g1.gasUsed, 400_000)
        XCTAssertLessThan(400_000 - g1.gasUsed, 21_000, "stops only when not even an ETH transfer fits")
        XCTAssertEqual(g1.receipts.last?.cumulativeGasUsed, g1.gasUsed)
        XCTAssertTrue(g1.receipts.allSatisfy { $0.status == .success })
        // The anchor is in the post-state at the hand-derived slots.
        let n = g1.block.number
        XCTAssertEqual(g1.post.entries[L1Anchor.address]?.storage[UInt256(n % 8191)], UInt256(n))
        XCTAssertEqual(g1.post.entries[L1Anchor.address]?.storage[UInt256(n % 8191 + 8191)], UInt256(bigEndian: g1.anchor))
        let g3 = try BlockGenerator.generate(GenBlockOptions(gas: 400_000, erc20Share: 50, seed: 4))
        XCTAssertNotEqual(g3.transactions, g1.transactions)
        XCTAssertNotEqual(g3.postRoot, g1.postRoot)
    }

    func testConservationOfEtherAndTokens() throws {
        let g = try BlockGenerator.generate(GenBlockOptions(gas: 300_000, erc20Share: 70, seed: 9))
        func total(_ s: InMemoryState) -> UInt256 { s.entries.values.reduce(UInt256.zero) { $0 &+ $1.account.balance } }
        func tokens(_ s: InMemoryState) -> UInt256 {
            s.entries[BlockGenerator.tokenAddress]!.storage.values.reduce(UInt256.zero) { $0 &+ $1 }
        }
        // Ether: only the base fee is burned (1 gwei per gas used).
        XCTAssertEqual(total(g.pre) &- total(g.post), UInt256(UInt64(g.gasUsed)) &* BlockGenerator.baseFee)
        // Coinbase receives the priority fee (1 gwei per gas used).
        XCTAssertEqual(g.post.entries[BlockGenerator.coinbase]?.account.balance,
                       UInt256(UInt64(g.gasUsed)) &* BlockGenerator.maxPriorityFee)
        XCTAssertEqual(tokens(g.pre), tokens(g.post))
    }

    func testOptionsAreValidated() {
        XCTAssertThrowsError(try BlockGenerator.generate(GenBlockOptions(gas: 20_999)))
        XCTAssertThrowsError(try BlockGenerator.generate(GenBlockOptions(erc20Share: 101)))
        XCTAssertThrowsError(try BlockGenerator.generate(GenBlockOptions(accounts: 1)))
    }
}
