import XCTest
@testable import EVM
import EVMPrimitives
import NativeCrypto

/// Contract addresses (Yellow Paper eq. 85, EIP-1014), blob pricing (EIP-4844), intrinsic gas.
final class AddressAndGasTests: XCTestCase {
    func hexAddress(_ s: String) -> Address { Address(bytes: try! Hex.decode(s)) }

    func testCreateAddress() {
        let evm = EVMHarness(code: []).call().0
        let sender = hexAddress("6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0")
        XCTAssertEqual(evm.createAddress(sender, nonce: 0), hexAddress("cd234a471b72ba2f1ccf0a70fcaba648a5eecd8d"))
        XCTAssertEqual(evm.createAddress(sender, nonce: 1), hexAddress("343c43a37d37dff08ae8c4a11544c718abb4fcf8"))
    }

    func testCreate2AddressEIP1014Examples() {
        let evm = EVMHarness(code: []).call().0
        XCTAssertEqual(evm.create2Address(.zero, salt: .zero, initcode: [0x00]), hexAddress("4D1A2e2bB4F88F0250f26Ffff098B0b30B26BF38"))
        XCTAssertEqual(evm.create2Address(hexAddress("deadbeef00000000000000000000000000000000"), salt: .zero, initcode: [0x00]),
                       hexAddress("B928f69Bb1D91Cd65274e3c79d8986362984fDA3"))
    }

    func testBlobBaseFee() {
        // Values from the EIP-4844 Python fake_exponential.
        XCTAssertEqual(BlobGas.price(excessBlobGas: 0, .cancun), 1)
        XCTAssertEqual(BlobGas.price(excessBlobGas: 3_338_477, .cancun), 2)
        XCTAssertEqual(BlobGas.price(excessBlobGas: 33_384_770, .cancun), 22026)
        XCTAssertEqual(BlobGas.price(excessBlobGas: 1_179_648, .cancun), 1)
        // Prague's fraction (EIP-7691); values from execution-specs prague `calculate_blob_gas_price`.
        XCTAssertEqual(BlobGas.price(excessBlobGas: 5_007_716, .prague), 2)
        XCTAssertEqual(BlobGas.price(excessBlobGas: 50_077_160, .prague), 22026)
    }

    func testIntrinsicGas() {
        var tx = Transaction(type: 0, nonce: 0, gasLimit: .zero, to: Address(low: 1), value: .zero, data: [0, 1, 0, 2], sender: .zero)
        XCTAssertEqual(tx.intrinsicGas(fork: .cancun), 21000 + 4 + 16 + 4 + 16)
        tx.to = nil
        XCTAssertEqual(tx.intrinsicGas(fork: .paris), 21000 + 40 + 32000)
        XCTAssertEqual(tx.intrinsicGas(fork: .shanghai), 21000 + 40 + 32000 + 2)
        tx.accessList = [AccessListEntry(address: Address(low: 5), storageKeys: [1, 2])]
        let expected: Int64 = 21000 + 40 + 32000 + 2 + 2400 + 2 * 1900
        XCTAssertEqual(tx.intrinsicGas(fork: .shanghai), expected)
    }

    func testPrecompileSet() {
        XCTAssertEqual(Precompiles.lookup(Address(low: 9), fork: .berlin), .blake2f)
        XCTAssertNil(Precompiles.lookup(Address(low: 10), fork: .shanghai))
        XCTAssertEqual(Precompiles.lookup(Address(low: 10), fork: .cancun), .pointEvaluation)
        XCTAssertNil(Precompiles.lookup(Address(low: 0), fork: .cancun))
        XCTAssertNil(Precompiles.lookup(Address(low: 0x0b), fork: .cancun))
        XCTAssertEqual(Precompiles.lookup(Address(low: 0x11), fork: .prague), .bls12MapFp2ToG2)
        XCTAssertNil(Precompiles.lookup(Address(low: 0x12), fork: .osaka))
        XCTAssertNil(Precompiles.lookup(Address(low: 0x100), fork: .prague))
        XCTAssertEqual(Precompiles.lookup(Address(low: 0x100), fork: .osaka), .p256Verify)
        XCTAssertNil(Precompiles.lookup(Address(hi: 0, mid: 1, lo: 1), fork: .osaka))
        XCTAssertEqual(Precompiles.addresses(.berlin).map(\.lo), Array(1...9))
        XCTAssertEqual(Precompiles.addresses(.cancun).map(\.lo), Array(1...10))
        XCTAssertEqual(Precompiles.addresses(.prague).map(\.lo), Array(1...0x11))
        XCTAssertEqual(Precompiles.addresses(.osaka).map(\.lo), Array(1...0x11) + [0x100])
    }

    func testOpcodeTable() {
        let t = OpcodeInfo.table
        XCTAssertEqual("\(t[0x5f].name)", "PUSH0")
        XCTAssertEqual(t[0x7f].immediateSize, 32)
        XCTAssertEqual(t[0x9f].stackIn, 17)
        XCTAssertTrue(t[0x5c].isDefined(in: .cancun))
        XCTAssertFalse(t[0x5c].isDefined(in: .shanghai))
        XCTAssertFalse(t[0x48].isDefined(in: .berlin))
        XCTAssertFalse(t[0xfe].isDefined(in: .cancun))
        XCTAssertFalse(t[0x0c].isDefined(in: .cancun))
    }
}
