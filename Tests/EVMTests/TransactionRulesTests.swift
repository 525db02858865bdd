import XCTest
import EVM
import EVMPrimitives
import NativeCrypto

/// Transaction rules of Prague and Osaka outside EIP-7702: the EIP-7623 calldata floor, the EIP-7825 gas
/// limit cap and the EIP-7594 blob count per transaction. Expected values are worked from the EIPs' formulas.
final class TransactionRulesTests: XCTestCase {
    func tx(data: [UInt8] = [], gas: UInt64 = 1_000_000, blobs: Int = 0) -> Transaction {
        Transaction(type: blobs > 0 ? 3 : 2, chainId: .one, nonce: 0, maxPriorityFeePerGas: .zero,
                    maxFeePerGas: UInt256(10), gasLimit: UInt256(gas), to: EVMHarness.contract, value: .zero, data: data,
                    maxFeePerBlobGas: UInt256(1),
                    blobVersionedHashes: (0..<blobs).map { UInt256(UInt64($0)) | (UInt256(1) << 248) },
                    sender: EVMHarness.sender)
    }

    /// 100 non-zero bytes are 400 tokens: standard cost 21000 + 4·400 = 22600, floor 21000 + 10·400 = 25000.
    func testCalldataFloor() throws {
        let data = [UInt8](repeating: 1, count: 100)
        XCTAssertEqual(tx(data: data).calldataTokens, 400)
        XCTAssertEqual(tx(data: data).intrinsicGas(fork: .prague), 22600)
        XCTAssertEqual(tx(data: data).calldataFloorGas(fork: .prague), 25000)
        XCTAssertEqual(tx(data: data).calldataFloorGas(fork: .cancun), 0)
        let prague = EVMHarness(code: [0x00], fork: .prague)
        let cancun = EVMHarness(code: [0x00], fork: .cancun)
        XCTAssertEqual(try send(prague, tx(data: data)).1.get().gasUsed, 25000)
        XCTAssertEqual(try send(cancun, tx(data: data)).1.get().gasUsed, 22600)
        // The gas limit must cover the floor from Prague.
        XCTAssertEqual(error(send(prague, tx(data: data, gas: 24999))), .intrinsicGasTooLow)
        XCTAssertNil(error(send(prague, tx(data: data, gas: 25000))))
        XCTAssertNil(error(send(cancun, tx(data: data, gas: 24999))))
        // Execution above the floor is charged as before: 21000 + SSTORE of a fresh slot (22100) + 2 PUSH (6).
        let sstore = EVMHarness(code: push(1) + store(0) + [0x00], fork: .prague)
        XCTAssertEqual(try send(sstore, tx()).1.get().gasUsed, 43106)
        // One zero byte: 1 token, standard 21004 below the floor 21010.
        XCTAssertEqual(try send(prague, tx(data: [0])).1.get().gasUsed, 21010)
    }

    /// TX_MAX_GAS_LIMIT = 2^24 from Osaka.
    func testGasLimitCap() {
        let osaka = EVMHarness(code: [0x00], fork: .osaka)
        XCTAssertNil(error(send(osaka, tx(gas: 1 << 24))))
        XCTAssertEqual(error(send(osaka, tx(gas: (1 << 24) + 1))), .gasLimitAboveCap)
        XCTAssertNil(error(send(EVMHarness(code: [0x00], fork: .prague), tx(gas: (1 << 24) + 1))))
    }

    /// At most 6 blobs per transaction from Osaka (also under BPO1's 15-blob blocks); Prague allows the
    /// block maximum 9.
    func testBlobsPerTransaction() {
        for fork in [Fork.osaka, .bpo1] {
            XCTAssertNil(error(send(EVMHarness(code: [0x00], fork: fork), tx(blobs: 6))), fork.name)
            XCTAssertEqual(error(send(EVMHarness(code: [0x00], fork: fork), tx(blobs: 7))), .tooManyBlobsInTransaction, fork.name)
        }
        XCTAssertNil(error(send(EVMHarness(code: [0x00], fork: .prague), tx(blobs: 9))))
        XCTAssertEqual(error(send(EVMHarness(code: [0x00], fork: .prague), tx(blobs: 10))), .tooManyBlobs)
    }
}
