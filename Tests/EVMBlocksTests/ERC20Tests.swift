import EVM
import EVMPrimitives
import NativeCrypto
import XCTest
@testable import EVMBlocks

final class ERC20Tests: XCTestCase {
    let token = Address(low: 0xe20)
    let alice = Address(hi: 0xa11c_e000, mid: 0x1111_2222_3333_4444, lo: 0x5555_6666_7777_8888)
    let bob = Address(hi: 0x0b0b_0000, mid: 1, lo: 2)

    /// Solidity's mapping slot written out independently: keccak256 of the 12 zero bytes, the 20 address bytes,
    /// then 32 zero bytes.
    func slot(_ a: Address) -> UInt256 {
        var preimage = [UInt8](repeating: 0, count: 64)
        for (i, b) in a.bytes.enumerated() { preimage[12 + i] = b }
        return UInt256(bigEndian: Keccak256.hash(preimage))
    }

    func run(_ txs: [Transaction], aliceTokens: UInt256 = UInt256(1000), bobTokens: UInt256 = UInt256(5))
        -> (InMemoryState, [TransactionResult]) {
        var pre = InMemoryState()
        pre.entries[alice] = .init(account: Account(balance: UInt256(100_000_000)), storage: [:])
        pre.entries[token] = .init(account: contractAccount(ERC20Contract.code),
                                   storage: [slot(alice): aliceTokens, slot(bob): bobTokens])
        let evm = EVM(state: JournaledState(backend: pre), crypto: NativeCryptoProvider(), fork: .cancun, block: testBlock())
        var results: [TransactionResult] = []
        for tx in txs { results.append(try! evm.transact(tx)) }
        var post = pre
        post.apply(evm.state)
        return (post, results)
    }

    func testTransferTopicIsThePublishedConstant() {
        XCTAssertEqual(hexString(ERC20Contract.transferTopic),
                       "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")
        XCTAssertEqual(ERC20Contract.balanceSlot(alice), slot(alice))
    }

    func testTransferMovesBalanceEmitsTransferAndReturnsTrue() {
        let data = ERC20Contract.transferCalldata(to: bob, amount: UInt256(300))
        XCTAssertEqual(data.count, 68)
        let (post, r) = run([call(from: alice, nonce: 0, to: token, data: data)])
        XCTAssertTrue(r[0].success)
        XCTAssertEqual(r[0].output, UInt256.one.bigEndianBytes)
        XCTAssertEqual(post.entries[token]!.storage, [slot(alice): UInt256(700), slot(bob): UInt256(305)])
        XCTAssertEqual(r[0].logs.count, 1)
        XCTAssertEqual(r[0].logs[0].address, token)
        XCTAssertEqual(r[0].logs[0].topics, [UInt256(bigEndian: ERC20Contract.transferTopic), alice.word, bob.word])
        XCTAssertEqual(r[0].logs[0].data, UInt256(300).bigEndianBytes)
    }

    func testTransferOfTheWholeBalanceToANewHolderAndToSelf() {
        let carol = Address(low: 0xca201)
        let (post, r) = run([
            call(from: alice, nonce: 0, to: token, data: ERC20Contract.transferCalldata(to: carol, amount: UInt256(1000))),
            call(from: alice, nonce: 1, to: token, data: ERC20Contract.transferCalldata(to: alice, amount: UInt256(0))),
        ])
        XCTAssertTrue(r[0].success)
        XCTAssertTrue(r[1].success)
        // Alice's slot becomes zero (removed from storage), Carol's is created.
        XCTAssertEqual(post.entries[token]!.storage, [slot(carol): UInt256(1000), slot(bob): UInt256(5)])
    }

    func testRevertsLeaveStorageUnchanged() {
        let big = UInt256.max &- UInt256(2)
        let (post, r) = run([
            call(from: alice, nonce: 0, to: token, data: ERC20Contract.transferCalldata(to: bob, amount: UInt256(1001))),
            call(from: alice, nonce: 1, to: token, data: Array(ERC20Contract.transferCalldata(to: bob, amount: UInt256(1)).prefix(67))),
            call(from: alice, nonce: 2, to: token, data: ERC20Contract.transferSelector + [UInt8](repeating: 0xff, count: 64)),
            call(from: alice, nonce: 3, to: token, data: [0xde, 0xad, 0xbe, 0xef]),
            // Bob holds 2^256 − 3: Alice's 5 would overflow his balance.
            call(from: alice, nonce: 4, to: token, data: ERC20Contract.transferCalldata(to: bob, amount: UInt256(5))),
        ], bobTokens: big)
        for (i, x) in r.enumerated() {
            XCTAssertFalse(x.success, "tx \(i)")
            XCTAssertTrue(x.logs.isEmpty)
        }
        XCTAssertEqual(post.entries[token]!.storage, [slot(alice): UInt256(1000), slot(bob): big])
        XCTAssertEqual(post.entries[alice]!.account.nonce, 5)
    }

    func testBalanceOfReturnsTheStoredBalance() {
        let (_, r) = run([call(from: alice, nonce: 0, to: token, data: ERC20Contract.balanceOfCalldata(bob))],
                         bobTokens: UInt256(77_777))
        XCTAssertTrue(r[0].success)
        XCTAssertEqual(r[0].output, UInt256(77_777).bigEndianBytes)
    }
}
