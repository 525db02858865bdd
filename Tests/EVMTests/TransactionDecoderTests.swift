import XCTest
import EVM
import EVMPrimitives
import NativeCrypto

/// Signed-transaction decoding against the EIP-155 example (independent vector from the EIP text).
final class TransactionDecoderTests: XCTestCase {
    let eip155 = "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"

    func testEIP155Example() throws {
        let tx = try TransactionDecoder.decode(try Hex.decode(eip155), crypto: NativeCryptoProvider())
        XCTAssertEqual(tx.type, 0)
        XCTAssertEqual(tx.chainId, 1)
        XCTAssertEqual(tx.nonce, 9)
        XCTAssertEqual(tx.gasPrice, UInt256(20_000_000_000))
        XCTAssertEqual(tx.gasLimit, 21000)
        XCTAssertEqual(tx.to, Address(bytes: try Hex.decode("3535353535353535353535353535353535353535")))
        XCTAssertEqual(tx.value, UInt256(1_000_000_000_000_000_000))
        XCTAssertEqual(tx.data, [])
        // The sender of private key 0x4646…46.
        XCTAssertEqual(tx.sender, Address(bytes: try Hex.decode("9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")))
    }

    func testRejectsMalformedAndTamperedInput() throws {
        let crypto = NativeCryptoProvider()
        var bytes = try Hex.decode(eip155)
        XCTAssertThrowsError(try TransactionDecoder.decode(Array(bytes.dropLast()), crypto: crypto))
        XCTAssertThrowsError(try TransactionDecoder.decode([], crypto: crypto))
        XCTAssertThrowsError(try TransactionDecoder.decode([0x05, 0xc0], crypto: crypto))
        // A flipped bit in the value changes the recovered sender (or invalidates the signature).
        bytes[40] ^= 1
        if let tx = try? TransactionDecoder.decode(bytes, crypto: crypto) {
            XCTAssertNotEqual(tx.sender, Address(bytes: try Hex.decode("9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")))
        }
    }
}
