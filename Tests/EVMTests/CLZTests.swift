import XCTest
@testable import EVM
import EVMPrimitives
import NativeCrypto

/// EIP-7939 CLZ (0x1e): the number of leading zero bits of the 256-bit operand (256 for zero), 5 gas, Osaka only.
final class CLZTests: XCTestCase {
    /// PUSH32 x, CLZ, PUSH1 0, SSTORE, STOP.
    func clz(_ x: UInt256, fork: Fork = .osaka) -> (UInt256, TransactionResult?) {
        let code: [UInt8] = [0x7f] + x.bigEndianBytes + [0x1e, 0x60, 0x00, 0x55, 0x00]
        let (evm, r) = EVMHarness(code: code, fork: fork).call(gas: 100_000)
        guard case .success(let res) = r else { return (.zero, nil) }
        return (evm.state.storage(EVMHarness.contract, .zero), res)
    }

    func testValuesFromEIP() {
        XCTAssertEqual(clz(.zero).0, UInt256(256))
        XCTAssertEqual(clz(.one).0, UInt256(255))
        XCTAssertEqual(clz(UInt256(w0: 0, w1: 0, w2: 0, w3: 1 << 63)).0, .zero)
        XCTAssertEqual(clz(UInt256(w0: 0, w1: 0, w2: 0, w3: 1)).0, UInt256(63))
        XCTAssertEqual(clz(UInt256(w0: 0, w1: 0, w2: 1, w3: 0)).0, UInt256(127))
        XCTAssertEqual(clz(~UInt256.zero).0, .zero)
    }

    func testGasAndFork() {
        // 21000 + PUSH32 3 + CLZ 5 + PUSH1 3 + SSTORE of a non-zero value into a cold empty slot 22100.
        XCTAssertEqual(clz(.one).1?.gasUsed, 21000 + 3 + 5 + 3 + 22100)
        let (_, prague) = clz(.one, fork: .prague)
        XCTAssertEqual(prague?.halt, .invalidOpcode(0x1e))
        XCTAssertEqual(OpcodeInfo.table[0x1e].constantGas, 5)
    }
}
