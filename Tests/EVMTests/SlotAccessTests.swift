import XCTest
@testable import EVM
import EVMPrimitives

/// The transaction's per-slot facts of `JournaledState` (one access record per slot): EIP-2929 warmth, which a
/// revert undoes, and EIP-2200's original value, which is the value at the start of the transaction.
final class SlotAccessTests: XCTestCase {
    let a = Address(low: 0xabc)

    /// Slot 1 holds 7 in the backend; slot 2 is empty.
    func state() -> JournaledState<InMemoryState> {
        var pre = InMemoryState()
        pre.entries[a] = .init(account: Account(nonce: 1), storage: [1: 7])
        return JournaledState(backend: pre)
    }

    func testOriginalValueStaysWhileTheTransactionWritesAndResetsAfterIt() {
        var s = state()
        var r = s.storageForWrite(a, 1)
        XCTAssertEqual(r.original, 7); XCTAssertEqual(r.current, 7); XCTAssertTrue(r.cold)
        s.setStorage(a, 1, 8, current: r.current)
        r = s.storageForWrite(a, 1)
        XCTAssertEqual(r.original, 7); XCTAssertEqual(r.current, 8); XCTAssertFalse(r.cold)
        s.setStorage(a, 1, 9, current: r.current)
        XCTAssertEqual(s.originalStorage(a, 1), 7)
        s.endTransaction()
        // The next transaction starts from 9, and the slot is cold again.
        r = s.storageForWrite(a, 1)
        XCTAssertEqual(r.original, 9); XCTAssertEqual(r.current, 9); XCTAssertTrue(r.cold)
    }

    func testRevertMakesTheSlotColdAndKeepsTheOriginalValue() {
        var s = state()
        let snap = s.snapshot
        XCTAssertEqual(s.loadStorage(a, 1).cold, true)
        var r = s.storageForWrite(a, 1)
        XCTAssertFalse(r.cold)
        s.setStorage(a, 1, 0, current: r.current)
        s.revert(to: snap)
        XCTAssertEqual(s.storage(a, 1), 7)
        XCTAssertFalse(s.warmSlots.contains(SlotKey(a, 1)))
        r = s.storageForWrite(a, 1)
        XCTAssertEqual(r.original, 7); XCTAssertEqual(r.current, 7); XCTAssertTrue(r.cold)
    }

    func testAccessListWarmsWithoutReading() {
        var s = state()
        XCTAssertTrue(s.warmSlot(a, 2))   // EIP-2930 access list: cold → warm, no value read
        XCTAssertFalse(s.warmSlot(a, 2))
        let r = s.storageForWrite(a, 2)
        XCTAssertEqual(r.original, 0); XCTAssertEqual(r.current, 0); XCTAssertFalse(r.cold)
        XCTAssertEqual(s.loadStorage(a, 1).cold, true)
        XCTAssertEqual(s.warmSlots, [SlotKey(a, 1), SlotKey(a, 2)])
    }

    func testAccountCreatedInTheTransactionHasZeroOriginals() {
        var s = state()
        let b = Address(low: 0xdef)
        s.markCreated(b)
        s.setStorage(b, 1, 5)
        let r = s.storageForWrite(b, 1)
        XCTAssertEqual(r.original, 0); XCTAssertEqual(r.current, 5)
        XCTAssertEqual(s.originalStorage(b, 1), 0)
    }
}
