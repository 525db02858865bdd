import BinaryTree
import Execute
import GuestABI
import HostABI
import InputContainer
import RISCVTestSupport
import XCTest

/// Metering at the edges (docs/EXECUTE.md §3): calls refused before the guest runs still pay for the container
/// bytes and the witness decoding done; a call out of cycles reports exactly its budget; an incomplete witness
/// names the key or the sibling subtree it lacks.
final class MeteringTests: XCTestCase {
    func ok() -> Guest { var g = Guest(); g.exit(); return g }

    func testEarlyFailuresPayTheContainerBytes() {
        let bad: [UInt8] = [1, 2, 3]
        let r1 = runGuest(ok(), container: bad)
        XCTAssertEqual(r1.reason?.name, "badContainer")
        XCTAssertEqual(r1.cycles, 0)
        XCTAssertEqual(r1.gas, 16 * 3)

        let c = container(batch: [UInt8](repeating: 9, count: 40))
        let pre = [UInt8](repeating: 7, count: 32)
        let r2 = execute(ExecuteRequest(program: .elf(ok().elf()), container: c, claimedPostRoot: zeroRoot,
                                        expectedPreStateRoot: pre))
        XCTAssertEqual(r2.reason, .preStateRootMismatch(expected: pre, actual: zeroRoot))
        XCTAssertEqual(r2.gas, 16 * UInt64(c.count))

        let r3 = execute(ExecuteRequest(program: .elf([0x7F, 0x45]), container: c, claimedPostRoot: zeroRoot))
        XCTAssertEqual(r3.reason?.name, "badELF")
        XCTAssertEqual(r3.gas, 16 * UInt64(c.count))

        // 17 bytes of an unknown tag (0xEE): the decoding pass is charged, ⌈17 / 8⌉ = 3 cycles.
        let w = container(batch: [], extra: [(.witness, [UInt8](repeating: 0xEE, count: 17))])
        let r4 = runGuest(ok(), mode: .runtimeManaged, container: w)
        XCTAssertEqual(r4.reason?.name, "witnessInvalid")
        XCTAssertEqual(r4.cycles, 3)
        XCTAssertEqual(r4.gas, 16 * UInt64(w.count))
        XCTAssertEqual(r4.witnessBytes, 17)
    }

    func testOutOfCyclesReportsTheBudget() {
        // SECP256K1_VERIFY costs 20 050 cycles: with a budget of 5 000 the charge overshoots it.
        var g = Guest()
        g.call(.secp256k1Verify, Guest.data, Guest.data + 32, Guest.data + 96)
        g.exit()
        let r = runGuest(g, data: [UInt8](repeating: 1, count: 160), limits: ExecuteLimits(cycles: 5_000))
        XCTAssertEqual(r.reason, .outOfCycles)
        XCTAssertEqual(r.cycles, 5_000)
        XCTAssertLessThanOrEqual(r.instructions, r.cycles)
        XCTAssertEqual(r.gas, 50 + 16 * UInt64(container(batch: [1, 2, 3, 4, 5, 6, 7, 8, 9]).count))
    }

    func testMisalignedAccessesAreCounted() {
        // The guest declares no root (rootNotDeclared); the run's counts are reported all the same.
        // Three misaligned accesses (lw at +1, lh at +3, sw at +2) and two aligned ones (lw at +0, sw at +4).
        for xlen in [32, 64] {
            var g = Guest(xlen: xlen)
            g.p.li(Reg.t1, Guest.data)
            for w in [Asm.lw(Reg.t0, Reg.t1, 1), Asm.lh(Reg.t0, Reg.t1, 3), Asm.sw(Reg.t0, Reg.t1, 2),
                      Asm.lw(Reg.t0, Reg.t1, 0), Asm.sw(Reg.t0, Reg.t1, 4)] { g.p.emit(w) }
            g.exit()
            let r = runGuest(g)
            XCTAssertEqual(r.reason, .rootNotDeclared, "RV\(xlen): the guest ran to its exit")
            XCTAssertEqual(r.misalignedAccesses, 3, "RV\(xlen)")
        }
    }

    func testIncompleteSiblingNamesDepthAndPath() throws {
        let a = Bytes32([UInt8](repeating: 0, count: 32))!
        let b = Bytes32([0x80] + [UInt8](repeating: 0, count: 30) + [0xFF])!
        var tree = SHA256BinaryTree()
        tree.insert(a, Bytes32([UInt8](repeating: 0xAA, count: 32))!)
        tree.insert(b, Bytes32([UInt8](repeating: 0xBB, count: 32))!)
        var run = RecordingState(tree)
        _ = run.read(key: a)
        let state = try SHA256WitnessState(root: tree.root().bytes, witness: try run.witness().bytes)
        var backend = WitnessBackend(state)
        try a.bytes.withUnsafeBytes { try backend.write(key: $0.baseAddress!, value: nil) }
        var out = [UInt8](repeating: 0, count: 32)
        XCTAssertThrowsError(try out.withUnsafeMutableBytes { try backend.root(into: $0.baseAddress!) })
        let gap = try XCTUnwrap(backend.gap)
        XCTAssertEqual(gap, .witnessSiblingIncomplete(path: [0x80] + [UInt8](repeating: 0, count: 31), depth: 1))
        XCTAssertEqual(gap.name, "witnessIncomplete")
        XCTAssertEqual(gap.description, "witness incomplete: the subtree at depth 1, path 0b1, sibling of a removed stem, is opaque")

        // A key the witness does not cover is named as a key.
        var v = [UInt8](repeating: 0, count: 32)
        XCTAssertThrowsError(try b.bytes.withUnsafeBytes { k in try v.withUnsafeMutableBytes { _ = try backend.read(key: k.baseAddress!, value: $0.baseAddress!) } })
        XCTAssertEqual(backend.gap, .witnessIncomplete(key: b.bytes))
    }
}
