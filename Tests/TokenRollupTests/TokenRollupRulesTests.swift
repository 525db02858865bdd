import BinaryTree
import EVMPrimitives
import Execute
import NativeCrypto
import TokenRollup
import XCTest

/// The edge rules of docs/ROLLUP.md §6 through the real STF: deposit overflow, self-transfer, credit overflow,
/// high s, v out of range, zero withdrawal, absent L1_ANCHOR. Expected state and output computed by hand.
final class TokenRollupRulesTests: XCTestCase {
    let a = TokenKey(seed: 3, index: 0), b = TokenKey(seed: 3, index: 1), c = TokenKey(seed: 3, index: 2)
    let chainId: UInt64 = 5

    func checkRules(_ xlen: String) throws {
        let elf = try GuestSupport.elf("token-rollup", xlen)
        var pre = SHA256BinaryTree()
        pre.insert(TokenLayout.balanceKey(a.address), TokenLayout.value(TokenAmount.max))
        pre.insert(TokenLayout.balanceKey(b.address), TokenLayout.value(TokenAmount(10)))

        var highS = b.sign(chainId: chainId, nonce: 1, to: c.address, amount: TokenAmount(1))
        highS.s = TokenAmount(bigEndian: Secp256k1.order)!.subtracting(TokenAmount(bigEndian: highS.s)!)!.bytes
        highS.v ^= 1 // (r, n − s) with the other recovery id is a valid ECDSA signature of the same key
        XCTAssertFalse(Secp256k1.isLowS(highS.s))
        let h = TokenSignature.hash(chainId: chainId, nonce: 1, to: c.address, amount: TokenAmount(1))
        XCTAssertEqual(Secp256k1.recover(hash: h, recid: highS.v, r: highS.r, s: highS.s), b.publicKey,
                       "only the low-s rule rejects it")
        var badV = b.sign(chainId: chainId, nonce: 1, to: c.address, amount: TokenAmount(1))
        badV.v = 2
        let batch = TokenBatch([
            .deposit(to: a.address, amount: TokenAmount(10)),                                           // overflow: skipped, not counted
            .transfer(b.sign(chainId: chainId, nonce: 0, to: b.address, amount: TokenAmount(5))),       // self: nonce 1
            .transfer(b.sign(chainId: chainId, nonce: 1, to: a.address, amount: TokenAmount(1))),       // credit overflow: skipped
            .transfer(highS),                                                                          // skipped
            .transfer(badV),                                                                           // skipped
            .transfer(b.sign(chainId: chainId, nonce: 1, to: c.address, amount: TokenAmount(3))),       // B 7, C 3, nonce 2
            .transfer(a.sign(chainId: chainId, nonce: 0, to: .withdrawal, amount: TokenAmount(0))),     // A withdraws 0
        ]).encode()

        var post = SHA256BinaryTree()
        post.insert(TokenLayout.balanceKey(a.address), TokenLayout.value(TokenAmount.max))
        post.insert(TokenLayout.nonceKey(a.address), TokenLayout.value(nonce: 1))
        post.insert(TokenLayout.balanceKey(b.address), TokenLayout.value(TokenAmount(7)))
        post.insert(TokenLayout.nonceKey(b.address), TokenLayout.value(nonce: 2))
        post.insert(TokenLayout.balanceKey(c.address), TokenLayout.value(TokenAmount(3)))
        var output = a.address.bytes + [UInt8](repeating: 0, count: 32)   // withdrawal (A, 0)
        output += [UInt8](repeating: 0, count: 32)                         // no L1_ANCHOR
        output += [0, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0]
        output += Keccak256.hash(batch)

        let proof = try TokenRollupProver.prove(elf: elf, preState: pre, batch: batch, config: TokenConfig(chainId: chainId),
                                                l1Anchor: nil)
        XCTAssertEqual(proof.postRoot, post.root().bytes)
        let r = execute(TokenRollupProver.request(elf: elf, proof: proof))
        XCTAssertTrue(r.verdict, "\(String(describing: r.reason))")
        XCTAssertEqual(r.output, output)
        var model = pre
        XCTAssertEqual(try TokenSTF.apply(batch: batch, config: TokenConfig(chainId: chainId), l1Anchor: nil, to: &model).encode(), output)
        XCTAssertEqual(model.root(), post.root())
    }

    func testRulesRV64() throws { try checkRules("rv64") }
    func testRulesRV32() throws { try checkRules("rv32") }
}
