import XCTest
import EVM
import EVMPrimitives
import StatelessEVM

/// BLOCK_ENV, BATCH, WITNESS and public-output encodings (docs/EVMGUEST.md §2–§5), checked byte for byte
/// against hand-assembled RLP.
final class CodecTests: XCTestCase {
    func env() -> StatelessBlockEnv {
        StatelessBlockEnv(fork: .cancun, env: BlockEnv(
            coinbase: Address(low: 0xaa), number: 1, timestamp: UInt256(0x0100), gasLimit: 30_000_000,
            difficulty: .zero, prevRandao: UInt256(2), baseFee: UInt256(7), excessBlobGas: 0, chainId: UInt256(1),
            blockHashes: [UInt256(0x33)]))
    }

    func testBlockEnvHandVector() throws {
        // [4, 1, 1, 0x0100, 0x00..aa (20 B), 30000000, 7, 2, "", "", [0x00..33 (32 B)]]
        var expected: [UInt8] = [0x04, 0x01, 0x01, 0x82, 0x01, 0x00, 0x94] + [UInt8](repeating: 0, count: 19) + [0xaa]
        expected += [0x84, 0x01, 0xc9, 0xc3, 0x80, 0x07, 0x02, 0x80, 0x80]
        expected += [0xe1, 0xa0] + [UInt8](repeating: 0, count: 31) + [0x33]
        expected = [0xf8, UInt8(expected.count)] + expected
        XCTAssertEqual(env().encode(), expected)
        XCTAssertEqual(try StatelessBlockEnv.decode(expected), env())
    }

    func testBlockEnvRejectsNonCanonical() {
        var good = env().encode()
        // A leading zero in `number` (0x01 → 0x81 0x00 0x01 would be non-canonical): replace item 2.
        var bad = good
        bad[4] = 0x00  // number = 0x00 is a non-canonical single byte for 0
        XCTAssertThrowsError(try StatelessBlockEnv.decode(bad))
        good[2] = 0x09  // fork 9 does not exist
        XCTAssertEqual(try? StatelessBlockEnv.decode(good), nil)
        XCTAssertThrowsError(try StatelessBlockEnv.decode(env().encode() + [0x00]))  // trailing byte
        XCTAssertThrowsError(try StatelessBlockEnv.decode([0xc0]))  // empty list
    }

    func testBatchAndWitness() throws {
        let b = Batch.encode([[0x01, 0x02], [0xc0]])
        XCTAssertEqual(b, [0xc5, 0x82, 0x01, 0x02, 0x81, 0xc0])
        XCTAssertEqual(try Batch.decode(b), [[0x01, 0x02], [0xc0]])
        XCTAssertThrowsError(try Batch.decode([0xc1, 0xc0]))  // an item that is a list
        let w = ExecutionWitness(nodes: [[0x80]], codes: [[0x60, 0x00]])
        XCTAssertEqual(w.encode(), [0xc7, 0xc2, 0x81, 0x80, 0xc3, 0x82, 0x60, 0x00])
        XCTAssertEqual(try ExecutionWitness.decode(w.encode()), w)
        XCTAssertThrowsError(try ExecutionWitness.decode([0xc1, 0xc0]))
    }

    func testPublicOutput() {
        let r = StatelessResult(postStateRoot: [], logsHash: [UInt8](repeating: 0x11, count: 32), gasUsed: 0x0102,
                                transactions: [TxOutcome(status: .failed, gasUsed: 0x0102)])
        let out = r.publicOutput()
        XCTAssertEqual(out, [UInt8](repeating: 0x11, count: 32) + [0x02, 0x01, 0, 0, 0, 0, 0, 0] + [1, 0, 0, 0]
                       + [2, 0x02, 0x01, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(StatelessResult.parsePublicOutput(out), r)
        XCTAssertNil(StatelessResult.parsePublicOutput(Array(out.dropLast())))
    }
}
