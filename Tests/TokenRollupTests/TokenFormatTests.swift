import BinaryTree
import NativeCrypto
import TokenRollup
import XCTest

/// Host-side formats of the token rollup (docs/ROLLUP.md §3–§7) against hand-built byte strings.
final class TokenFormatTests: XCTestCase {
    func testBatchEncodingByteForByte() throws {
        let to = TokenAddress([UInt8](repeating: 0xAB, count: 20))!
        let t = SignedTransfer(nonce: 0x0102, to: to, amount: TokenAmount(5), r: [UInt8](repeating: 1, count: 32),
                               s: [UInt8](repeating: 2, count: 32), v: 1)
        let batch = TokenBatch([.deposit(to: to, amount: TokenAmount(0x0304)), .transfer(t)])
        var want: [UInt8] = Array("TRB1".utf8) + [2, 0, 0, 0]
        want += [0x01] + [UInt8](repeating: 0xAB, count: 20) + [UInt8](repeating: 0, count: 30) + [0x03, 0x04]
        want += [0x02, 0x02, 0x01, 0, 0, 0, 0, 0, 0] + [UInt8](repeating: 0xAB, count: 20)
        want += [UInt8](repeating: 0, count: 31) + [5] + [UInt8](repeating: 1, count: 32) + [UInt8](repeating: 2, count: 32) + [1]
        let bytes = batch.encode()
        XCTAssertEqual(bytes, want)
        XCTAssertEqual(bytes.count, 8 + 53 + 126)
        XCTAssertEqual(try TokenBatch(decoding: bytes), batch)
    }

    func testBatchDecodingErrors() {
        XCTAssertThrowsError(try TokenBatch(decoding: Array("TRB2".utf8) + [0, 0, 0, 0])) {
            XCTAssertEqual($0 as? TokenBatchError, .badMagic)
        }
        XCTAssertThrowsError(try TokenBatch(decoding: Array("TRB1".utf8) + [1, 0, 0, 0])) {
            XCTAssertEqual($0 as? TokenBatchError, .truncated(op: 0))
        }
        XCTAssertThrowsError(try TokenBatch(decoding: Array("TRB1".utf8) + [1, 0, 0, 0, 7])) {
            XCTAssertEqual($0 as? TokenBatchError, .unknownTag(op: 0, tag: 7))
        }
        XCTAssertThrowsError(try TokenBatch(decoding: Array("TRB1".utf8) + [0, 0, 0, 0, 9])) {
            XCTAssertEqual($0 as? TokenBatchError, .trailingBytes(1))
        }
        XCTAssertThrowsError(try TokenBatch(decoding: Array("TRB1".utf8) + [1, 0, 0, 0, 1, 0])) {
            XCTAssertEqual($0 as? TokenBatchError, .truncated(op: 0))
        }
    }

    /// The account stem is SHA-256("TRB1-ACCOUNT" ‖ address) without its last byte (Python hashlib oracle).
    func testKeyLayout() {
        let a = TokenAddress([UInt8](repeating: 0x11, count: 20))!
        // python3 -c 'import hashlib;print(hashlib.sha256(b"TRB1-ACCOUNT"+b"\x11"*20).hexdigest())'
        let digest = "779e2a45d5a7a0e138f03c02825ceedbf8fd1f033157948a84fe456a2cb5ed2c"
        XCTAssertEqual(TokenHex.encode(TokenLayout.balanceKey(a).bytes), String(digest.dropLast(2)) + "00")
        XCTAssertEqual(TokenHex.encode(TokenLayout.nonceKey(a).bytes), String(digest.dropLast(2)) + "01")
        XCTAssertEqual(TokenLayout.value(nonce: 258).bytes, [UInt8](repeating: 0, count: 30) + [1, 2])
        XCTAssertEqual(TokenLayout.nonce(Bytes32(0, 1, 0, 5)), UInt64.max)
        XCTAssertEqual(TokenLayout.nonce(nil), 0)
    }

    /// The signed message is 87 bytes: domain 19 ‖ chain id BE 8 ‖ nonce BE 8 ‖ to 20 ‖ amount 32.
    func testSignatureMessageAndRecovery() {
        let to = TokenAddress([UInt8](repeating: 0x22, count: 20))!
        let m = TokenSignature.message(chainId: 0x0A0B, nonce: 3, to: to, amount: TokenAmount(7))
        XCTAssertEqual(m, Array("RVX-TOKEN-ROLLUP-V1".utf8) + [0, 0, 0, 0, 0, 0, 0x0A, 0x0B] + [0, 0, 0, 0, 0, 0, 0, 3]
                          + [UInt8](repeating: 0x22, count: 20) + [UInt8](repeating: 0, count: 31) + [7])
        let key = TokenKey(seed: 42, index: 0)
        let t = key.sign(chainId: 0x0A0B, nonce: 3, to: to, amount: TokenAmount(7))
        XCTAssertEqual(TokenSignature.sender(of: t, chainId: 0x0A0B), key.address)
        XCTAssertNotEqual(TokenSignature.sender(of: t, chainId: 0x0A0C), key.address) // chain id is signed
        var bad = t
        bad.v = 27
        XCTAssertNil(TokenSignature.sender(of: bad, chainId: 0x0A0B))
    }

    func testAmountArithmetic() {
        XCTAssertEqual(TokenAmount(5).adding(TokenAmount(7)), TokenAmount(12))
        XCTAssertNil(TokenAmount.max.adding(TokenAmount(1)))
        XCTAssertEqual(TokenAmount(UInt64.max).adding(TokenAmount(1))!.bytes, [UInt8](repeating: 0, count: 23) + [1] + [UInt8](repeating: 0, count: 8))
        XCTAssertNil(TokenAmount(5).subtracting(TokenAmount(6)))
        XCTAssertEqual(TokenAmount(UInt64.max).adding(TokenAmount(1))!.subtracting(TokenAmount(1)), TokenAmount(UInt64.max))
    }
}
