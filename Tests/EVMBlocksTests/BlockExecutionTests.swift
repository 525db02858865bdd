import EVM
import EVMPrimitives
import NativeCrypto
import XCTest
@testable import EVMBlocks

final class BlockExecutionTests: XCTestCase {
    let a = Address(low: 0xaaaa)
    let b = Address(low: 0xbbbb)

    func testCumulativeGasIsCheckedAgainstTheBlockGasLimit() {
        var pre = InMemoryState()
        pre.entries[a] = .init(account: Account(balance: UInt256(1_000_000_000)), storage: [:])
        let block = testBlock(gasLimit: 50_000)
        let evm = EVM(state: JournaledState(backend: pre), crypto: NativeCryptoProvider(), fork: .cancun, block: block)
        var exec = BlockExecution(evm: evm, anchor: nil)
        let r1 = exec.apply(call(from: a, nonce: 0, to: b, value: UInt256(1), gas: 21_000))
        // 29000 left: a gas limit of 29001 does not fit, even though it is below the block gas limit.
        let r2 = exec.apply(call(from: a, nonce: 1, to: b, value: UInt256(1), gas: 29_001))
        let r3 = exec.apply(call(from: a, nonce: 1, to: b, value: UInt256(1), gas: 29_000))
        let r4 = exec.apply(call(from: a, nonce: 2, to: b, value: UInt256(1), gas: 21_000))
        XCTAssertEqual(r1, BlockReceipt(status: .success, gasUsed: 21_000, cumulativeGasUsed: 21_000, logs: []))
        XCTAssertEqual(r2, BlockReceipt(status: .invalid(.gasLimitAboveBlockGasLimit), gasUsed: 0, cumulativeGasUsed: 21_000, logs: []))
        XCTAssertEqual(r3, BlockReceipt(status: .success, gasUsed: 21_000, cumulativeGasUsed: 42_000, logs: []))
        XCTAssertEqual(r4.status, .invalid(.gasLimitAboveBlockGasLimit))
        XCTAssertEqual(exec.gasUsed, 42_000)
        XCTAssertEqual(exec.receipts.map(\.statusCode), [1, 0, 1, 0])
        var post = pre
        post.apply(evm.state)
        // Two transfers of 1 wei; effective price = base fee 7 + priority 2; coinbase gets 2 per gas.
        XCTAssertEqual(post.entries[a]!.account, Account(nonce: 2, balance: UInt256(1_000_000_000 - 2 - 42_000 * 9)))
        XCTAssertEqual(post.entries[b]!.account.balance, UInt256(2))
        XCTAssertEqual(post.entries[block.coinbase]!.account.balance, UInt256(42_000 * 2))
    }

    func testInvalidTransactionsAreRecordedAndSkipped() {
        var pre = InMemoryState()
        pre.entries[a] = .init(account: Account(balance: UInt256(1_000_000)), storage: [:])
        let evm = EVM(state: JournaledState(backend: pre), crypto: NativeCryptoProvider(), fork: .cancun, block: testBlock())
        var exec = BlockExecution(evm: evm, anchor: nil)
        XCTAssertEqual(exec.apply(call(from: a, nonce: 5, to: b, gas: 21_000)).status, .invalid(.nonceMismatch))
        XCTAssertEqual(exec.apply(call(from: a, nonce: 0, to: b, gas: 21_000, chainId: UInt256(2))).status, .invalid(.wrongChainId))
        XCTAssertEqual(exec.recordInvalid(.invalidSignature).status, .invalid(.invalidSignature))
        XCTAssertEqual(exec.gasUsed, 0)
        var post = pre
        post.apply(evm.state)
        XCTAssertEqual(post.entries, pre.entries)
    }
}
