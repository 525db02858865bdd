import BinaryTree
import EVMPrimitives
import Execute
import InputContainer
import TokenRollup
import XCTest

/// A tiny batch whose post-state and output are computed by hand (docs/ROLLUP.md §6, §7): 3 accounts,
/// 1 deposit, 2 valid transfers, 2 invalid ones (bad signature, stale nonce), 1 withdrawal.
struct HandBatch {
    static let chainId: UInt64 = 1337
    let a = TokenKey(seed: 7, index: 0), b = TokenKey(seed: 7, index: 1), c = TokenKey(seed: 7, index: 2)
    let anchor = [UInt8](repeating: 0xA5, count: 32)

    /// Genesis: A = 1000, B = 500, C absent.
    var genesis: SHA256BinaryTree {
        var t = SHA256BinaryTree()
        t.insert(TokenLayout.balanceKey(a.address), TokenLayout.value(TokenAmount(1000)))
        t.insert(TokenLayout.balanceKey(b.address), TokenLayout.value(TokenAmount(500)))
        return t
    }

    /// deposit C 250; A→B 100 (n0); B→C signed for 50 but claiming 60 (bad signature); B→C 50 (n0);
    /// A→C 10 with stale nonce 0; A withdraws 300 (n1).
    var batch: TokenBatch {
        var tampered = b.sign(chainId: Self.chainId, nonce: 0, to: c.address, amount: TokenAmount(50))
        tampered.amount = TokenAmount(60)
        return TokenBatch([
            .deposit(to: c.address, amount: TokenAmount(250)),
            .transfer(a.sign(chainId: Self.chainId, nonce: 0, to: b.address, amount: TokenAmount(100))),
            .transfer(tampered),
            .transfer(b.sign(chainId: Self.chainId, nonce: 0, to: c.address, amount: TokenAmount(50))),
            .transfer(a.sign(chainId: Self.chainId, nonce: 0, to: c.address, amount: TokenAmount(10))),
            .transfer(a.sign(chainId: Self.chainId, nonce: 1, to: .withdrawal, amount: TokenAmount(300))),
        ])
    }

    /// By hand: A = 1000 − 100 − 300 = 600 (nonce 2), B = 500 + 100 − 50 = 550 (nonce 1), C = 250 + 50 = 300.
    var expectedPost: SHA256BinaryTree {
        var t = SHA256BinaryTree()
        t.insert(TokenLayout.balanceKey(a.address), TokenLayout.value(TokenAmount(600)))
        t.insert(TokenLayout.nonceKey(a.address), TokenLayout.value(nonce: 2))
        t.insert(TokenLayout.balanceKey(b.address), TokenLayout.value(TokenAmount(550)))
        t.insert(TokenLayout.nonceKey(b.address), TokenLayout.value(nonce: 1))
        t.insert(TokenLayout.balanceKey(c.address), TokenLayout.value(TokenAmount(300)))
        return t
    }

    /// Withdrawal (A, 300) ‖ anchor ‖ deposits 1, transfers 2, skipped 2, withdrawals 1 (u32 LE) ‖ keccak(batch).
    func expectedOutput(_ batchBytes: [UInt8]) -> [UInt8] {
        var out = a.address.bytes + [UInt8](repeating: 0, count: 30) + [0x01, 0x2C]
        out += anchor
        out += [1, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0]
        out += Keccak256.hash(batchBytes)
        return out
    }

    func prove(_ xlen: String) throws -> (elf: [UInt8], proof: TokenRollupProof, batch: [UInt8]) {
        let elf = try GuestSupport.elf("token-rollup", xlen)
        let bytes = batch.encode()
        let proof = try TokenRollupProver.prove(elf: elf, preState: genesis, batch: bytes,
                                                config: TokenConfig(chainId: Self.chainId), l1Anchor: anchor)
        return (elf, proof, bytes)
    }

}

/// The hand-computed batch through the real STF on rv32 and rv64 under EXECUTE.
final class TokenRollupHandTests: XCTestCase {
    let hand = HandBatch()

    func checkHandBatch(_ xlen: String) throws {
        let (elf, proof, bytes) = try hand.prove(xlen)
        XCTAssertEqual(proof.postRoot, hand.expectedPost.root().bytes, "post root = root of the hand-computed state")
        XCTAssertEqual(proof.preRoot, hand.genesis.root().bytes)
        let result = execute(TokenRollupProver.request(elf: elf, proof: proof))
        XCTAssertTrue(result.verdict, "\(result.reason.map { "\($0)" } ?? "")")
        XCTAssertNil(result.reason)
        XCTAssertEqual(result.output, hand.expectedOutput(bytes))
        XCTAssertEqual(result.outputKeccak, Keccak256.hash(hand.expectedOutput(bytes)))
        XCTAssertEqual(TokenOutput(decoding: result.output)?.withdrawals.first?.address, hand.a.address)
        // The native model agrees with the guest.
        var model = hand.genesis
        let out = try TokenSTF.apply(batch: bytes, config: TokenConfig(chainId: HandBatch.chainId), l1Anchor: hand.anchor, to: &model)
        XCTAssertEqual(out.encode(), hand.expectedOutput(bytes))
        XCTAssertEqual(model.root(), hand.expectedPost.root())
    }

    func testHandBatchRV64() throws { try checkHandBatch("rv64") }
    func testHandBatchRV32() throws { try checkHandBatch("rv32") }
}
