import XCTest
@testable import EVM
import EVMPrimitives

/// The per-fork specification table: names, wire numbers, EIP sets, blob schedules, system addresses.
final class ForkSpecTests: XCTestCase {
    func testTableIsInForkOrder() {
        XCTAssertEqual(ForkSpec.table.count, Fork.allCases.count)
        for f in Fork.allCases { XCTAssertEqual(f.spec.fork, f) }
    }

    /// The BLOCK_ENV numbers of docs/FORMAT.md; changing one breaks every container that carries it.
    func testWireValuesArePinned() {
        let expected: [(Fork, UInt8)] = [(.berlin, 0), (.london, 1), (.paris, 2), (.shanghai, 3), (.cancun, 4),
                                         (.prague, 5), (.osaka, 6), (.bpo1, 7), (.bpo2, 8)]
        for (f, w) in expected {
            XCTAssertEqual(f.spec.wireValue, w, f.name)
            XCTAssertEqual(Fork(wireValue: UInt64(w)), f)
        }
        XCTAssertNil(Fork(wireValue: 9))
        XCTAssertNil(Fork(wireValue: 256 + 4))
        XCTAssertEqual(Set(Fork.allCases.map(\.spec.wireValue)).count, Fork.allCases.count)
    }

    func testNames() {
        for (n, f) in [("Berlin", Fork.berlin), ("London", .london), ("Paris", .paris), ("Merge", .paris),
                       ("Shanghai", .shanghai), ("Cancun", .cancun), ("Prague", .prague), ("Osaka", .osaka),
                       ("BPO1", .bpo1), ("BPO2", .bpo2)] {
            XCTAssertEqual(Fork(name: n), f, n)
        }
        for n in ["cancun", "Amsterdam", "Istanbul", "", "CancunToPragueAtTime15k"] { XCTAssertNil(Fork(name: n), n) }
    }

    /// Blob schedules against the `config.blobSchedule` of the EEST v5.4.0 fixtures (target, max,
    /// baseFeeUpdateFraction: Cancun 3/6/0x32f0ed, Prague and Osaka 6/9/0x4c6964, BPO1 10/15/0x7f5a51) and
    /// execution-specs bpo2 (14/21/11684671); EIP-7594 caps a transaction at 6 blobs from Osaka.
    func testBlobSchedules() {
        func check(_ f: Fork, _ t: Int, _ m: Int, _ frac: UInt64, _ perTx: Int) {
            let b = f.spec.blob
            XCTAssertEqual([b.target, b.max, b.maxPerTransaction], [t, m, perTx], f.name)
            XCTAssertEqual(b.baseFeeUpdateFraction, frac, f.name)
        }
        check(.shanghai, 0, 0, 1, 0)
        check(.cancun, 3, 6, 0x32f0ed, 6)
        check(.prague, 6, 9, 0x4c6964, 9)
        check(.osaka, 6, 9, 0x4c6964, 6)
        check(.bpo1, 10, 15, 0x7f5a51, 6)
        check(.bpo2, 14, 21, 11_684_671, 6)
        XCTAssertEqual(Fork.cancun.spec.blob.maxBlobGasPerBlock, 786_432)
        XCTAssertEqual(Fork.prague.spec.blob.targetBlobGasPerBlock, 786_432)
    }

    /// Excess blob gas: values from execution-specs osaka `calculate_excess_blob_gas` (EIP-7918 bound) and
    /// the plain EIP-4844 rule before Osaka.
    func testExcessBlobGas() {
        XCTAssertEqual(BlobGas.excessBlobGas(parentExcess: 0, parentBlobGasUsed: 786_432, parentBaseFee: 7, Fork.osaka.spec), 0)
        XCTAssertEqual(BlobGas.excessBlobGas(parentExcess: 2_359_296, parentBlobGasUsed: 1_179_648, parentBaseFee: 1, Fork.osaka.spec), 2_752_512)
        XCTAssertEqual(BlobGas.excessBlobGas(parentExcess: 10_000_000, parentBlobGasUsed: 1_179_648, parentBaseFee: 1_000_000_000, Fork.osaka.spec), 10_393_216)
        XCTAssertEqual(BlobGas.excessBlobGas(parentExcess: 100, parentBlobGasUsed: 1_179_648, parentBaseFee: 1_000_000_000, Fork.osaka.spec), 393_316)
        XCTAssertEqual(BlobGas.excessBlobGas(parentExcess: 100, parentBlobGasUsed: 1_179_648, parentBaseFee: 1_000_000_000, Fork.prague.spec), 393_316)
        XCTAssertEqual(BlobGas.excessBlobGas(parentExcess: 100, parentBlobGasUsed: 786_432, parentBaseFee: 1_000_000_000, Fork.cancun.spec), 393_316)
    }

    func testTransactionTypesAndRules() {
        XCTAssertFalse(Fork.berlin.spec.supportsTransactionType(2))
        XCTAssertTrue(Fork.london.spec.supportsTransactionType(2))
        XCTAssertFalse(Fork.shanghai.spec.supportsTransactionType(3))
        XCTAssertTrue(Fork.cancun.spec.supportsTransactionType(3))
        XCTAssertFalse(Fork.cancun.spec.supportsTransactionType(4))
        XCTAssertTrue(Fork.prague.spec.supportsTransactionType(4))
        XCTAssertFalse(Fork.osaka.spec.supportsTransactionType(5))
        XCTAssertNil(Fork.prague.spec.transactionGasLimitCap)
        XCTAssertEqual(Fork.osaka.spec.transactionGasLimitCap, 16_777_216)
        XCTAssertEqual(Fork.berlin.spec.storageClearRefund, 15000)
        XCTAssertEqual(Fork.london.spec.storageClearRefund, 4800)
        XCTAssertEqual(Fork.berlin.spec.maxRefundQuotient, 2)
        XCTAssertEqual(Fork.cancun.spec.maxRefundQuotient, 5)
        XCTAssertTrue(Fork.bpo2.spec.has([.eip7702, .eip7939, .eip7951]))
        XCTAssertFalse(Fork.prague.spec.has(.eip7939))
    }

    /// Addresses as execution-specs osaka `fork.py` / `requests.py` spell them.
    func testSystemAddresses() {
        func a(_ s: String) -> Address { Address(bytes: try! Hex.decode(s)) }
        XCTAssertEqual(SystemContracts.beaconRoots, a("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02"))
        XCTAssertEqual(SystemContracts.historyStorage, a("0x0000F90827F1C53a10cb7A02335B175320002935"))
        XCTAssertEqual(SystemContracts.withdrawalRequests, a("0x00000961Ef480Eb55e80D19ad83579A64c007002"))
        XCTAssertEqual(SystemContracts.consolidationRequests, a("0x0000BBdDc7CE488642fb579F8B00f3a590007251"))
        XCTAssertEqual(SystemContracts.depositContract, a("0x00000000219ab540356cbb839cbe05303d7705fa"))
        XCTAssertEqual(SystemContracts.maxRLPBlockSize, 8_388_608)
    }
}
