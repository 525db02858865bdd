import EVMPrimitives
import Execute
import GuestABI
import HostABI
import RISCVTestSupport
import XCTest

/// Semantics and error paths of the native syscalls (docs/ABI.md §3), observed through COMMIT.
final class NativeSyscallSemanticsTests: XCTestCase {
    func testProbeInputMapAndAbsentSection() {
        for xlen in [32, 64] {
            var g = Guest(xlen: xlen)
            g.call(.probe); g.save(0); g.save(1, Reg.a1)
            g.call(.inputMap, 1); g.save(2); g.save(3, Reg.a1)
            g.call(.inputMap, 0); g.save(4); g.save(5, Reg.a1)
            g.call(.inputMap, 4); g.save(6)   // CONFIG absent
            g.call(.inputMap, 99); g.save(7)
            g.call(0x1fff); g.save(8)         // unknown native number
            g.commitSlots(9); g.exit()
            let c = container(batch: [1, 2, 3, 4, 5, 6, 7, 8, 9])
            let r = runGuest(g, container: c)
            XCTAssertEqual(words(r.output), [0x5256_5831, 1, 0x4000_0000 + 72, 9, 0x4000_0000, Int64(c.count), -2, -2, -38], "RV\(xlen)")
            XCTAssertEqual(r.reason, .rootNotDeclared)
        }
    }

    func testInputReadCopiesAndReportsFullSize() {
        var g = Guest()
        let buf = Guest.data
        g.call(.inputRead, 1, buf, 4, 2); g.save(0)                // batch[2..<6]
        g.call(.inputRead, 1, buf + 8, 100, 7); g.save(1)          // batch[7..<9]: short copy
        g.call(.inputRead, 1, 0, 0, 0); g.save(2)                  // size query, no buffer
        g.call(.inputRead, 1, 0, 4, Int64.max); g.save(3)          // huge offset: nothing copied, no fault
        g.call(.inputRead, 1, 0, 4, 0); g.save(4)                  // bad buffer → -EFAULT
        g.call(.inputRead, 1, -16, 32, 0); g.save(5)               // wrapping buffer → -EFAULT
        g.call(.inputRead, 5, buf, 4, 0); g.save(6)                // absent → -ENOENT
        g.call(.inputRead, 1, 0x10000, 4, 0); g.save(7)            // text is not writable → -EFAULT
        g.call(.commit, buf, 16); g.commitSlots(8); g.exit()
        let r = runGuest(g, batch: [10, 11, 12, 13, 14, 15, 16, 17, 18])
        XCTAssertEqual(Array(r.output[0..<16]), [12, 13, 14, 15, 0, 0, 0, 0, 17, 18, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(words(Array(r.output[16...])), [9, 9, 9, 9, -14, -14, -2, -14])
    }

    func testFdZeroServesTheContainer() {
        var g = Guest()
        g.call(LinuxSyscall.read, 0, Guest.data, 8); g.save(0)
        g.call(.commit, Guest.data, 8); g.commitSlots(1); g.exit()
        let r = runGuest(g)
        XCTAssertEqual(Array(r.output[0..<8]), [0x52, 0x56, 0x58, 0x45, 0x58, 0x45, 0x43, 0x00])
        XCTAssertEqual(words(Array(r.output[8...])), [8])
    }

    func testCommitWriteAliasDebugAndKeccakOfOutput() {
        var g = Guest()
        g.call(.commit, Guest.data, 3); g.save(0)
        g.call(LinuxSyscall.write, 3, Guest.data + 3, 2); g.save(1)
        g.call(.debugPrint, Guest.data, 5); g.save(2)
        g.call(.commit, 0, 4); g.save(3)
        g.call(LinuxSyscall.write, 4, Guest.data, 1); g.save(4)   // other fds: EBADF as before
        g.call(.commit, Guest.slots, 40); g.exit()
        let r = runGuest(g, data: Array("abcde".utf8))
        XCTAssertEqual(Array(r.output[0..<5]), Array("abcde".utf8))
        XCTAssertEqual(words(Array(r.output[5...])), [3, 2, 0, -14, -9])
        XCTAssertEqual(r.debugOutput, Array("abcde".utf8))
        XCTAssertEqual(r.outputKeccak, Keccak256.hash(r.output))
    }

    func testCommitBeyondTheCapStops() {
        var g = Guest()
        g.call(.commit, Guest.data, 4)
        g.call(.commit, Guest.data, 1)
        g.exit()
        let r = runGuest(g, limits: ExecuteLimits(output: 4))
        XCTAssertFalse(r.verdict)
        XCTAssertEqual(r.reason, .outputLimitExceeded)
        XCTAssertEqual(r.output.count, 4)
    }

    func testHugeLengthIsChargedBeforeWorkAndFaults() {
        var g = Guest()
        g.call(.keccak256, Guest.data, 1 << 40, Guest.data)
        g.exit()
        XCTAssertEqual(runGuest(g).reason, .outOfCycles)
        var h = Guest()
        h.call(.keccak256, Guest.data, 1 << 40, Guest.data); h.save(0)
        h.call(.sha256, -16, 32, Guest.data); h.save(1)
        h.call(.keccak256, Guest.data, 3, 0x10000); h.save(2)  // output into text: not writable
        h.commitSlots(3); h.exit()
        let r = runGuest(h, limits: ExecuteLimits(cycles: .max))
        XCTAssertEqual(words(r.output), [-14, -14, -14])
    }

    func testCycleCountAndBaseCost() {
        var g = Guest()
        g.call(.cycleCount); g.p.emit(Asm.addi(Reg.s1, Reg.a0, 0))
        g.call(.cycleCount); g.save(0); g.save(1, Reg.s1)
        g.commitSlots(2); g.exit()
        let w = words(runGuest(g).output)
        // mv (1) + li a7, 0x1041 (lui+addiw: 2) + ecall (1) + base 50.
        XCTAssertEqual(w[0] - w[1], 54)
    }

    func testPostRootRules() {
        let root = [UInt8](repeating: 0xAB, count: 32)
        var once = Guest(); once.call(.postRoot, Guest.data); once.exit()
        XCTAssertTrue(runGuest(once, data: root, claimed: root).verdict)
        let mismatch = runGuest(once, data: root, claimed: zeroRoot)
        XCTAssertEqual(mismatch.reason, .rootMismatch(expected: zeroRoot, actual: root))
        var twice = Guest(); twice.call(.postRoot, Guest.data); twice.call(.postRoot, Guest.data); twice.exit()
        XCTAssertEqual(runGuest(twice, data: root, claimed: root).reason, .postRootDeclaredTwice)
        var none = Guest(); none.exit()
        XCTAssertEqual(runGuest(none).reason, .rootNotDeclared)
        var bad = Guest(); bad.call(.postRoot, 0); bad.save(0); bad.commitSlots(1); bad.exit()
        XCTAssertEqual(words(runGuest(bad).output), [-14])
        // Runtime-managed: POST_ROOT is not available; in guest-managed mode the state calls are not.
        var rt = Guest(); rt.call(.postRoot, Guest.data); rt.save(0); rt.commitSlots(1); rt.exit()
        XCTAssertEqual(words(runGuest(rt, mode: .runtimeManaged).output), [-38])
        var gm = Guest(); gm.call(.stateRead, Guest.data, Guest.data); gm.save(0)
        gm.call(.stateRoot, Guest.data); gm.save(1); gm.commitSlots(2); gm.exit()
        XCTAssertEqual(words(runGuest(gm).output), [-38, -38])
    }
}
