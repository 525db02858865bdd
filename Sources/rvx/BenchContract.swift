import ArgumentParser
import EVM
import EVMPrimitives
import EVMProver
import Execute
import Foundation
import NativeCrypto
import RISCV
import StatelessEVM

/// One benchmark contract of `rvx evm bench`: its code runs as the called contract of one legacy transaction
/// (Cancun, gas price 1) with the file's gas limit, natively and as a signed transaction in the EVM guest.
struct BenchContract {
    var name: String
    var code: [UInt8]
    var gasLimit: UInt64

    /// The result both EVMs must agree on.
    struct Outcome: Equatable {
        var gasUsed: UInt64
        var output: [UInt8]
    }

    static let contract = Address(low: 0xc0de)
    static let nativeSender = Address(low: 0xa11ce)
    /// The guest's transactions are signed with secret key 1.
    static let secretKey = [UInt8](repeating: 0, count: 31) + [1]

    /// NAME.hex files of `dir`: line 1 the code in hex, then optionally `gas-limit N` (default 30,000,000).
    static func load(dir: String) throws -> [BenchContract] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".hex") }.sorted()
        return try files.map { file in
            let text = try String(contentsOfFile: (dir as NSString).appendingPathComponent(file), encoding: .utf8)
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = lines.first, let code = try? Hex.decode(first) else { throw ValidationError("\(file): no hex code on line 1") }
            var limit: UInt64 = 30_000_000
            for l in lines.dropFirst() where !l.isEmpty {
                let parts = l.split(separator: " ")
                guard parts.count == 2, parts[0] == "gas-limit", let n = UInt64(parts[1]), n >= 21_000 else {
                    throw ValidationError("\(file): expected `gas-limit N` (N ≥ 21000), got `\(l)`")
                }
                limit = n
            }
            return BenchContract(name: String(file.dropLast(4)), code: code, gasLimit: limit)
        }
    }

    var block: BlockEnv {
        BlockEnv(coinbase: Address(low: 0xc0ffee), number: 1, timestamp: UInt256(1), gasLimit: max(gasLimit, 30_000_000),
                 difficulty: .zero, prevRandao: .zero, baseFee: UInt256(1), excessBlobGas: 0, chainId: UInt256(1), blockHashes: [])
    }

    func preState(sender: Address) -> InMemoryState {
        var pre = InMemoryState()
        pre.entries[sender] = .init(account: Account(balance: UInt256(1) << 200), storage: [:])
        pre.entries[Self.contract] = .init(account: Account(code: code, codeHash: UInt256(bigEndian: Keccak256.hash(code))), storage: [:])
        return pre
    }

    /// Runs the transaction on the native EVM; returns wall seconds of `transact` and the outcome.
    func measureNative() throws -> (Double, Outcome) {
        let evm = EVM(state: JournaledState(backend: preState(sender: Self.nativeSender)), crypto: NativeCryptoProvider(),
                      fork: .cancun, block: block)
        let tx = Transaction(type: 0, nonce: 0, gasPrice: UInt256(1), gasLimit: UInt256(gasLimit), to: Self.contract,
                             value: .zero, data: [], sender: Self.nativeSender)
        let start = DispatchTime.now().uptimeNanoseconds
        let r = try evm.transact(tx)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if !r.success { throw ValidationError("\(name): benchmark contract failed: \(r.halt?.description ?? "reverted")") }
        return (seconds, Outcome(gasUsed: UInt64(r.gasUsed), output: r.output))
    }

    /// Proves the transaction (pre-state → container with a minimal witness) and runs it through EXECUTE on
    /// the EVM guest; returns the guest's cycles and the gas used it reports.
    func runGuest(_ image: ProgramImage, label: String) throws -> (cycles: UInt64, gasUsed: UInt64) {
        guard let sender = TransactionSigner.address(secretKey: Self.secretKey),
              let tx = TransactionSigner.legacy(secretKey: Self.secretKey, chainId: 1, nonce: 0, gasPrice: UInt256(1),
                                                gasLimit: gasLimit, to: Self.contract, value: .zero, data: [])
        else { throw ValidationError("cannot sign the benchmark transaction") }
        let proof: EVMProver.Proof
        do {
            proof = try EVMProver.prove(pre: preState(sender: sender), blockEnv: StatelessBlockEnv(fork: .cancun, env: block),
                                        transactions: [tx], crypto: NativeCryptoProvider())
        } catch { throw ValidationError("\(name): prover: \(error.description)") }
        let r = execute(ExecuteRequest(program: .image(image), container: proof.container, claimedPostRoot: proof.postStateRoot,
                                       stateMode: .guestManaged, limits: ExecuteLimits(cycles: 400 * gasLimit + 1_000_000_000)))
        guard r.verdict, let out = StatelessResult.parsePublicOutput(r.output), out.transactions.count == 1,
              out.transactions[0].status == .success
        else { throw ValidationError("\(name): \(label) EXECUTE failed: \(r.reason.map { "\($0)" } ?? "transaction not successful")") }
        return (r.cycles, out.gasUsed)
    }
}
