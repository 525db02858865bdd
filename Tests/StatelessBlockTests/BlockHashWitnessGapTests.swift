import BlockInput
import EVM
import EVMPrimitives
import EVMProver
import EthereumBlock
import NativeCrypto
import StatelessBlock
import StatelessEVM
import XCTest

/// BLOCKHASH of an ancestor the input does not carry: a hand-built Paris chain 0 → 1 → 2 → block 3, whose
/// anchor system call runs `SSTORE(0, BLOCKHASH(NUMBER − 2))`, i.e. reads block 1. With only the parent's hash
/// (natively) or only the parent header (statelessly) the transition stops with its own typed error instead of
/// storing a zero hash; with block 1 present it runs on.
final class BlockHashWitnessGapTests: XCTestCase {
    let crypto = NativeCryptoProvider()
    /// PUSH1 2, NUMBER, SUB, BLOCKHASH, PUSH1 0, SSTORE, STOP.
    let code: [UInt8] = [0x60, 0x02, 0x43, 0x03, 0x40, 0x60, 0x00, 0x55, 0x00]
    let config = ChainConfig(chainId: .one, schedule: [ForkActivation(fork: .paris, timestamp: 0)])
    let anchor = [UInt8](repeating: 0xab, count: 32)

    func header(_ number: UInt64, parent: BlockHeader?, stateRoot: [UInt8]) -> BlockHeader {
        BlockHeader(
            parentHash: parent.map { $0.hash(crypto) } ?? [UInt8](repeating: 0, count: 32),
            ommersHash: HeaderValidation.emptyOmmersHash, coinbase: .zero, stateRoot: stateRoot,
            transactionsRoot: [UInt8](repeating: 0, count: 32), receiptsRoot: [UInt8](repeating: 0, count: 32),
            logsBloom: [UInt8](repeating: 0, count: 256), difficulty: .zero, number: number, gasLimit: 30_000_000,
            gasUsed: 15_000_000, timestamp: 12 * number + 12, extraData: [], prevRandao: [UInt8](repeating: 0, count: 32),
            nonce: [UInt8](repeating: 0, count: 8), baseFeePerGas: UInt256(7))
    }

    func chain() -> (pre: InMemoryState, headers: [BlockHeader], block: Block) {
        var pre = InMemoryState()
        pre.entries[L1Anchor.address] = InMemoryState.Entry(
            account: Account(nonce: 1, code: code, codeHash: UInt256(bigEndian: crypto.keccak256(code))), storage: [:])
        let root = pre.stateRoot(crypto)
        let h0 = header(0, parent: nil, stateRoot: root)
        let h1 = header(1, parent: h0, stateRoot: root)
        let h2 = header(2, parent: h1, stateRoot: root)
        var h3 = header(3, parent: h2, stateRoot: root)
        h3.gasUsed = 0
        return (pre, [h2, h1, h0], Block(header: h3, transactions: []))
    }

    func testNativeTransitionReportsTheMissingHash() throws {
        let (pre, headers, block) = chain()
        func run(_ hashes: [UInt256]) -> BlockError? {
            do {
                _ = try BlockTransition.execute(block, parent: headers[0], config: config, blockHashes: hashes, backend: pre,
                                                crypto: crypto, anchor: anchor) { _ in [UInt8](repeating: 0, count: 32) }
                return nil
            } catch { return error }
        }
        let parentOnly = [UInt256(bigEndian: headers[0].hash(crypto))]
        XCTAssertEqual(run(parentOnly), .blockHashUnavailable(number: 1))
        XCTAssertEqual(BlockError.blockHashUnavailable(number: 1).exceptionName, "BlockException.BLOCKHASH_UNAVAILABLE")
        // With block 1's hash the anchor call reads it and the transition reaches the commitments.
        let withBlock1 = [UInt256(bigEndian: headers[1].hash(crypto))] + parentOnly
        XCTAssertEqual(run(withBlock1), .commitmentMismatch(.transactionsRoot))
    }

    func testStatelessVerifierReportsAWitnessGap() throws {
        let (pre, headers, block) = chain()
        let full = FullState(pre, hasher: crypto)
        func verify(_ ancestors: [BlockHeader]) throws -> BlockVerificationError? {
            let proof = try BlockProver.prove(block: block.encode(), ancestors: ancestors, full: full, config: config,
                                              anchor: anchor, crypto: crypto)
            let input = try BlockInput.decode(proof.input.encode())
            do {
                _ = try StatelessBlockVerifier.verify(input, preStateRoot: full.stateRoot, anchor: anchor, crypto: crypto)
                return nil
            } catch { return error }
        }
        let gap = try verify([headers[0]])
        XCTAssertEqual(gap, .witness(.ancestorHeaderMissing(number: 1)))
        XCTAssertEqual(StatelessError.ancestorHeaderMissing(number: 1).exitStatus, 3)
        XCTAssertEqual(gap?.description, "witness incomplete: BLOCKHASH of block 1 needs its header")
        XCTAssertEqual(try verify(Array(headers.prefix(2))), .block(.commitmentMismatch(.transactionsRoot)))
    }
}
