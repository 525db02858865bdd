import BinaryTree
import EVM
import EVMPrimitives
import EVMProver
import InputContainer
import MerklePatriciaTrie
import NativeCrypto
import StatelessEVM
import XCTest
@testable import EVMBlocks

/// `rvx evm witness-report` on a one-transfer block, against a witness assembled by hand from the pre-state's
/// tries (docs/STATE.md §9), and the worst-case generator's construction.
final class WitnessReportTests: XCTestCase {
    nonisolated(unsafe) static let block = try! BlockGenerator.generate(GenBlockOptions(gas: 21_000, erc20Share: 0, seed: 3, accounts: 8))

    func testOneTransferMatchesTheHandAssembledWitness() throws {
        let g = Self.block
        XCTAssertEqual(g.transactions.count, 1)
        let m = try g.measureWitness(name: "one", kind: "transfer")
        let crypto = NativeCryptoProvider()
        let tx = try TransactionDecoder.decode(g.transactions[0], crypto: crypto)
        // The account trie of the pre-state; the run touches the sender, the recipient, the coinbase (absent),
        // the anchor contract and the system address (absent) of its system call.
        var accounts: [(key: [UInt8], value: [UInt8])] = []
        for (a, e) in g.pre.entries {
            let slots = e.storage.map { (key: $0.key.bigEndianBytes, value: AccountCodec.encodeSlot($0.value)) }
            accounts.append((a.bytes, AccountCodec.encode(nonce: e.account.nonce, balance: e.account.balance,
                                                          storageRoot: SecureTrie.rootHash(of: slots, hasher: crypto),
                                                          codeHash: e.account.codeHash)))
        }
        let trie = SecureTrie(pairs: accounts, hasher: crypto)
        XCTAssertEqual(trie.rootHash(), g.preRoot)
        var expected = Set<[UInt8]>()
        for a in [tx.sender, tx.to!, BlockGenerator.coinbase, L1Anchor.address, SystemCall.systemAddress] {
            expected.formUnion(try trie.trie.proof(key: Keccak256.hash(a.bytes), crypto))
        }
        let proof = try g.mptProof()
        XCTAssertEqual(Set(proof.witness.nodes), expected)
        XCTAssertEqual(m.mpt.nodes, expected.count)
        XCTAssertEqual(m.mpt.nodeBytes, expected.reduce(0) { $0 + $1.count })
        XCTAssertEqual(m.mpt.codeBytes, AnchorContract.code.count)  // the only code that runs
        XCTAssertEqual(m.mpt.witnessBytes, proof.witness.encode().count)
        XCTAssertEqual(m.batchBytes, Batch.encode(g.transactions).count)
        XCTAssertEqual(m.gasUsed, 21_000)
        // Tree: the anchor's code as 31-byte chunks (EIP-7864), one VALUE leaf (33 bytes) each.
        let t = try XCTUnwrap(m.tree)
        XCTAssertEqual(t.codeChunkBytes, 33 * ((AnchorContract.code.count + 30) / 31))
        XCTAssertEqual(t.nodeBytes + t.codeChunkBytes, t.witnessBytes)
        XCTAssertEqual(t.containerBytes, try InputContainer.encode(sections: [
            (.batch, Batch.encode(g.transactions)), (.witness, [UInt8](repeating: 0, count: t.witnessBytes)),
            (.preStateRoot, [UInt8](repeating: 0, count: 32)), (.l1Anchor, g.anchor), (.blockEnv, g.statelessBlockEnv.encode()),
        ]).count)
        // The compressed container decodes back, and its charge follows the documented formula.
        let packed = try ContainerCompression.compress(try InputContainer(decoding: proof.container))
        XCTAssertEqual(m.mpt.compressedContainerBytes, packed.count)
        let e = try ContainerCompression.expand(packed)
        XCTAssertEqual(e.container, proof.container)
        XCTAssertEqual(m.mpt.decodeCycles, 8 * UInt64(e.compressedBytes) + 2 * UInt64(e.decodedBytes))
    }

    func testRatiosRoundHalfUp() {
        XCTAssertEqual(WitnessReport.ratio(1450, 1046), "1.4")
        XCTAssertEqual(WitnessReport.ratio(1, 8, 2), "0.13")
        XCTAssertEqual(WitnessReport.ratio(3, 0), "-")
        XCTAssertEqual(WitnessReport.ratio(11526, 1, 0), "11526")
    }

    func testWorstCaseProbesOneDistinctCodePerIteration() throws {
        let g = try WorstCaseGenerator.generate(GenBlockOptions(gas: 100_000, seed: 1), codeSize: 1000)
        // Gas after the intrinsic 21000 + 32 calldata bytes is spent 2644 per cold EXTCODESIZE.
        let proof = try g.mptProof()
        let targets = proof.witness.codes.filter { $0.count == 1000 }
        XCTAssertEqual(Set(targets).count, targets.count)
        // Calldata 0x00…010000: one non-zero byte (16) and 31 zero bytes (4 each) → 21140 intrinsic; PUSH0 and
        // CALLDATALOAD cost 5, so the loop starts with G = 78855. Iteration k reads GAS = G − 3 − 2644·k and
        // probes while that is ≥ 3000: k = 0…28, 29 distinct codes.
        XCTAssertEqual(targets.count, 29)
        XCTAssertEqual(WorstCaseGenerator.targetCode(0, size: 64),
                       Keccak256.hash(Array("rvx worst-case code".utf8) + [0, 0, 0, 0, 0, 0, 0, 0] + [0, 0, 0, 0, 0, 0, 0, 0])
                       + Keccak256.hash(Array("rvx worst-case code".utf8) + [0, 0, 0, 0, 0, 0, 0, 0] + [0, 0, 0, 0, 0, 0, 0, 1]))
    }
}
