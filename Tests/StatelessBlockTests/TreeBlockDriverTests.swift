import BlockTest
import EVMBlocks
import EVMPrimitives
import EVMProver
import EthereumBlock
import NativeCrypto
import StatelessBlock
import XCTest

/// The block driver over the binary tree (`StatelessBlockVerifier.verifyOverTree`, the bt guest's block mode),
/// run natively over a map of the laid-out parent state: a valid fixture block gives the header's gas used,
/// and the leaves it leaves behind are the layout of the native import's post-state (`TreeLayout.entries`,
/// which lays a whole state out independently of the commit path).
final class TreeBlockDriverTests: XCTestCase {
    func testFixtureBlockOverTheTreeLeavesTheLayoutOfTheNativePostState() throws {
        let (t, input, _) = try FixtureBlockInput.first("blockchain/BlockchainTests/ValidBlocks/bcWalletTest/wallet2outOf3txs.json",
                                                        network: "Cancun")
        let crypto = NativeCryptoProvider()
        let genesis = try Block.decode(t.genesisRLP).header
        let chain = [genesis.hash(crypto): ChainEntry(genesis: genesis, state: t.pre, crypto: crypto)]
        guard case .success(let imported) = BlockImport.importBlock(t.blocks[0].rlp, chain: chain, config: try XCTUnwrap(t.chainConfig),
                                                                    crypto: crypto) else { return XCTFail("block rejected natively") }
        let store = MapTreeStore(try TreeLayout.entries(t.pre))
        let out = try StatelessBlockVerifier.verifyOverTree(input, store: store, crypto: crypto)
        XCTAssertEqual(out.gasUsed, try Block.decode(t.blocks[0].rlp).header.gasUsed)
        XCTAssertEqual(store.entries, try TreeLayout.entries(imported.entry.state))
        XCTAssertGreaterThan(store.writes, 0)
    }
}
