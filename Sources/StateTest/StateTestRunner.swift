import Foundation
import EVM
import EVMPrimitives
import NativeCrypto

/// A fork name that rvx does not know (a usage error of `--fork`).
public struct UnknownForkName: Error, CustomStringConvertible {
    public var name: String
    public var description: String {
        "unknown fork \"\(name)\" (known: \(Fork.allCases.map(\.name).joined(separator: ", ")))"
    }
}

/// The result of one (test, fork, d, g, v) case.
public struct CaseResult: Sendable {
    public enum Status: Sendable, Equatable {
        case passed
        case failed(String)
        case skipped(String)
    }
    public var name: String
    public var fork: String
    public var status: Status
    /// The post-state root we computed (hex), empty when skipped.
    public var stateRoot: String
}

/// Runs GeneralStateTests cases (execution-specs / geth `statetest` semantics): applies the single transaction
/// to the pre-state under each fork and compares the post-state root and logs hash.
public struct StateTestRunner: @unchecked Sendable {
    /// Files too slow for a routine run (MANIFEST "Heavy tests"); run only with `includeHeavy`.
    public static let heavyFiles: Set<String> = ["loopMul.json", "CALLBlake2f_MaxRounds.json", "CALLCODEBlake2f.json"]

    public var forks: Set<String>?
    public var nameFilter: NSRegularExpression?
    public var includeHeavy = false

    public init(forks: Set<String>? = nil, nameFilter: NSRegularExpression? = nil, includeHeavy: Bool = false) {
        self.forks = forks
        self.nameFilter = nameFilter
        self.includeHeavy = includeHeavy
    }

    /// What to do with a fixture's fork name.
    public enum ForkSelection: Equatable {
        case run(Fork)
        /// A fork before Berlin: known, not implemented (skipped with this reason).
        case notSupported
        /// A name rvx does not know: reported as a failure, never skipped as passing.
        case unknown
    }

    public static func classify(forkName: String) -> ForkSelection {
        if let f = Fork(name: forkName) { return .run(f) }
        return Fork.namesBeforeBerlin.contains(forkName) ? .notSupported : .unknown
    }

    /// Canonical fork names for a `--fork` option: each must name a fork this EVM implements ("Merge" is
    /// Paris); throws the first unknown name.
    public static func forkFilter(_ names: [String]) throws(UnknownForkName) -> Set<String>? {
        if names.isEmpty { return nil }
        var out: Set<String> = []
        for n in names {
            guard let f = Fork(name: n) else { throw UnknownForkName(name: n) }
            out.insert(f.name)
        }
        return out
    }

    /// Whether the fixture fork `name` passes the `forks` filter (compared by canonical name).
    public static func selected(_ name: String, _ forks: Set<String>?) -> Bool {
        guard let f = forks else { return true }
        return f.contains(Fork(name: name)?.name ?? name)
    }

