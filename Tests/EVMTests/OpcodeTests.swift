import XCTest
@testable import EVM
import EVMPrimitives
import NativeCrypto

/// Per-opcode-family tests with hand-computed results and gas (Yellow Paper Appendix G/H, EIP-2929 costs).
final class OpcodeTests: XCTestCase {
    func run(_ code: [UInt8], fork: Fork = .cancun, gas: UInt64 = 1_000_000) -> (EVM<InMemoryState, NativeCryptoProvider, L1Variant>, TransactionResult) {
        let (evm, r) = EVMHarness(code: code, fork: fork).call(gas: gas)
        guard case .success(let res) = r else {
            XCTFail("transaction rejected")
            return (evm, TransactionResult(gasUsed: 0, success: false, output: [], logs: [], halt: nil))
        }
        return (evm, res)
    }

    func slot(_ evm: EVM<InMemoryState, NativeCryptoProvider, L1Variant>, _ k: UInt64) -> UInt256 {
        evm.state.storage(EVMHarness.contract, UInt256(k))
    }

    func testAddAndSstoreGas() {
        // PUSH1 2, PUSH1 3, ADD, PUSH1 0, SSTORE: 3+3+3+3 + (2100 cold + 20000 set) = 22112, plus 21000.
        let (evm, r) = run(push(2) + push(3) + [0x01] + store(0))
        XCTAssertTrue(r.success)
        XCTAssertEqual(slot(evm, 0), 5)
        XCTAssertEqual(r.gasUsed, 21000 + 22112)
    }

    func testArithmeticEdgeCases() {
        var code: [UInt8] = []
        code += push(1) + push(0) + [0x03] + store(0)  // 0 - 1 = 2^256-1
        code += push(0) + push(7) + [0x04] + store(1)  // 7 / 0 = 0
        code += push32(.max) + push32(.signBit) + [0x05] + store(2)  // MIN / -1 = MIN
        code += push(3) + push(7) + [0x06] + store(3)  // 7 mod 3 = 1
        code += push(10) + push(9) + push(8) + [0x09] + store(4)  // 8*9 mod 10 = 2
        code += push32(.max) + push(0) + [0x0b] + store(5)  // SIGNEXTEND(b=0, x=max) = max
        code += push(0xff) + push(0) + [0x0b] + store(6)  // SIGNEXTEND(b=0, x=0xff) = -1
        code += push(0x7f) + push(0xff) + [0x0b] + store(8)  // SIGNEXTEND(b=0xff, x=0x7f): b ≥ 31 keeps x
        code += push32(.signBit) + push(1) + [0x1d] + store(7)  // SAR(shift=1, MIN)
        let (evm, r) = run(code)
        XCTAssertTrue(r.success)
        XCTAssertEqual(slot(evm, 0), .max)
        XCTAssertEqual(slot(evm, 1), .zero)
        XCTAssertEqual(slot(evm, 2), .signBit)
        XCTAssertEqual(slot(evm, 3), 1)
        XCTAssertEqual(slot(evm, 4), 2)
        XCTAssertEqual(slot(evm, 5), .max)
        XCTAssertEqual(slot(evm, 6), .max)
        XCTAssertEqual(slot(evm, 8), 0x7f)
        XCTAssertEqual(slot(evm, 7), UInt256(w0: 0, w1: 0, w2: 0, w3: 0xc000_0000_0000_0000))
    }

    func testExpGas() {
        // EXP(2, 256) = 0; gas 10 + 50 * 2 bytes of exponent.
        let code = push(256) + push(2) + [0x0a, 0x00]
        let (_, r) = run(code)
        XCTAssertEqual(r.gasUsed, 21000 + 3 + 3 + 10 + 100)
    }

    func testMemoryExpansionAndMsize() {
        // PUSH1 42, PUSH1 0, MSTORE (3 + 3 memory), PUSH1 0, MLOAD, PUSH1 0, SSTORE; MSIZE, PUSH1 1, SSTORE
        let code = push(42) + push(0) + [0x52] + push(0) + [0x51] + store(0) + [0x59] + store(1)
        let (evm, r) = run(code)
        XCTAssertEqual(slot(evm, 0), 42)
        XCTAssertEqual(slot(evm, 1), 32)
        // pushes: 3×5 (42,0,0,slot0,slot1) + MSTORE 3+3 + MLOAD 3 + MSIZE 2 + 2 × 22100
        XCTAssertEqual(r.gasUsed, 21000 + 15 + 6 + 3 + 2 + 44200)
    }

    func testSstoreRefundWhenRestoringZero() {
        // SSTORE(0, 1) then SSTORE(0, 0): 22100 + 100, refund 19900 capped at gasUsed/5.
        let code = push(1) + store(0) + push(0) + store(0)
        let (evm, r) = run(code)
        XCTAssertEqual(slot(evm, 0), .zero)
        let used: Int64 = 21000 + 12 + 22100 + 100
        XCTAssertEqual(r.gasUsed, used - min(19900, used / 5))
    }

