import BinaryTree
import EVM
import EVMPrimitives
import EVMProver
import Execute
import HostABI
import NativeCrypto
import StatelessEVM
import XCTest
@testable import EVMBlocks

/// The EVM over the runtime's binary tree (EIP-7864 layout): the same per-transaction results as the MPT
/// mode, and a post root equal to the independent layout of the native post-state.
final class RuntimeManagedTests: XCTestCase {
    nonisolated(unsafe) static let block: GeneratedBlock = try! BlockGenerator.generate(GenBlockOptions(gas: 400_000, erc20Share: 50, seed: 11))

    func testNativeRunMatchesMPTModeAndTheLayoutOfThePostState() throws {
        let g = Self.block
        let store = MapTreeStore(try TreeLayout.entries(g.pre))
        let result = try RuntimeManagedExecutor.execute(store: store, fork: g.fork, block: g.block,
                                                        transactions: g.transactions, anchor: g.anchor,
                                                        crypto: NativeCryptoProvider())
        let mpt = try g.mptProof().result
        XCTAssertEqual(result.transactions, mpt.transactions)
        XCTAssertEqual(result.logsHash, mpt.logsHash)
        XCTAssertEqual(result.gasUsed, mpt.gasUsed)
        XCTAssertEqual(SHA256BinaryTree(store.entries).root(), try TreeLayout.tree(g.post).root())
        XCTAssertEqual(store.entries, try TreeLayout.entries(g.post))
    }

    func testInvalidAndFailingTransactionsInTreeMode() throws {
        // A transfer that is invalid (nonce too high) and an ERC-20 transfer that reverts (amount too large).
        let g = Self.block
        let key = try BlockGenerator.key(seed: g.options.seed, index: 0)
        func signed(nonce: UInt64, to: Address, data: [UInt8]) throws -> [UInt8] {
            try EIP1559Signer.sign(.init(chainId: BlockGenerator.chainId, nonce: nonce, maxPriorityFeePerGas: BlockGenerator.maxPriorityFee,
                                             maxFeePerGas: BlockGenerator.maxFee, gasLimit: 80_000, to: to, value: .zero, data: data), key: key)
        }
        let txs = [try signed(nonce: 9, to: key.address, data: []),
                   try signed(nonce: 0, to: BlockGenerator.tokenAddress,
                              data: ERC20Contract.transferCalldata(to: Address(low: 1), amount: UInt256.max)),
                   [0x02, 0xc0]]
        let store = MapTreeStore(try TreeLayout.entries(g.pre))
        let r = try RuntimeManagedExecutor.execute(store: store, fork: g.fork, block: g.block, transactions: txs,
                                                   anchor: nil, crypto: NativeCryptoProvider())
        XCTAssertEqual(r.transactions.map(\.status), [.invalid, .failed, .invalid])
        let mpt = try EVMProver.prove(pre: g.pre, blockEnv: g.statelessBlockEnv, transactions: txs, crypto: NativeCryptoProvider())
        XCTAssertEqual(r.transactions, mpt.result.transactions)
        var post = g.pre
        let evm = EVM(state: JournaledState(backend: g.pre), crypto: NativeCryptoProvider(), fork: g.fork, block: g.block)
        _ = try? evm.transact(try TransactionDecoder.decode(txs[1], crypto: NativeCryptoProvider()))
        post.apply(evm.state)
        XCTAssertEqual(SHA256BinaryTree(store.entries).root(), try TreeLayout.tree(post).root())
    }

    func checkGuest(_ xlen: Int) throws {
        let elf = try EVMGuests.tree(xlen)
        let g = Self.block
        let proof = try g.treeProof(elf: elf)
        let expectedRoot = try TreeLayout.tree(g.post).root().bytes
        XCTAssertEqual(proof.postRoot, expectedRoot)
        XCTAssertTrue(proof.result.verdict)
        // An independent EXECUTE call on the produced container.
        let r = execute(ExecuteRequest(program: .elf(elf), container: proof.container, claimedPostRoot: expectedRoot,
                                       expectedPreStateRoot: try TreeLayout.tree(g.pre).root().bytes,
                                       stateMode: .runtimeManaged))
        XCTAssertTrue(r.verdict, "\(String(describing: r.reason)) \(String(decoding: r.debugOutput, as: UTF8.self))")
        XCTAssertEqual(r.postRoot, expectedRoot)
        let mpt = try g.mptProof().result
        XCTAssertEqual(StatelessResult.parsePublicOutput(r.output)?.transactions, mpt.transactions)
        XCTAssertEqual(StatelessResult.parsePublicOutput(r.output)?.logsHash, mpt.logsHash)
        // A wrong claim is false.
        var bad = expectedRoot
        bad[31] ^= 1
        let f = execute(ExecuteRequest(program: .elf(elf), container: proof.container, claimedPostRoot: bad,
                                       stateMode: .runtimeManaged))
        XCTAssertFalse(f.verdict)
        guard case .rootMismatch = f.reason else { return XCTFail("\(String(describing: f.reason))") }
    }

    func testTreeGuestRV64() throws { try checkGuest(64) }
    func testTreeGuestRV32() throws { try checkGuest(32) }
}