    /// All `.json` files below `path` (or `path` itself), sorted.
    public static func fixtureFiles(_ path: String) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return [] }
        if !isDir.boolValue { return [path] }
        guard let e = FileManager.default.enumerator(atPath: path) else { return [] }
        var out: [String] = []
        while let p = e.nextObject() as? String {
            if p.hasSuffix(".json") { out.append((path as NSString).appendingPathComponent(p)) }
        }
        return out.sorted()
    }

    /// Runs every selected case of one file.
    public func run(file: String) -> [CaseResult] {
        let base = (file as NSString).lastPathComponent
        let fixtures: [StateTestFixture]
        do { fixtures = try StateTestFixture.load(path: file) } catch {
            return [CaseResult(name: base, fork: "-", status: .failed("\(error)"), stateRoot: "")]
        }
        var results: [CaseResult] = []
        for t in fixtures {
            for (forkName, cases) in t.post {
                if !Self.selected(forkName, forks) { continue }
                for c in cases {
                    let name = "\(t.name)_\(forkName)_d\(c.data)g\(c.gas)v\(c.value)"
                    if let re = nameFilter,
                       re.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) == nil { continue }
                    let fork: Fork
                    switch Self.classify(forkName: forkName) {
                    case .run(let f): fork = f
                    case .notSupported:
                        results.append(CaseResult(name: name, fork: forkName, status: .skipped("fork not supported"), stateRoot: ""))
                        continue
                    case .unknown:
                        results.append(CaseResult(name: name, fork: forkName, status: .failed("unknown fork name \"\(forkName)\""), stateRoot: ""))
                        continue
                    }
                    if !includeHeavy && Self.heavyFiles.contains(base) {
                        results.append(CaseResult(name: name, fork: forkName, status: .skipped("heavy test (use --heavy)"), stateRoot: ""))
                        continue
                    }
                    results.append(Self.runCase(t, c, fork: fork, name: name))
                }
            }
        }
        return results
    }

    static func runCase(_ t: StateTestFixture, _ c: StateTestFixture.PostCase, fork: Fork, name: String) -> CaseResult {
        let crypto = NativeCryptoProvider()
        let tx = t.transaction
        guard c.data < tx.data.count, c.gas < tx.gasLimit.count, c.value < tx.value.count else {
            return CaseResult(name: name, fork: fork.name, status: .failed("indexes out of range"), stateRoot: "")
        }
        guard let transaction = tx.transaction(for: c) else {
            // A quantity beyond 256 bits cannot be RLP-encoded in a valid transaction: rejected, state unchanged.
            return compare(t, c, fork: fork, name: name, post: t.pre, logs: [], txError: .valueOverflow)
        }
        let block = environment(t.env, fork: fork)
        let evm = EVM(state: JournaledState(backend: t.pre), crypto: crypto, fork: fork, block: block)
        var post = t.pre
        var logs: [Log] = []
        var txError: TransactionError? = nil
        do {
            let r = try evm.transact(transaction)
            logs = r.logs
            post.apply(evm.state)
        } catch {
            txError = error
        }
        return compare(t, c, fork: fork, name: name, post: post, logs: logs, txError: txError)
    }

    static func compare(_ t: StateTestFixture, _ c: StateTestFixture.PostCase, fork: Fork, name: String,
                        post: InMemoryState, logs: [Log], txError: TransactionError?) -> CaseResult {
        let hasher = SwiftKeccak()
        let root = post.stateRoot(hasher)
        let rootHex = Hex.encode(root, prefix: true)
        var problems: [String] = []
        if root != c.hash { problems.append("state root \(rootHex) != expected \(Hex.encode(c.hash, prefix: true))") }
        let logsHash = LogsHash.compute(logs, hasher)
        if logsHash != c.logs { problems.append("logs hash \(Hex.encode(logsHash, prefix: true)) != expected \(Hex.encode(c.logs, prefix: true))") }
        if let e = c.expectException, txError == nil { problems.append("expected exception \(e), transaction was valid") }
        if c.expectException == nil, let e = txError { problems.append("unexpected invalid transaction: \(e.description)") }
        return CaseResult(name: name, fork: fork.name, status: problems.isEmpty ? .passed : .failed(problems.joined(separator: "; ")),
                          stateRoot: rootHex)
    }

    /// The block environment of a fixture's `env` (state-test conventions, see docs/EVM.md).
    public static func environment(_ env: [String: String], fork: Fork) -> BlockEnv {
        func w(_ k: String) -> UInt256 { (try? StateTestFixture.word(env[k])) ?? .zero }
        let number = w("currentNumber").uint64 ?? 0
        // geth's state-test convention: BLOCKHASH(n) = keccak256(decimal string of n).
        var hashes: [UInt256] = []
        let first = number > 256 ? number - 256 : 0
        if number > 0 {
            for n in first..<number { hashes.append(UInt256(bigEndian: Keccak256.hash(Array(String(n).utf8)))) }
        }
        let difficulty = w("currentDifficulty")
        return BlockEnv(
            coinbase: Address(bytes: (try? StateTestFixture.bytes(env["currentCoinbase"])) ?? []),
            number: number, timestamp: w("currentTimestamp"),
            gasLimit: w("currentGasLimit").uint64 ?? .max, difficulty: difficulty,
            prevRandao: env["currentRandom"] != nil ? w("currentRandom") : difficulty,
            baseFee: env["currentBaseFee"] != nil ? w("currentBaseFee") : UInt256(10),
            excessBlobGas: w("currentExcessBlobGas").uint64 ?? 0, chainId: UInt256(1), blockHashes: hashes)
    }
}
