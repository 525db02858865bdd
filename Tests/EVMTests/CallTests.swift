import XCTest
@testable import EVM
import EVMPrimitives
import NativeCrypto

/// Nested calls: revert isolation, static context, value transfer, SELFDESTRUCT per fork (EIP-6780).
final class CallTests: XCTestCase {
    static let callee = Address(low: 0xbeef)

    func account(_ code: [UInt8], balance: UInt256 = .zero) -> Account {
        Account(balance: balance, code: code, codeHash: UInt256(bigEndian: Keccak256.hash(code)))
    }

    /// CALL(gas, callee, value, 0, 0, 0, 32) then stores the success flag at slot 0 and the returned word at slot 1.
    func caller(value: UInt64 = 0, op: UInt8 = 0xf1) -> [UInt8] {
        var code = push(32) + push(0) + push(0) + push(0)
        if op == 0xf1 || op == 0xf2 { code += push(value) }
        code += push(Self.callee.lo) + push(100_000) + [op] + store(0) + push(0) + [0x51] + store(1)
        code += [0x3d] + store(2)  // RETURNDATASIZE
        return code
    }

    func testRevertedChildChangesAreUndone() {
        // Callee: SSTORE(0, 1), LOG0(0, 0), MSTORE(0, 0x2a), REVERT(0, 32).
        let callee = push(1) + push(0) + [0x55] + push(0) + push(0) + [0xa0] + push(0x2a) + push(0) + [0x52] + push(32) + push(0) + [0xfd]
        let h = EVMHarness(code: caller(), extra: [Self.callee: account(callee)])
        let (evm, r) = h.call()
        guard case .success(let res) = r else { return XCTFail() }
        XCTAssertTrue(res.success)
        XCTAssertEqual(evm.state.storage(EVMHarness.contract, 0), .zero)  // CALL returned 0
        XCTAssertEqual(evm.state.storage(EVMHarness.contract, 1), 0x2a)  // revert data copied to memory
        XCTAssertEqual(evm.state.storage(EVMHarness.contract, 2), 32)
        XCTAssertEqual(evm.state.storage(Self.callee, 0), .zero)
        XCTAssertTrue(res.logs.isEmpty)
    }

    func testStaticCallCannotWrite() {
        let callee = push(1) + push(0) + [0x55, 0x00]
        let h = EVMHarness(code: caller(op: 0xfa), extra: [Self.callee: account(callee)])
        let (evm, r) = h.call()
        guard case .success(let res) = r else { return XCTFail() }
        XCTAssertTrue(res.success)
        XCTAssertEqual(evm.state.storage(EVMHarness.contract, 0), .zero)
        XCTAssertEqual(evm.state.storage(EVMHarness.contract, 2), .zero)
    }

    func testValueTransferAndCallerOpcode() {
        // Callee stores CALLER and CALLVALUE.
        let callee = [0x33] + store(0) + [0x34] + store(1) + [0x00]
        let h = EVMHarness(code: caller(value: 5), extra: [Self.callee: account(callee)])
        var pre = h
        pre.pre.entries[EVMHarness.contract]!.account.balance = 100
        let (evm, r) = pre.call()
        guard case .success(let res) = r else { return XCTFail() }
        XCTAssertTrue(res.success)
        XCTAssertEqual(evm.state.storage(EVMHarness.contract, 0), .one)
        XCTAssertEqual(evm.state.storage(Self.callee, 0), EVMHarness.contract.word)
        XCTAssertEqual(evm.state.storage(Self.callee, 1), 5)
        XCTAssertEqual(evm.state.account(Self.callee).balance, 5)
        XCTAssertEqual(evm.state.account(EVMHarness.contract).balance, 95)
    }

    func testCallWithInsufficientBalanceFailsWithoutCallingAndReturnsGas() {
        let callee = push(1) + push(0) + [0x55, 0x00]
        let h = EVMHarness(code: caller(value: 5), extra: [Self.callee: account(callee)])
        let (evm, r) = h.call()
        guard case .success(let res) = r else { return XCTFail() }
        XCTAssertTrue(res.success)
        XCTAssertEqual(evm.state.storage(EVMHarness.contract, 0), .zero)
        XCTAssertEqual(evm.state.storage(Self.callee, 0), .zero)
    }

    func testSelfDestructOfPreExistingContract() {
        // Callee: SELFDESTRUCT(0x1234).
        let beneficiary = Address(low: 0x1234)
        let callee = push(0x1234) + [0xff]
        for fork in [Fork.shanghai, .cancun] {
            let h = EVMHarness(code: caller(), fork: fork, extra: [Self.callee: account(callee, balance: 77)])
            let (evm, r) = h.call()
            guard case .success(let res) = r else { return XCTFail() }
            XCTAssertTrue(res.success)
            XCTAssertEqual(evm.state.account(beneficiary).balance, 77)
            // Shanghai deletes the contract; Cancun (EIP-6780) keeps it (with zero balance).
            XCTAssertEqual(evm.state.exists(Self.callee), fork == .cancun, "\(fork)")
            XCTAssertEqual(evm.state.account(Self.callee).balance, .zero)
        }
    }
}
