import BinaryTree
import EVMPrimitives
import Execute
import TokenRollup
import XCTest

/// A sequencer-built batch (genesis of 16 seeded accounts) proved and verified on rv32 and rv64; the guest's
/// post root and output equal the native model's (`TokenSTF`).
final class TokenRollupSequencerTests: XCTestCase {
    func checkSequencerBatch(_ xlen: String) throws {
        let elf = try GuestSupport.elf("token-rollup", xlen)
        let genesis = TokenGenesis(seed: 99, accounts: 16, initialBalance: TokenAmount(1_000_000))
        let config = TokenConfig(chainId: 7)
        var sequencer = TokenSequencer(genesis: genesis, config: config)
        let batch = sequencer.makeBatch(transfers: 60, deposits: 6, withdrawals: 4, seed: 5)
        XCTAssertEqual(batch.ops.count, 70)
        let bytes = batch.encode()
        let anchor = Keccak256.hash(Array("L1 block 1".utf8))
        let proof = try TokenRollupProver.prove(elf: elf, preState: genesis.tree, batch: bytes, config: config, l1Anchor: anchor)

        var model = genesis.tree
        let out = try TokenSTF.apply(batch: bytes, config: config, l1Anchor: anchor, to: &model)
        XCTAssertEqual(out.skipped, 0, "the sequencer only signs valid transfers")
        XCTAssertEqual(out.deposits, 6)
        XCTAssertEqual(out.withdrawals.count, 4)
        XCTAssertEqual(out.transfers, 60)
        XCTAssertEqual(model.root(), sequencer.state.root())
        XCTAssertEqual(proof.postRoot, model.root().bytes)

        let result = execute(TokenRollupProver.request(elf: elf, proof: proof))
        XCTAssertTrue(result.verdict, "\(String(describing: result.reason))")
        XCTAssertEqual(result.output, out.encode())
        XCTAssertEqual(result.cycles, proof.result.cycles)
        XCTAssertEqual(result.gas, result.cycles / 100 + 16 * UInt64(proof.container.count))
    }

    func testSequencerBatchRV64() throws { try checkSequencerBatch("rv64") }
    func testSequencerBatchRV32() throws { try checkSequencerBatch("rv32") }
}
