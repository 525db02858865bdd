import ArgumentParser
import EVM
import EVMPrimitives
import Foundation
import NativeCrypto

/// `rvx evm bench [DIR]`: gas per second of the hand-assembled contracts in Benchmarks/evm (*.hex), each run
/// as the code of a called contract under Cancun rules. Use a release build.
struct EVMBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "EVM gas/second benchmarks.")
    @Argument(help: "Directory with *.hex contracts.") var dir: String = "Benchmarks/evm"
    @Option(name: .customLong("repeat"), help: "Repetitions per contract (best is reported).") var repetitions: Int = 3

    func run() throws {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".hex") }.sorted()
        if files.isEmpty { throw ValidationError("no .hex contracts in \(dir)") }
        for file in files {
            let text = try String(contentsOfFile: (dir as NSString).appendingPathComponent(file), encoding: .utf8)
            let code = try Hex.decode(text.trimmingCharacters(in: .whitespacesAndNewlines))
            var best = Double.infinity
            var gasUsed: Int64 = 0
            for _ in 0..<max(1, repetitions) {
                let (seconds, used) = try Self.measure(code)
                best = min(best, seconds)
                gasUsed = used
            }
            let mgas = Double(gasUsed) / best / 1e6
            print("\(file.dropLast(4)): \(gasUsed) gas in \(String(format: "%.3f", best)) s = \(String(format: "%.1f", mgas)) Mgas/s")
        }
    }

    static func measure(_ code: [UInt8]) throws -> (Double, Int64) {
        let sender = Address(low: 0xa11ce), contract = Address(low: 0xc0de)
        var pre = InMemoryState()
        pre.entries[sender] = .init(account: Account(balance: UInt256(1) << 200), storage: [:])
        pre.entries[contract] = .init(account: Account(code: code, codeHash: UInt256(bigEndian: Keccak256.hash(code))), storage: [:])
        let block = BlockEnv(coinbase: Address(low: 0xc0ffee), number: 1, timestamp: UInt256(1), gasLimit: 1 << 40,
                             difficulty: .zero, prevRandao: .zero, baseFee: UInt256(1), excessBlobGas: 0, chainId: UInt256(1),
                             blockHashes: [])
        let evm = EVM(state: JournaledState(backend: pre), crypto: NativeCryptoProvider(), fork: .cancun, block: block)
        let tx = Transaction(type: 0, nonce: 0, gasPrice: UInt256(1), gasLimit: UInt256(UInt64(1) << 40), to: contract,
                             value: .zero, data: [], sender: sender)
        let start = DispatchTime.now().uptimeNanoseconds
        let r = try evm.transact(tx)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if !r.success { throw ValidationError("benchmark contract failed: \(r.halt?.description ?? "reverted")") }
        return (seconds, r.gasUsed)
    }
}
