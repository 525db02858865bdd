import BinaryTree
import Execute
import GuestABI
import InputContainer
import XCTest

/// EXECUTE on compressed containers (docs/FORMAT.md §8): the same verdict, output and post root as the
/// uncompressed container, cycles larger by exactly the documented decode charge, and typed reasons for
/// hostile streams.
final class CompressedContainerTests: XCTestCase {
    func testSameVerdictAndRootCyclesDifferByTheDecodeCharge() throws {
        let k = RuntimeStateTests.key
        let batch = k(500).bytes + k(501).bytes + k(5).bytes
        let proof = try Prover.prove(ProverInput(program: .elf(RuntimeStateTests.stf().elf()), sections: [(.batch, batch)],
                                                 preState: SHA256BinaryTree(RuntimeStateTests.preEntries)))
        var expected = SHA256BinaryTree(RuntimeStateTests.preEntries)
        expected.insert(k(500), k(501))
        expected.insert(k(5), k(500))
        let plain = try InputContainer(decoding: proof.container)
        // The witness is mostly hashes and does not shrink; it is stored compressed regardless.
        let packed = try ContainerCompression.compress(plain, kinds: [.witness], always: true)
        let w = try XCTUnwrap(plain.contents(SectionKind.witness))
        let elf = RuntimeStateTests.stf().elf()
        let post = expected.root().bytes
        for claim in [post, [UInt8](repeating: 7, count: 32)] {
            let a = execute(ExecuteRequest(program: .elf(elf), container: proof.container, claimedPostRoot: claim))
            let b = execute(ExecuteRequest(program: .elf(elf), container: packed, claimedPostRoot: claim))
            XCTAssertEqual(a.verdict, claim == post)
            XCTAssertEqual(b.verdict, a.verdict)
            XCTAssertEqual(b.reason, a.reason)
            XCTAssertEqual(b.postRoot, post)
            XCTAssertEqual(b.output, a.output)
            XCTAssertEqual(a.decodeCycles, 0)
            // The compressed body: the witness's zlib stream plus its 8-byte length; decoded: the witness.
            let body = 8 + ContainerCompression.deflateStream(Array(w)).count
            XCTAssertEqual(b.decodeCycles, UInt64(8 * body + 2 * w.count))
            XCTAssertEqual(b.cycles, a.cycles + b.decodeCycles)
            // Gas counts the posted (compressed) bytes at 16 gas each.
            XCTAssertEqual(b.gas, SyscallCosts.gas(cycles: b.cycles, containerBytes: UInt64(packed.count),
                                                   cyclesPerGas: SyscallCosts.defaultCyclesPerGas))
        }
    }

    func testHostileStreamsAreBadContainers() throws {
        let root = SHA256BinaryTree([:]).root().bytes
        let bomb = ContainerCompression.deflateStream([UInt8](repeating: 0, count: 16 << 20))
        func le64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }
        let streams: [([UInt8], String)] = [
            (le64(64) + bomb, "decodes to more than its declared 64 bytes"),
            (le64(16 << 20) + bomb.prefix(bomb.count / 2), "ends inside its zlib stream"),
            (le64(UInt64(1) << 33) + bomb, "past the 512 MiB input region"),
        ]
        for (body, message) in streams {
            var c = try InputContainer.encode(sections: [(.batch, body), (.preStateRoot, root)])
            c[28] = 1  // BATCH's flags word: deflate
            let r = execute(ExecuteRequest(program: .elf(RuntimeStateTests.stf().elf()), container: c,
                                           claimedPostRoot: root))
            XCTAssertFalse(r.verdict)
            guard case .badContainer(let m)? = r.reason else { XCTFail("\(String(describing: r.reason))"); continue }
            XCTAssertTrue(m.contains(message), m)
            XCTAssertEqual(r.cycles, 0)
        }
    }
}