    func testTransientStorageIsPerTransaction() {
        // TSTORE(1, 7), TLOAD(1) → slot 0.
        let code = push(7) + push(1) + [0x5d] + push(1) + [0x5c] + store(0)
        let (evm, r) = run(code)
        XCTAssertTrue(r.success)
        XCTAssertEqual(slot(evm, 0), 7)
        XCTAssertEqual(evm.state.transientStorage(EVMHarness.contract, 1), .zero)  // cleared at tx end
    }

    func testInvalidJumpConsumesAllGas() {
        let (_, r) = run(push(3) + [0x56, 0x00, 0x5b], gas: 50_000)
        XCTAssertFalse(r.success)
        XCTAssertEqual(r.halt, .invalidJump)
        XCTAssertEqual(r.gasUsed, 50_000)
    }

    func testJumpIntoPushDataIsInvalid() {
        // PUSH1 4, JUMP, PUSH1 0x5b (the 0x5b at offset 4 is push data), STOP
        let (_, r) = run(push(4) + [0x56] + [0x60, 0x5b, 0x00], gas: 50_000)
        XCTAssertEqual(r.halt, .invalidJump)
    }

    func testPush0ByFork() {
        let code: [UInt8] = [0x5f, 0x00]
        XCTAssertTrue(run(code, fork: .shanghai).1.success)
        XCTAssertEqual(run(code, fork: .shanghai).1.gasUsed, 21002)
        let (_, r) = run(code, fork: .paris, gas: 40_000)
        XCTAssertEqual(r.halt, .invalidOpcode(0x5f))
        XCTAssertEqual(r.gasUsed, 40_000)
    }

    func testStackUnderflow() {
        let (_, r) = run([0x01], gas: 30_000)
        XCTAssertEqual(r.halt, .stackUnderflow)
    }

    func testMcopyOverlapping() {
        // MSTORE(0, 0x0102…20), MCOPY(dst 1, src 0, 31), MLOAD(0) → 0x01 01 02 … 1f
        var word = [UInt8](1...32)
        let code = push32(UInt256(bigEndian: word)) + push(0) + [0x52] + push(31) + push(0) + push(1) + [0x5e]
            + push(0) + [0x51] + store(0)
        let (evm, r) = run(code)
        XCTAssertTrue(r.success)
        word = [1] + Array(word[0..<31])
        XCTAssertEqual(slot(evm, 0), UInt256(bigEndian: word))
    }

    func testEnvironmentOpcodes() {
        let code = [0x33] + store(0) + [0x30] + store(1) + [0x46] + store(2) + [0x48] + store(3) + [0x44] + store(4)
            + [0x3a] + store(5) + [0x43] + store(6) + [0x4a] + store(7)
        let (evm, r) = run(code)
        XCTAssertTrue(r.success)
        XCTAssertEqual(slot(evm, 0), EVMHarness.sender.word)
        XCTAssertEqual(slot(evm, 1), EVMHarness.contract.word)
        XCTAssertEqual(slot(evm, 2), 1)
        XCTAssertEqual(slot(evm, 3), 7)
        XCTAssertEqual(slot(evm, 4), 0x1234)
        XCTAssertEqual(slot(evm, 5), 10)
        XCTAssertEqual(slot(evm, 6), 1)
        XCTAssertEqual(slot(evm, 7), 1)  // blob base fee at zero excess blob gas
    }

    func testFeesAndBurn() {
        // Empty call: 21000 gas at price 10, base fee 7: coinbase gets 21000 * 3; sender pays 210000.
        let (evm, r) = EVMHarness(code: [0x00]).call()
        guard case .success(let res) = r else { return XCTFail() }
        XCTAssertEqual(res.gasUsed, 21000)
        XCTAssertEqual(evm.state.account(EVMHarness.coinbase).balance, UInt256(21000 * 3))
        XCTAssertEqual(evm.state.account(EVMHarness.sender).balance, (UInt256(1) << 100) &- UInt256(210_000))
        XCTAssertEqual(evm.state.account(EVMHarness.sender).nonce, 1)
    }

    func testInvalidTransactionsAreRejected() {
        let h = EVMHarness(code: [0x00])
        if case .failure(let e) = h.call(gas: 20_000).1 { XCTAssertEqual(e, .intrinsicGasTooLow) } else { XCTFail() }
        if case .failure(let e) = h.call(gas: 40_000_000).1 { XCTAssertEqual(e, .gasLimitAboveBlockGasLimit) } else { XCTFail() }
        if case .failure(let e) = h.call(value: UInt256(1) << 101).1 { XCTAssertEqual(e, .insufficientFunds) } else { XCTFail() }
    }
}
