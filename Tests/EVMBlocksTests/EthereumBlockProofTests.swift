import EVMBlocks
import EVMPrimitives
import EthereumBlock
import Execute
import InputContainer
import NativeCrypto
import XCTest

/// `rvx evm genblock --mode block`: a generated block as an ordinary Ethereum block. The header's state root
/// and gas used must equal the generator's own batch execution (`BlockExecution`, a separate path). The
/// encoded block must round-trip and chain onto its parent. Through EXECUTE in block mode on rv64 and rv32 it
/// must be true with output `blockHash ‖ gasUsed`; with one transaction dropped (the header's transactions root
/// no longer holds) it must be false.
final class EthereumBlockProofTests: XCTestCase {
    func testGeneratedBlockVerifiesAsAnEthereumBlock() throws {
        let g = try BlockGenerator.generate(GenBlockOptions(gas: 1_000_000))
        let p = try EthereumBlockProof.make(g)
        let crypto = NativeCryptoProvider()
        let h = p.block.header
        XCTAssertEqual(h.stateRoot, g.postRoot)
        XCTAssertEqual(h.gasUsed, UInt64(g.gasUsed))
        XCTAssertEqual(h.parentHash, p.parent.hash(crypto))
        XCTAssertEqual(h.number, p.parent.number + 1)
        XCTAssertEqual(try Block.decode(p.block.encode()), p.block)
        XCTAssertEqual(h.fieldCount, 20)  // Cancun: up to parentBeaconBlockRoot
        var gas: [UInt8] = []
        for i in 0..<8 { gas.append(UInt8(truncatingIfNeeded: h.gasUsed >> (8 * UInt64(i)))) }
        var bad = p.block
        bad.transactions.removeLast()
        var input = p.proof.input
        input.block = bad.encode()
        let badContainer = try InputContainer.encode(sections: [(.batch, input.encode()), (.preStateRoot, g.preRoot), (.l1Anchor, g.anchor)])
        for xlen in [64, 32] {
            let elf = try EVMGuests.mpt(xlen)
            let r = execute(ExecuteRequest(program: .elf(elf), container: p.proof.container, claimedPostRoot: h.stateRoot,
                                           stateMode: .guestManaged))
            XCTAssertTrue(r.verdict, "rv\(xlen): \(String(describing: r.reason)) \(String(decoding: r.debugOutput, as: UTF8.self))")
            XCTAssertEqual(r.output, h.hash(crypto) + gas, "rv\(xlen)")
            let f = execute(ExecuteRequest(program: .elf(elf), container: badContainer, claimedPostRoot: h.stateRoot,
                                           stateMode: .guestManaged))
            XCTAssertFalse(f.verdict, "rv\(xlen)")
            XCTAssertEqual(f.reason, .nonZeroExit(code: 8), "rv\(xlen)")
        }
    }
}
