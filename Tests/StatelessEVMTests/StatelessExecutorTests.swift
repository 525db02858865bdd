import Foundation
import XCTest
import EVM
import EVMPrimitives
import EVMProver
import MerklePatriciaTrie
import NativeCrypto
import StateTest
import StatelessEVM

/// StatelessExecutor natively against the state-test fixtures: over the prover's minimal witness the post root,
/// logs hash and transaction outcome equal the fixture's expectations and the native EVM's; a witness missing a
/// node, or with a node altered, fails with `witnessIncomplete` naming the node.
final class StatelessExecutorTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../EVMTests/Fixtures").standardized.path

    func testFixtureSubsetMatchesExpectedRoots() {
        let crypto = NativeCryptoProvider()
        var checked = 0
        for file in StateTestRunner.fixtureFiles(Self.fixtures) {
            for entry in StateTestCase.cases(file: file) {
                guard case .run(let c) = entry else { continue }
                let native = c.runNative()
                let proof: EVMProver.Proof
                do { proof = try EVMProver.prove(pre: c.pre, blockEnv: c.blockEnv, transactions: [c.txbytes], crypto: crypto) } catch {
                    XCTFail("\(c.name): \(error)")
                    continue
                }
                XCTAssertEqual(proof.postStateRoot, c.expectedRoot, c.name)
                XCTAssertEqual(proof.result.logsHash, c.expectedLogsHash, c.name)
                XCTAssertEqual(proof.result.transactions, [native.transaction], c.name)
                XCTAssertEqual(proof.result.transactions.first?.status == .invalid, c.expectException != nil, c.name)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 400)
    }

    /// A case with storage writes and deletions: the prover's witness is minimal — dropping any node makes the
    /// strict run fail with witnessIncomplete naming exactly that node; altering a node's bytes makes its hash
    /// unreachable, so it fails the same way.
    func testEveryWitnessNodeIsNeededAndChecked() throws {
        let crypto = NativeCryptoProvider()
        let file = Self.fixtures + "/stExample/yulExample.json"
        guard case .run(let c)? = StateTestCase.cases(file: file, forks: ["Cancun"]).first else {
            return XCTFail("no case in \(file)")
        }
        let proof = try EVMProver.prove(pre: c.pre, blockEnv: c.blockEnv, transactions: [c.txbytes], crypto: crypto)
        XCTAssertGreaterThan(proof.witness.nodes.count, 1)
        for i in proof.witness.nodes.indices {
            var w = proof.witness
            let dropped = w.nodes.remove(at: i)
            XCTAssertThrowsError(try StatelessExecutor.execute(preStateRoot: proof.preStateRoot, blockEnv: c.blockEnv,
                                                               transactions: [c.txbytes], witness: w, crypto: crypto)) { e in
                XCTAssertEqual(e as? StatelessError, .witnessIncomplete(hash: crypto.keccak256(dropped)))
            }
            var t = proof.witness
            t.nodes[i][t.nodes[i].count - 1] ^= 1
            XCTAssertThrowsError(try StatelessExecutor.execute(preStateRoot: proof.preStateRoot, blockEnv: c.blockEnv,
                                                               transactions: [c.txbytes], witness: t, crypto: crypto)) { e in
                XCTAssertEqual(e as? StatelessError, .witnessIncomplete(hash: crypto.keccak256(dropped)))
            }
        }
        for i in proof.witness.codes.indices {
            var w = proof.witness
            let dropped = w.codes.remove(at: i)
            XCTAssertThrowsError(try StatelessExecutor.execute(preStateRoot: proof.preStateRoot, blockEnv: c.blockEnv,
                                                               transactions: [c.txbytes], witness: w, crypto: crypto)) { e in
                XCTAssertEqual(e as? StatelessError, .witnessIncomplete(hash: crypto.keccak256(dropped)))
            }
        }
    }

    /// A removal that collapses a branch needs the sibling node (docs/MPT.md): a storage trie with two slots
    /// whose root branch collapses when one is zeroed.
    func testCollapseSiblingIsInTheWitness() throws {
        let crypto = NativeCryptoProvider()
        // Contract: SSTORE(slot 1, 0) — slot 1 and slot 2 are set; clearing slot 1 collapses the root branch of
        // the storage trie onto slot 2's leaf, which the prover must therefore include.
        let contract = Address(low: 0xc0de)
        let key = try Hex.decode("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8")
        let sender = try XCTUnwrap(TransactionSigner.address(secretKey: key))
        XCTAssertEqual(sender, Address(bytes: try Hex.decode("a94f5374fce5edbc8e2a8697c15331677e6ebf0b")))
        var pre = InMemoryState()
        pre.entries[contract] = .init(account: Account(nonce: 1, code: [0x60, 0x00, 0x60, 0x01, 0x55, 0x00],
                                                       codeHash: UInt256(bigEndian: crypto.keccak256([0x60, 0x00, 0x60, 0x01, 0x55, 0x00]))),
                                      storage: [UInt256(1): UInt256(0xff), UInt256(2): UInt256(0xee)])
        pre.entries[sender] = .init(account: Account(balance: UInt256(1_000_000_000_000)), storage: [:])
        let tx = try XCTUnwrap(TransactionSigner.legacy(secretKey: key, chainId: 1, nonce: 0, gasPrice: UInt256(10),
                                                        gasLimit: 100_000, to: contract, value: .zero, data: []))
        let env = StatelessBlockEnv(fork: .cancun, env: BlockEnv(
            coinbase: Address(low: 0xcb), number: 1, timestamp: UInt256(1), gasLimit: 30_000_000, difficulty: .zero,
            prevRandao: .zero, baseFee: UInt256(7), excessBlobGas: 0, chainId: UInt256(1), blockHashes: []))
        let proof = try EVMProver.prove(pre: pre, blockEnv: env, transactions: [tx], crypto: crypto)
        XCTAssertEqual(proof.result.transactions.first?.status, .success)
        // Expected post root: the native EVM on the full state.
        let evm = EVM(state: JournaledState(backend: pre), crypto: crypto, fork: .cancun, block: env.env)
        _ = try evm.transact(TransactionDecoder.decode(tx, crypto: crypto))
        var post = pre
        post.apply(evm.state)
        XCTAssertEqual(proof.postStateRoot, post.stateRoot(crypto))
        // The pre-state storage trie is a branch over two leaves (keccak(1) and keccak(2) differ in their first
        // nibble). Slot 1 is read; slot 2 never is, but its leaf is the collapse sibling: all three nodes are in
        // the witness and each is needed.
        let storageNodes = SecureTrie(pairs: [(key: UInt256(1).bigEndianBytes, value: AccountCodec.encodeSlot(UInt256(0xff))),
                                              (key: UInt256(2).bigEndianBytes, value: AccountCodec.encodeSlot(UInt256(0xee)))],
                                      hasher: crypto).trie.allNodes(crypto)
        XCTAssertEqual(storageNodes.count, 3)
        for n in storageNodes {
            XCTAssertTrue(proof.witness.nodes.contains(n))
            var w = proof.witness
            w.nodes.removeAll { $0 == n }
            XCTAssertThrowsError(try StatelessExecutor.execute(preStateRoot: proof.preStateRoot, blockEnv: env,
                                                               transactions: [tx], witness: w, crypto: crypto)) { e in
                XCTAssertEqual(e as? StatelessError, .witnessIncomplete(hash: crypto.keccak256(n)))
            }
        }
    }
}
