import XCTest
import EVM
import EVMPrimitives
import NativeCrypto

/// MODEXP (EIP-198) with operands longer than 1024 bytes (allowed before Osaka's EIP-7823 bound) gives the same
/// result natively and in both EVM guests, which send every size to the MODEXP syscall. Expected values come
/// from Python's pow() (ModExp/gen_modexp_vector.py).
final class ModExpGuestTests: XCTestCase {
    func testModExpOver1024ByteOperandsMatchesPow() throws {
        let n = 1100
        let base = (0..<n).map { UInt8(truncatingIfNeeded: 7 * $0 + 3) }
        var modulus = (0..<n).map { UInt8(truncatingIfNeeded: 13 * $0 + 0x91) }
        modulus[n - 1] |= 1
        let exponent: [UInt8] = [0x01, 0x00, 0x01]
        func word(_ v: Int) -> [UInt8] { [UInt8](repeating: 0, count: 28) + [0, 0, UInt8(v >> 8), UInt8(v & 0xff)] }
        let calldata = word(n) + word(exponent.count) + word(n) + base + exponent + modulus
        // CALLDATACOPY(0, 0, CALLDATASIZE); ok = STATICCALL(GAS, 5, 0, CALLDATASIZE, 0, 1100);
        // SSTORE(2, ok); SSTORE(3, RETURNDATASIZE); SSTORE(0, MLOAD(0)); SSTORE(1, MLOAD(1068));
        // SSTORE(4, KECCAK256(0, 1100)).
        let code: [UInt8] = [0x36, 0x60, 0x00, 0x60, 0x00, 0x37,
                             0x61, 0x04, 0x4c, 0x60, 0x00, 0x36, 0x60, 0x00, 0x60, 0x05, 0x5a, 0xfa,
                             0x60, 0x02, 0x55, 0x3d, 0x60, 0x03, 0x55,
                             0x60, 0x00, 0x51, 0x60, 0x00, 0x55, 0x61, 0x04, 0x2c, 0x51, 0x60, 0x01, 0x55,
                             0x61, 0x04, 0x4c, 0x60, 0x00, 0x20, 0x60, 0x04, 0x55, 0x00]
        let c = Address(low: 0xc0de05)
        let r = try GuestRunner.run(pre: GuestRunner.preState([(c, code)]), fork: .cancun,
                                    txs: GuestRunner.calls([(c, calldata)]))
        func slot(_ k: UInt64) -> UInt256 { r.post.storage(c, UInt256(k)) }
        XCTAssertEqual(slot(2), UInt256(1))
        XCTAssertEqual(slot(3), UInt256(UInt64(n)))
        XCTAssertEqual(slot(0), UInt256(bigEndian: try Hex.decode("6f213ddf509fd85f05e7375b5bf1323dcb7cf28405e60659ecdfba8ced4f8452")))
        XCTAssertEqual(slot(1), UInt256(bigEndian: try Hex.decode("c7a08bf54c9eda5d1926fb69d99178c385c98d2db8ac6ff61c06fe2137cd744e")))
        XCTAssertEqual(slot(4), UInt256(bigEndian: try Hex.decode("c2f298fe66f441606f44b1dcd8c375c8bdb4c41519a5645e38296404385acfec")))
        for x in ["rv64", "rv32"] { XCTAssertEqual(r.guests[x], [.success], x) }
    }
}
