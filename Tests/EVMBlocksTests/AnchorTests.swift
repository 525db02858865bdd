import EVM
import EVMPrimitives
import NativeCrypto
import XCTest
@testable import EVMBlocks

final class AnchorTests: XCTestCase {
    let user = Address(low: 0x1234_5678)

    func state(withAnchor: Bool) -> InMemoryState {
        var s = InMemoryState()
        s.entries[user] = .init(account: Account(balance: UInt256(10_000_000_000)), storage: [:])
        if withAnchor { s.entries[L1Anchor.address] = .init(account: contractAccount(AnchorContract.code), storage: [:]) }
        return s
    }

    func testBytecodeEqualsTheHandAssembledListing() {
        // Listing in docs/EVMBLOCKS.md §1, offsets computed by hand: get 0x26, found 0x3f, fail 0x4b, set 0x4f, setok 0x5b.
        let expected = "33" + "73" + String(repeating: "ff", count: 19) + "fe" + "14" + "61004f57"
            + "6020361461002657" + "5f5ffd" + "5b" + "5f35801561004b57" + "611fff8106"
            + "9081541461003f57" + "5f5ffd" + "5b" + "611fff01545f5260205ff3" + "5b5f5ffd"
            + "5b6020361461005b57" + "5f5ffd" + "5b611fff43064381555f3590611fff015500"
        XCTAssertEqual(hexString(AnchorContract.code), expected)
        XCTAssertEqual(AnchorContract.code.count, 0x6d)
    }

    func testSystemCallStoresTheAnchorInTheRingBuffer() {
        let anchor = Keccak256.hash(Array("some L1 block hash".utf8))
        let number: UInt64 = 20_000      // 20000 mod 8191 = 3618 (hand-computed), anchor slot 3618 + 8191 = 11809
        let pre = state(withAnchor: true)
        let evm = EVM(state: JournaledState(backend: pre), crypto: NativeCryptoProvider(), fork: .cancun,
                      block: testBlock(number: number))
        let exec = BlockExecution(evm: evm, anchor: anchor)
        XCTAssertTrue(exec.anchorCall.ran)
        XCTAssertTrue(exec.anchorCall.success)
        XCTAssertEqual(exec.gasUsed, 0, "the system call is not counted against the block")
        var post = pre
        post.apply(evm.state)
        let storage = post.entries[L1Anchor.address]!.storage
        XCTAssertEqual(storage, [UInt256(3618): UInt256(20_000), UInt256(11809): UInt256(bigEndian: anchor)])
        // SYSTEM_ADDRESS is neither created nor charged; the user is untouched.
        XCTAssertNil(post.entries[SystemCall.systemAddress])
        XCTAssertEqual(post.entries[user], pre.entries[user])
        // Hand count along the set path: two fresh SSTOREs 2 × (20000 + 2100 cold) = 44200, plus
        // CALLER 2, PUSH20 3, EQ 3, PUSH2 3, JUMPI 10, JUMPDEST 1, PUSH1 3, CALLDATASIZE 2, EQ 3, PUSH2 3, JUMPI 10,
        // JUMPDEST 1, PUSH2 3, NUMBER 2, MOD 5, NUMBER 2, DUP2 3, PUSH0 2, CALLDATALOAD 3, SWAP1 3, PUSH2 3, ADD 3 = 73.
        XCTAssertEqual(exec.anchorCall.gasUsed, 44_273)
    }

    func testContractReturnsTheAnchorToOtherCallersAndRevertsOtherwise() throws {
        let anchor = [UInt8](repeating: 0xab, count: 31) + [0xcd]
        let pre = state(withAnchor: true)
        let evm = EVM(state: JournaledState(backend: pre), crypto: NativeCryptoProvider(), fork: .cancun,
                      block: testBlock(number: 8191 + 5))
        var exec = BlockExecution(evm: evm, anchor: anchor)
        // get(8196) → the anchor.
        var r = exec.apply(call(from: user, nonce: 0, to: L1Anchor.address, data: UInt256(8196).bigEndianBytes))
        XCTAssertEqual(r.status, .success)
        // get(5): same ring slot (5 = 8196 mod 8191) but another number → revert.
        r = exec.apply(call(from: user, nonce: 1, to: L1Anchor.address, data: UInt256(5).bigEndianBytes))
        XCTAssertEqual(r.status, .failure)
        // get(0) and a short calldata revert.
        r = exec.apply(call(from: user, nonce: 2, to: L1Anchor.address, data: UInt256(0).bigEndianBytes))
        XCTAssertEqual(r.status, .failure)
        r = exec.apply(call(from: user, nonce: 3, to: L1Anchor.address, data: [1, 2, 3]))
        XCTAssertEqual(r.status, .failure)
        // The returned value itself, through transact's output.
        let out = try evm.transact(call(from: user, nonce: 4, to: L1Anchor.address, data: UInt256(8196).bigEndianBytes))
        XCTAssertTrue(out.success)
        XCTAssertEqual(out.output, anchor)
    }

    func testNoCodeMeansNoCallAndNoStateChange() {
        let pre = state(withAnchor: false)
        let evm = EVM(state: JournaledState(backend: pre), crypto: NativeCryptoProvider(), fork: .cancun, block: testBlock())
        let exec = BlockExecution(evm: evm, anchor: [UInt8](repeating: 1, count: 32))
        XCTAssertFalse(exec.anchorCall.ran)
        var post = pre
        post.apply(evm.state)
        XCTAssertEqual(post.entries.count, pre.entries.count)
        XCTAssertEqual(post.stateRoot(NativeCryptoProvider()), pre.stateRoot(NativeCryptoProvider()))
    }

    func testAbsentAnchorMakesNoCall() {
        let pre = state(withAnchor: true)
        let evm = EVM(state: JournaledState(backend: pre), crypto: NativeCryptoProvider(), fork: .cancun, block: testBlock())
        let exec = BlockExecution(evm: evm, anchor: nil)
        XCTAssertFalse(exec.anchorCall.ran)
        var post = pre
        post.apply(evm.state)
        XCTAssertEqual(post.entries[L1Anchor.address]!.storage, [:])
    }
}
