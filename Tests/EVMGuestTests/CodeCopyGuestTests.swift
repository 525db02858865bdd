import XCTest
import ELFLoader
import EVM
import EVMPrimitives
import EVMProver
import Execute
import NativeCrypto
import StatelessEVM

/// CODECOPY with a source offset past the code (Yellow Paper H.2 0x39: bytes beyond the code are zero) on both
/// guests. Regression: on rv32 the clamped offset Int32.max plus the loop index wrapped negative and the guest
/// trapped (state test VMTests/vmTests/envInfo d3, "codecopy_neg_offset").
final class CodeCopyGuestTests: XCTestCase {
    func testCodeCopyPastTheEndOfTheCode() throws {
        let crypto = NativeCryptoProvider()
        // A: CODECOPY(mem 0, src 2^256 - 6, len 8); SSTORE(0, MLOAD(0)) — envInfo d3's contract.
        let a: [UInt8] = [0x60, 0x08, 0x7f] + [UInt8](repeating: 0xff, count: 31) + [0xfa]
            + [0x60, 0x00, 0x39, 0x60, 0x00, 0x51, 0x60, 0x00, 0x55, 0x00]
        // B: CODECOPY(mem 0, src 12 = size - 2, len 8); SSTORE(0, MLOAD(0)): the last two code bytes (55 00), then zeros.
        let b: [UInt8] = [0x60, 0x08, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, 0x00, 0x51, 0x60, 0x00, 0x55, 0x00]
        XCTAssertEqual(b.count, 14)
        let key = try Hex.decode("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8")
        let sender = try XCTUnwrap(TransactionSigner.address(secretKey: key))
        var pre = InMemoryState()
        for (addr, code) in [(Address(low: 0xc0de0a), a), (Address(low: 0xc0de0b), b)] {
            pre.entries[addr] = .init(account: Account(nonce: 1, code: code, codeHash: UInt256(bigEndian: crypto.keccak256(code))),
                                      storage: [.zero: UInt256(0x1234)])
        }
        pre.entries[sender] = .init(account: Account(balance: UInt256(1_000_000_000_000)), storage: [:])
        let txs = try [Address(low: 0xc0de0a), Address(low: 0xc0de0b)].enumerated().map { i, to in
            try XCTUnwrap(TransactionSigner.legacy(secretKey: key, chainId: 1, nonce: UInt64(i), gasPrice: UInt256(10),
                                                   gasLimit: 100_000, to: to, value: .zero, data: []))
        }
        let env = StatelessBlockEnv(fork: .cancun, env: BlockEnv(
            coinbase: Address(low: 0xcb), number: 1, timestamp: UInt256(1), gasLimit: 30_000_000, difficulty: .zero,
            prevRandao: .zero, baseFee: UInt256(7), excessBlobGas: 0, chainId: UInt256(1), blockHashes: []))
        // Native EVM on the full state.
        var post = pre
        for tx in txs {
            let evm = EVM(state: JournaledState(backend: post), crypto: crypto, fork: .cancun, block: env.env)
            XCTAssertTrue(try evm.transact(TransactionDecoder.decode(tx, crypto: crypto)).success)
            post.apply(evm.state)
        }
        XCTAssertEqual(post.storage(Address(low: 0xc0de0a), .zero), .zero)
        XCTAssertEqual(post.storage(Address(low: 0xc0de0b), .zero), UInt256(0x55) << 248)
        let proof = try EVMProver.prove(pre: pre, blockEnv: env, transactions: txs, crypto: crypto)
        XCTAssertEqual(proof.postStateRoot, post.stateRoot(crypto))
        let root = EVMGuestTests.packageRoot
        for x in ["rv64", "rv32"] {
            let path = root.appendingPathComponent("guest/build/\(x)/evm/evm-guest").path
            guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("\(path) not built") }
            let r = execute(ExecuteRequest(program: .image(try ELFLoader.load(path: path).image), container: proof.container,
                                           claimedPostRoot: proof.postStateRoot, stateMode: .guestManaged))
            XCTAssertTrue(r.verdict, "\(x): \(String(describing: r.reason))")
            XCTAssertEqual(StatelessResult.parsePublicOutput(r.output)?.transactions.map(\.status), [.success, .success], x)
        }
    }
}
