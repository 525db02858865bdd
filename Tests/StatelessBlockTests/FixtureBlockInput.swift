import BlockInput
import BlockTest
import EVMPrimitives
import EVMProver
import EthereumBlock
import Foundation
import NativeCrypto
import StatelessBlock
import StatelessEVM
import XCTest

/// Block inputs built from blockchain fixtures the way the prover does: the first block of a network, its
/// genesis parent, and the minimal witness collected by running the block in prover mode over the full
/// genesis state.
enum FixtureBlockInput {
    static let crypto = NativeCryptoProvider()

    /// The first block of `network` in `file`, its input with the minimal witness, and the parent state root.
    static func first(_ file: String, network: String) throws -> (BlockTestFixture, BlockInput, [UInt8]) {
        let path = try fixture(file)
        guard let f = try BlockTestFixture.load(path: path).first(where: { $0.network == network }),
              let config = f.chainConfig else { throw XCTSkip("no \(network) network") }
        let genesis = try Block.decode(f.genesisRLP).header
        let full = FullState(f.pre, hasher: crypto)
        XCTAssertEqual(full.stateRoot, genesis.stateRoot)
        var input = BlockInput(block: f.blocks[0].rlp, witness: BlockWitness(headers: [genesis]), chain: config)
        let prover = try WitnessBackend(preStateRoot: genesis.stateRoot, witness: ExecutionWitness(), hasher: crypto,
                                        fallbackNodes: full.nodes, fallbackCodes: full.codes)
        _ = try? StatelessBlockVerifier.verify(input, preStateRoot: genesis.stateRoot, backend: prover, crypto: crypto)
        input.witness.state = prover.addedNodes
        input.witness.codes = prover.addedCodes
        return (f, try BlockInput.decode(input.encode()), genesis.stateRoot)
    }

    static func fixture(_ relative: String) throws -> String {
        var dir = URL(fileURLWithPath: #filePath)
        while dir.path != "/" {
            dir.deleteLastPathComponent()
            let p = dir.appendingPathComponent("shared/fixtures/evm/" + relative).path
            if FileManager.default.fileExists(atPath: p) { return p }
        }
        throw XCTSkip("shared fixtures not found")
    }
}
