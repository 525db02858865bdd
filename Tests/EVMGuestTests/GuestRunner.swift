import Foundation
import XCTest
import ELFLoader
import EVM
import EVMPrimitives
import EVMProver
import Execute
import NativeCrypto
import StatelessEVM

/// Runs signed transactions on a pre-state with the native EVM, proves them (EVMProver) and runs the proof's
/// container on both EVM guests under EXECUTE (docs/EVMGUEST.md §9), asserting that each guest returns verdict
/// true for the native post-state root. Returns the native post-state and each guest's per-transaction status and
/// cycles,
/// keyed "rv64", "rv32" for evm-guest and "rv64/evm-guest-noaccel" etc. for other guest programs.
enum GuestRunner {
    static let key = try! Hex.decode("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8")
    static var sender: Address { TransactionSigner.address(secretKey: key)! }

    static func env(_ fork: Fork, gasLimit: UInt64 = 30_000_000) -> StatelessBlockEnv {
        StatelessBlockEnv(fork: fork, env: BlockEnv(
            coinbase: Address(low: 0xcb), number: 1, timestamp: UInt256(1), gasLimit: gasLimit, difficulty: .zero,
            prevRandao: .zero, baseFee: UInt256(7), excessBlobGas: 0, chainId: UInt256(1), blockHashes: []))
    }

    /// A pre-state with the sender funded and one contract per (address, code), each with slot 0 = 0x1234.
    static func preState(_ contracts: [(Address, [UInt8])]) -> InMemoryState {
        let crypto = NativeCryptoProvider()
        var pre = InMemoryState()
        for (addr, code) in contracts {
            pre.entries[addr] = .init(account: Account(nonce: 1, code: code, codeHash: UInt256(bigEndian: crypto.keccak256(code))),
                                      storage: [.zero: UInt256(0x1234)])
        }
        pre.entries[sender] = .init(account: Account(balance: UInt256(1_000_000_000_000)), storage: [:])
        return pre
    }

    /// Legacy transactions from `sender`, nonces 0, 1, …, to each (target, calldata).
    static func calls(_ calls: [(Address, [UInt8])], gasLimit: UInt64 = 1_000_000) throws -> [[UInt8]] {
        try calls.enumerated().map { i, c in
            try XCTUnwrap(TransactionSigner.legacy(secretKey: key, chainId: 1, nonce: UInt64(i), gasPrice: UInt256(10),
                                                   gasLimit: gasLimit, to: c.0, value: .zero, data: c.1))
        }
    }

    static func run(pre: InMemoryState, fork: Fork, txs: [[UInt8]], blockGasLimit: UInt64 = 30_000_000,
                    programs: [String] = ["evm-guest"], file: StaticString = #filePath, line: UInt = #line)
        throws -> (post: InMemoryState, guests: [String: [TxStatus]], cycles: [String: UInt64]) {
        let crypto = NativeCryptoProvider()
        let env = env(fork, gasLimit: blockGasLimit)
        var post = pre
        for tx in txs {
            let evm = EVM(state: JournaledState(backend: post), crypto: crypto, fork: fork, block: env.env)
            _ = try evm.transact(TransactionDecoder.decode(tx, crypto: crypto))
            post.apply(evm.state)
        }
        let proof = try EVMProver.prove(pre: pre, blockEnv: env, transactions: txs, crypto: crypto)
        XCTAssertEqual(proof.postStateRoot, post.stateRoot(crypto), "prover vs native", file: file, line: line)
        var statuses: [String: [TxStatus]] = [:], cycles: [String: UInt64] = [:]
        for x in ["rv64", "rv32"] { for program in programs {
            let label = program == "evm-guest" ? x : "\(x)/\(program)"
            let path = EVMGuestTests.packageRoot.appendingPathComponent("guest/build/\(x)/evm/\(program)").path
            guard FileManager.default.fileExists(atPath: path) else {
                if ProcessInfo.processInfo.environment["RVX_REQUIRE_GUESTS"] != nil { XCTFail("missing \(path)") }
                throw XCTSkip("\(path) not built")
            }
            let r = execute(ExecuteRequest(program: .image(try ELFLoader.load(path: path).image), container: proof.container,
                                           claimedPostRoot: proof.postStateRoot, stateMode: .guestManaged,
                                           limits: ExecuteLimits(cycles: 20_000_000_000)))
            XCTAssertTrue(r.verdict, "\(label): \(String(describing: r.reason))", file: file, line: line)
            cycles[label] = r.cycles
            statuses[label] = StatelessResult.parsePublicOutput(r.output)?.transactions.map(\.status)
        } }
        return (post, statuses, cycles)
    }
}
