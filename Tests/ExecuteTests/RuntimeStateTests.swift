import BinaryTree
import Execute
import GuestABI
import HostABI
import InputContainer
import RISCVTestSupport
import XCTest

/// Runtime-managed state end to end: prover → container → verifier, tampering, incomplete and invalid
/// witnesses (docs/EXECUTE.md §2, §5; docs/STATE.md).
final class RuntimeStateTests: XCTestCase {
    /// STF: batch = key2 ‖ value ‖ key1. Reads key1, writes key2 := value and key1 := key2, commits
    /// the value read ‖ STATE_ROOT.
    static func stf(xlen: Int = 64) -> Guest {
        var g = Guest(xlen: xlen)
        g.call(.inputMap, 1); g.p.emit(Asm.addi(Reg.s1, Reg.a0, 0))
        g.p.emit(Asm.addi(Reg.a0, Reg.s1, 64)); g.p.li(Reg.a1, Guest.data); g.p.syscall(Int64(NativeSyscall.stateRead.rawValue))
        g.save(0)
        g.p.emit(Asm.addi(Reg.a0, Reg.s1, 0), Asm.addi(Reg.a1, Reg.s1, 32)); g.p.syscall(Int64(NativeSyscall.stateWrite.rawValue))
        g.p.emit(Asm.addi(Reg.a0, Reg.s1, 64), Asm.addi(Reg.a1, Reg.s1, 0)); g.p.syscall(Int64(NativeSyscall.stateWrite.rawValue))
        g.call(.stateRoot, Guest.data + 32)
        g.call(.commit, Guest.data, 64); g.commitSlots(1); g.exit()
        return g
    }

    static func key(_ i: Int) -> Bytes32 {
        Bytes32(EVMPrimitivesKeccak([UInt8(i & 0xFF), UInt8(i >> 8)]))!
    }

    static let preEntries: [Bytes32: Bytes32] = {
        var e: [Bytes32: Bytes32] = [:]
        for i in 0..<40 { e[key(i)] = key(1000 + i) }
        // Two keys on one stem.
        e[Bytes32(stem: key(3).stem, subindex: 9)] = key(77)
        return e
    }()

    let key1 = key(5), key2 = key(500), value = key(501)
    var batch: [UInt8] { key2.bytes + value.bytes + key1.bytes }

    func prove(xlen: Int = 64) throws -> ProverOutput {
        try Prover.prove(ProverInput(program: .elf(Self.stf(xlen: xlen).elf()), sections: [(.batch, batch)],
                                     preState: SHA256BinaryTree(Self.preEntries)))
    }

    func expectedPost() -> SHA256BinaryTree {
        var t = SHA256BinaryTree(Self.preEntries)
        t.insert(key2, value)
        t.insert(key1, key2)
        return t
    }

    func testProverAndVerifierAgreeWithTheFullTree() throws {
        for xlen in [32, 64] {
            let proof = try prove(xlen: xlen)
            let post = expectedPost().root().bytes
            XCTAssertEqual(proof.postRoot, post)
            XCTAssertTrue(proof.result.verdict, "\(String(describing: proof.result.reason))")
            XCTAssertEqual(Array(proof.result.output[0..<64]), Self.key(1005).bytes + post)
            XCTAssertEqual(words(Array(proof.result.output[64...])), [1])
            XCTAssertGreaterThan(proof.witnessSize, 0)
            let request = ExecuteRequest(program: .elf(Self.stf(xlen: xlen).elf()), container: proof.container,
                                         claimedPostRoot: post, expectedPreStateRoot: SHA256BinaryTree(Self.preEntries).root().bytes)
            let r = execute(request)
            XCTAssertEqual(r, proof.result)
            XCTAssertEqual(r, execute(request))
        }
    }

    func testSingleBitFlipsGiveFalse() throws {
        let proof = try prove()
        let elf = Self.stf().elf()
        let decoded = try InputContainer(decoding: proof.container)
        var positions: [Int] = []
        for kind in [SectionKind.witness, .batch, .preStateRoot] {
            guard let r = decoded.section(kind) else { return XCTFail("no \(kind)") }
            positions += stride(from: r.lowerBound, to: r.upperBound, by: max(1, r.count / 12))
        }
        for (n, pos) in positions.enumerated() {
            var c = proof.container
            c[pos] ^= UInt8(1 << (n % 8))
            let r = execute(ExecuteRequest(program: .elf(elf), container: c, claimedPostRoot: proof.postRoot))
            XCTAssertFalse(r.verdict, "flip at \(pos)")
        }
        for bit in [0, 7, 100, 255] {
            var claimed = proof.postRoot
            claimed[bit / 8] ^= UInt8(1 << (bit % 8))
            let r = execute(ExecuteRequest(program: .elf(elf), container: proof.container, claimedPostRoot: claimed))
            XCTAssertEqual(r.reason, .rootMismatch(expected: claimed, actual: proof.postRoot))
        }
    }

