import XCTest
import EVM
import EVMPrimitives

/// CODECOPY with a source offset past the code (Yellow Paper H.2 0x39: bytes beyond the code are zero) on both
/// guests. Regression: on rv32 the clamped offset Int32.max plus the loop index wrapped negative and the guest
/// trapped (state test VMTests/vmTests/envInfo d3, "codecopy_neg_offset").
final class CodeCopyGuestTests: XCTestCase {
    func testCodeCopyPastTheEndOfTheCode() throws {
        // A: CODECOPY(mem 0, src 2^256 - 6, len 8); SSTORE(0, MLOAD(0)) — envInfo d3's contract.
        let a: [UInt8] = [0x60, 0x08, 0x7f] + [UInt8](repeating: 0xff, count: 31) + [0xfa]
            + [0x60, 0x00, 0x39, 0x60, 0x00, 0x51, 0x60, 0x00, 0x55, 0x00]
        // B: CODECOPY(mem 0, src 12 = size - 2, len 8); SSTORE(0, MLOAD(0)): the last two code bytes (55 00), then zeros.
        let b: [UInt8] = [0x60, 0x08, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, 0x00, 0x51, 0x60, 0x00, 0x55, 0x00]
        XCTAssertEqual(b.count, 14)
        let (ca, cb) = (Address(low: 0xc0de0a), Address(low: 0xc0de0b))
        let r = try GuestRunner.run(pre: GuestRunner.preState([(ca, a), (cb, b)]), fork: .cancun,
                                    txs: GuestRunner.calls([(ca, []), (cb, [])], gasLimit: 100_000))
        XCTAssertEqual(r.post.storage(ca, .zero), .zero)
        XCTAssertEqual(r.post.storage(cb, .zero), UInt256(0x55) << 248)
        for x in ["rv64", "rv32"] { XCTAssertEqual(r.guests[x], [.success, .success], x) }
    }
}
