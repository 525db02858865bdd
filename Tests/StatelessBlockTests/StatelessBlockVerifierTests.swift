import BlockInput
import BlockTest
import EVM
import EVMPrimitives
import EVMProver
import EthereumBlock
import Foundation
import NativeCrypto
import StatelessBlock
import StatelessEVM
import XCTest

/// The block driver over fixture blocks: the minimal witness collected in prover mode from the genesis
/// pre-state verifies the block statelessly; an altered commitment, a missing witness node and the fixture's
/// own invalid block each give their reason.
final class StatelessBlockVerifierTests: XCTestCase {
    let crypto = NativeCryptoProvider()

    func firstBlock(_ file: String, network: String) throws -> (BlockTestFixture, BlockInput, [UInt8]) {
        try FixtureBlockInput.first(file, network: network)
    }

    func testValidBlockVerifiesFromMinimalWitness() throws {
        let (_, input, pre) = try firstBlock("blockchain/BlockchainTests/ValidBlocks/bcWalletTest/wallet2outOf3txs.json",
                                             network: "Cancun")
        let block = try Block.decode(input.block)
        let out = try StatelessBlockVerifier.verify(input, preStateRoot: pre, crypto: crypto)
        XCTAssertEqual(out.gasUsed, block.header.gasUsed)
        XCTAssertEqual(out.receiptsRoot, block.header.receiptsRoot)
        XCTAssertFalse(input.witness.state.isEmpty)

        var gap = input
        gap.witness.state.removeLast()
        XCTAssertThrowsError(try StatelessBlockVerifier.verify(gap, preStateRoot: pre, crypto: crypto)) {
            guard case .witness(.witnessIncomplete)? = $0 as? BlockVerificationError else { return XCTFail("\($0)") }
        }
        var wrongRoot = input
        var altered = block
        altered.header.receiptsRoot = [UInt8](repeating: 0x11, count: 32)
        wrongRoot.block = altered.encode()
        XCTAssertThrowsError(try StatelessBlockVerifier.verify(wrongRoot, preStateRoot: pre, crypto: crypto)) {
            XCTAssertEqual($0 as? BlockVerificationError, .block(.commitmentMismatch(.receiptsRoot)))
        }
        XCTAssertThrowsError(try StatelessBlockVerifier.verify(input, preStateRoot: [UInt8](repeating: 0, count: 32), crypto: crypto)) {
            XCTAssertEqual($0 as? BlockVerificationError, .input(.preStateRootMismatch))
        }
    }

    /// EEST's invalid block: a blob transaction creating a contract (expectException
    /// TransactionException.TYPE_3_TX_CONTRACT_CREATION) is rejected by the stateless driver with that class.
    func testFixtureInvalidBlockIsRejected() throws {
        let file = "eest/blockchain_tests/cancun/eip4844_blobs/test_invalid_blob_tx_contract_creation.json"
        let (f, input, pre) = try firstBlock(file, network: "Cancun")
        let expected = try XCTUnwrap(f.blocks[0].expectException)
        XCTAssertThrowsError(try StatelessBlockVerifier.verify(input, preStateRoot: pre, crypto: crypto)) {
            guard case .block(let e)? = $0 as? BlockVerificationError else { return XCTFail("\($0)") }
            XCTAssertTrue(expected.contains(e.exceptionName), "\(e.exceptionName) vs \(expected)")
        }
    }
}