    func testMissingTruncatedAndPartialWitnesses() throws {
        let proof = try prove()
        let elf = Self.stf().elf()
        let pre = SHA256BinaryTree(Self.preEntries)
        let preRoot = pre.root().bytes
        func verify(_ witness: [UInt8]?) -> ExecuteResult {
            let c = container(batch: batch, pre: preRoot, extra: witness.map { [(.witness, $0)] } ?? [])
            return execute(ExecuteRequest(program: .elf(elf), container: c, claimedPostRoot: proof.postRoot))
        }
        XCTAssertEqual(verify(nil).reason, .witnessIncomplete(key: key1.bytes))
        let w = Array(try InputContainer(decoding: proof.container).witness)
        XCTAssertEqual(verify(Array(w.dropLast())).reason?.name, "witnessInvalid")
        XCTAssertEqual(verify([0xEE] + w).reason?.name, "witnessInvalid")
        // A minimal witness for the read alone does not cover the write.
        var partial = RecordingState(pre)
        _ = partial.read(key: key1)
        XCTAssertEqual(verify(try partial.witness().bytes).reason?.name, "witnessIncomplete")
        // Out of cycles while verifying the witness (charged before the guest starts).
        let c = container(batch: batch, pre: preRoot, extra: [(.witness, w)])
        let tight = execute(ExecuteRequest(program: .elf(elf), container: c, claimedPostRoot: proof.postRoot,
                                           limits: ExecuteLimits(cycles: 100)))
        XCTAssertEqual(tight.reason, .outOfCycles)
        XCTAssertEqual(tight.instructions, 0)
    }
}

/// The prover's witness is minimal per touched key: leaving any key out of the recording makes the call fail.
final class ProverMinimalityTests: XCTestCase {
    func testEveryTouchedKeyIsNeeded() throws {
        let key1 = RuntimeStateTests.key(5), key2 = RuntimeStateTests.key(500), value = RuntimeStateTests.key(501)
        let batch = key2.bytes + value.bytes + key1.bytes
        let pre = SHA256BinaryTree(RuntimeStateTests.preEntries)
        let elf = RuntimeStateTests.stf().elf()
        let proof = try Prover.prove(ProverInput(program: .elf(elf), sections: [(.batch, batch)], preState: pre))
        let touched = [key1, key2]
        for skip in touched.indices {
            var rec = RecordingState(pre)
            for (i, k) in touched.enumerated() where i != skip { _ = rec.read(key: k) }
            var post = pre
            post.insert(key2, value)
            post.insert(key1, key2)
            let w = try WitnessBuilder.build(pre: pre, touched: rec.touched, post: post)
            XCTAssertLessThan(w.size, proof.witnessSize)
            let c = container(batch: batch, pre: pre.root().bytes, extra: [(.witness, w.bytes)])
            let r = execute(ExecuteRequest(program: .elf(elf), container: c, claimedPostRoot: proof.postRoot))
            XCTAssertEqual(r.reason?.name, "witnessIncomplete", "without key \(skip)")
        }
    }

    func testGuestManagedProver() throws {
        var g = Guest(); g.call(.keccak256, Guest.data, 4, Guest.data + 32); g.call(.postRoot, Guest.data + 32); g.exit()
        let out = try Prover.prove(ProverInput(program: .elf(g.elf(data: [1, 2, 3, 4])), sections: [(.batch, [9])],
                                               stateMode: .guestManaged))
        XCTAssertEqual(out.postRoot, EVMPrimitivesKeccak([1, 2, 3, 4]))
        XCTAssertTrue(execute(ExecuteRequest(program: .elf(g.elf(data: [1, 2, 3, 4])), container: out.container,
                                             claimedPostRoot: out.postRoot, stateMode: .guestManaged)).verdict)
    }
}
