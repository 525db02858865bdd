import EVM
import EVMPrimitives
import NativeCrypto
import XCTest
@testable import OPStackEVM

/// Deposit envelopes, the Ecotone L1 attributes calldata and the Canyon deposit receipt against published and
/// hand-built bytes.
final class DepositEncodingTests: XCTestCase {
    /// An Ecotone L1 attributes deposit as an OP Stack node serves it, with its published transaction hash
    /// (base/node-reth flashblocks RPC tests: "tx1 hash: 0x2be2e6f8…f548 (deposit transaction)").
    static let published = h("7ef8f8a042a8ae5ec231af3d0f90f68543ec8bca1da4f7edd712d5b51b490688355a6db794deaddeaddeaddeaddeaddeaddeaddeaddead00019442000000000000000000000000000000000000158080830f424080b8a4440a5e200000044d000a118b00000000000000040000000067cb7cb0000000000077dbd4000000000000000000000000000000000000000000000000000000000000000a00000000000000000000000000000000000000000000000000000000000000014edd27304108914dd6503b19b9eeb9956982ef197febbeeed8a9eac3dbaaabdf000000000000000000000000fc56e7272eebbba5bc6c544e159483c4a38f8ba3")
    static let publishedHash = h("2be2e6f8b01b03b87ae9f0ebca8bbd420f174bef0fbcc18c7802c5378b78f548")

    func testPublishedL1AttributesDepositDecodesAndReencodes() throws {
        let raw = Self.published
        XCTAssertEqual(Keccak256.hash(raw), Self.publishedHash)
        let d = try DepositTransaction.decode(raw)
        XCTAssertEqual(d.sourceHash, h("42a8ae5ec231af3d0f90f68543ec8bca1da4f7edd712d5b51b490688355a6db7"))
        XCTAssertEqual(d.from, OPStack.depositor)
        XCTAssertEqual(d.to, OPStack.l1Block)
        XCTAssertEqual(d.mint, .zero)
        XCTAssertEqual(d.value, .zero)
        XCTAssertEqual(d.gas, 1_000_000)
        XCTAssertFalse(d.isSystemTx)
        XCTAssertEqual(d.data.count, 164)
        XCTAssertEqual(d.encode(), raw)
        // The calldata, field by field (ecotone/l1-attributes.md table).
        let info = try XCTUnwrap(L1BlockInfo.decodeEcotone(d.data))
        XCTAssertEqual(info.baseFeeScalar, 1101)
        XCTAssertEqual(info.blobBaseFeeScalar, 659_851)
        XCTAssertEqual(info.sequenceNumber, 4)
        XCTAssertEqual(info.timestamp, 1_741_388_976)
        XCTAssertEqual(info.number, 7_855_060)
        XCTAssertEqual(info.baseFee, UInt256(10))
        XCTAssertEqual(info.blobBaseFee, UInt256(1))
        XCTAssertEqual(info.hash.bigEndianBytes, h("4edd27304108914dd6503b19b9eeb9956982ef197febbeeed8a9eac3dbaaabdf"))
        XCTAssertEqual(info.batcherHash, UInt256(bigEndian: h("fc56e7272eebbba5bc6c544e159483c4a38f8ba3")))
        XCTAssertEqual(info.ecotoneCalldata(), d.data)
    }

    func testMalformedDepositsAreRejected() {
        var raw = Self.published
        // isSystemTx (the 7th field, 0x80) set to 0x02: not a boolean.
        let i = raw.firstIndex(of: 0xb8)! - 1
        XCTAssertEqual(raw[i], 0x80)
        raw[i] = 0x02
        XCTAssertThrowsError(try DepositTransaction.decode(raw)) { XCTAssertEqual($0 as? TransactionError, .malformedEncoding) }
        XCTAssertThrowsError(try DepositTransaction.decode([0x7e, 0xc0])) { XCTAssertEqual($0 as? TransactionError, .malformedEncoding) }
        XCTAssertThrowsError(try DepositTransaction.decode(Array(Self.published.dropLast()))) {
            XCTAssertEqual($0 as? TransactionError, .malformedEncoding)
        }
        XCTAssertThrowsError(try DepositTransaction.decode([0x02] + Self.published.dropFirst())) {
            XCTAssertEqual($0 as? TransactionError, .typeNotSupported)
        }
    }

    /// Canyon receipt of a successful deposit without logs: 0x7e ‖ rlp([1, 21000, bloom(0…0), [], 0, 1]),
    /// assembled by hand: list header f9 010a (266 bytes), 01, 82 5208, b9 0100 + 256 zero bytes, c0, 80, 01.
    func testDepositReceiptEncoding() {
        var expected: [UInt8] = [0x7e, 0xf9, 0x01, 0x0a, 0x01, 0x82, 0x52, 0x08, 0xb9, 0x01, 0x00]
        expected += [UInt8](repeating: 0, count: 256) + [0xc0, 0x80, 0x01]
        let r = DepositReceipt.encode(succeeded: true, cumulativeGasUsed: 21000, logsBloom: [UInt8](repeating: 0, count: 256),
                                      logs: [], depositNonce: 0)
        XCTAssertEqual(r, expected)
    }

    /// The source hash of a user deposit: keccak256(bytes32(0) ‖ keccak256(l1BlockHash ‖ bytes32(logIndex))).
    func testUserDepositSourceHash() {
        let blockHash = [UInt8](repeating: 0xab, count: 32)
        var inner = blockHash + [UInt8](repeating: 0, count: 31) + [7]
        inner = Keccak256.hash(inner)
        XCTAssertEqual(DepositTransaction.sourceHash(domain: 0, l1BlockHash: blockHash, index: 7, NativeCryptoProvider()),
                       Keccak256.hash([UInt8](repeating: 0, count: 32) + inner))
    }
}

/// Bytes from hexadecimal test literals.
func h(_ s: String) -> [UInt8] { try! Hex.decode(s) }
