import BinaryTree
import Execute
import GuestABI
import InputContainer
import RISCVTestSupport
import XCTest

/// Hostile inputs never crash or hang the host (docs/EXECUTE.md §2): deterministic random mutations of a valid
/// container and ELF, and every truncation of the container.
final class HostileInputTests: XCTestCase {
    /// SplitMix64 (deterministic).
    struct Rng {
        var s: UInt64
        mutating func next() -> UInt64 {
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    func fixture() throws -> (elf: [UInt8], proof: ProverOutput) {
        let elf = RuntimeStateTests.stf().elf()
        let k1 = RuntimeStateTests.key(5), k2 = RuntimeStateTests.key(500), v = RuntimeStateTests.key(501)
        let proof = try Prover.prove(ProverInput(program: .elf(elf), sections: [(.batch, k2.bytes + v.bytes + k1.bytes)],
                                                 preState: SHA256BinaryTree(RuntimeStateTests.preEntries)))
        return (elf, proof)
    }

    func testMutatedContainersGiveFalse() throws {
        let (elf, proof) = try fixture()
        var rng = Rng(s: 7)
        for _ in 0..<150 {
            var c = proof.container
            for _ in 0..<(1 + rng.below(3)) {
                let i = rng.below(c.count)
                c[i] = c[i] ^ UInt8(1 + rng.below(255))
            }
            let r = execute(ExecuteRequest(program: .elf(elf), container: c, claimedPostRoot: proof.postRoot,
                                           limits: ExecuteLimits(cycles: 10_000_000)))
            if r.verdict {
                // Only bytes no rule reads may change without effect: the alignment padding of the container.
                XCTAssertThrowsError(try InputContainer(decoding: c), "mutation accepted") { _ in }
            }
        }
    }

    func testTruncatedContainersAreRejected() throws {
        let (elf, proof) = try fixture()
        for n in stride(from: 0, to: proof.container.count, by: 7) {
            let r = execute(ExecuteRequest(program: .elf(elf), container: Array(proof.container.prefix(n)),
                                           claimedPostRoot: proof.postRoot))
            XCTAssertEqual(r.reason?.name, "badContainer", "length \(n)")
        }
    }

    func testMutatedELFsNeverCrash() throws {
        let (elf, proof) = try fixture()
        var rng = Rng(s: 11)
        var outcomes: [String: Int] = [:]
        for _ in 0..<150 {
            var e = elf
            for _ in 0..<(1 + rng.below(4)) {
                let i = rng.below(e.count)
                e[i] = UInt8(truncatingIfNeeded: rng.next())
            }
            let r = execute(ExecuteRequest(program: .elf(e), container: proof.container, claimedPostRoot: proof.postRoot,
                                           limits: ExecuteLimits(cycles: 1_000_000, memory: 64 << 20)))
            outcomes[r.reason?.name ?? "true", default: 0] += 1
            if r.verdict { XCTAssertEqual(r.postRoot, proof.postRoot) }  // the output may differ: only the root counts
        }
        XCTAssertGreaterThan(outcomes["badELF", default: 0], 0)
    }
}

/// Host memory of the runtime-managed state is bounded by the memory limit (docs/EXECUTE.md §2).
final class StateGrowthTests: XCTestCase {
    func testManyNewStemsHitTheMemoryLimit() {
        var g = Guest()
        g.p.li(Reg.s1, 0); g.p.li(Reg.s2, 5000); g.p.li(Reg.s3, Guest.data)
        g.p.label("loop")
        g.p.emit(Asm.sb(Reg.s1, Reg.s3, 0), Asm.srli(Reg.t1, Reg.s1, 8), Asm.sb(Reg.t1, Reg.s3, 1))
        g.p.emit(Asm.addi(Reg.a0, Reg.s3, 0), Asm.addi(Reg.a1, Reg.s3, 32))
        g.p.syscall(Int64(NativeSyscall.stateWrite.rawValue))
        g.p.emit(Asm.addi(Reg.s1, Reg.s1, 1))
        g.p.branch(Asm.blt, Reg.s1, Reg.s2, to: "loop")
        g.exit()
        let small = runGuest(g, data: [UInt8](repeating: 0x5A, count: 64), mode: .runtimeManaged,
                             limits: ExecuteLimits(memory: 64 << 10))
        XCTAssertEqual(small.reason, .outOfMemory)
        // With the default limit the same run completes (and its root is then compared).
        let large = runGuest(g, data: [UInt8](repeating: 0x5A, count: 64), mode: .runtimeManaged)
        XCTAssertEqual(large.reason?.name, "rootMismatch")
    }
}
