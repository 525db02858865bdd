import BinaryTree
import EVMPrimitives
import Execute
import InputContainer
import TokenRollup
import XCTest

/// Chained proving as `rvx prove` does it (docs/EXECUTE.md §5): three token-rollup batches, each proved from
/// the previous post-state file, verified by `execute` with the L1's roots, and checked against the native model.
final class ProveChainTests: XCTestCase {
    func chain(_ xlen: String) throws {
        let elf = try GuestSupport.elf("token-rollup", xlen)
        let genesis = TokenGenesis(seed: 7, accounts: 12, initialBalance: TokenAmount(1_000_000))
        let config = TokenConfig(chainId: 1337)
        var sequencer = TokenSequencer(genesis: genesis, config: config)
        var stateFile = StateFile.encode(genesis.tree)
        var model = genesis.tree
        var l1Root = genesis.tree.root().bytes
        for i in 0..<3 {
            let batch = sequencer.makeBatch(transfers: 6, deposits: 2, withdrawals: 1, seed: UInt64(100 + i)).encode()
            let anchor = Keccak256.hash([UInt8(i)])
            let pre = try StateFile.decode(stateFile)
            XCTAssertEqual(pre.root().bytes, l1Root)
            let proof = try Prover.prove(ProverInput(program: .elf(elf), sections: TokenRollupProver.sections(
                batch: batch, config: config, l1Anchor: anchor), preState: pre))
            let modelOutput = try TokenSTF.apply(batch: batch, config: config, l1Anchor: anchor, to: &model)
            XCTAssertEqual(proof.postRoot, model.root().bytes, "batch \(i + 1): post root vs the native model")
            XCTAssertEqual(proof.result.output, modelOutput.encode())
            let request = ExecuteRequest(program: .elf(elf), container: proof.container, claimedPostRoot: proof.postRoot,
                                         expectedPreStateRoot: l1Root)
            let r = execute(request)
            XCTAssertTrue(r.verdict, "batch \(i + 1): \(String(describing: r.reason))")
            XCTAssertEqual(r.cycles, proof.cycles)

            // Tampered: root, witness, batch; and the previous batch's container against the new L1 root.
            var wrong = proof.postRoot
            wrong[0] ^= 0x80
            var t = request
            t.claimedPostRoot = wrong
            XCTAssertEqual(execute(t).reason, .rootMismatch(expected: wrong, actual: proof.postRoot))
            let c = try InputContainer(decoding: proof.container)
            var witness = Array(c.contents(.witness) ?? [])
            witness[witness.count - 1] ^= 1
            t = request
            t.container = try replacing(proof.container, .witness, with: witness)
            XCTAssertEqual(execute(t).reason?.name, "witnessInvalid")
            t = request
            t.container = try replacing(proof.container, .batch, with: [UInt8](repeating: 0, count: 3))
            XCTAssertEqual(execute(t).reason, .nonZeroExit(code: 3), "a malformed batch is refused by the STF")
            t = request
            t.expectedPreStateRoot = proof.postRoot
            XCTAssertEqual(execute(t).reason, .preStateRootMismatch(expected: proof.postRoot, actual: l1Root))

            stateFile = StateFile.encode(try XCTUnwrap(proof.postState))
            l1Root = proof.postRoot
        }
        XCTAssertEqual(try StateFile.decode(stateFile).root(), model.root())
    }

    func replacing(_ container: [UInt8], _ kind: SectionKind, with body: [UInt8]) throws -> [UInt8] {
        let c = try InputContainer(decoding: container)
        var sections = c.sections.filter { $0.kind != kind }.map { ($0.kind, Array(container[$0.range])) }
        sections.append((kind, body))
        return try InputContainer.encode(sections: sections)
    }

    func testThreeChainedBatchesRV64() throws { try chain("rv64") }
    func testThreeChainedBatchesRV32() throws { try chain("rv32") }
}
