import EVM
import EVMPrimitives
import Foundation
import NativeCrypto
import StateTest
import StatelessEVM

/// One GeneralStateTests case (test, fork, d, g, v) prepared for the EVM guest: the pre-state, the block
/// environment as BLOCK_ENV, the signed transaction (`txbytes`) and the fixture's expectations.
public struct StateTestCase {
    public var name: String
    public var fork: Fork
    public var pre: InMemoryState
    public var blockEnv: StatelessBlockEnv
    public var txbytes: [UInt8]
    public var expectedRoot: [UInt8]
    public var expectedLogsHash: [UInt8]
    public var expectException: String?
    let fixture: StateTestFixture
    let post: StateTestFixture.PostCase

    /// A selected case, or one skipped with the native runner's reason.
    public enum Entry {
        case run(StateTestCase)
        case skipped(name: String, fork: String, reason: String)
        case error(name: String, message: String)
    }

    /// The cases of one fixture file, selected as `StateTestRunner` selects them (forks before Berlin and the
    /// heavy files skipped with a reason).
    public static func cases(file: String, forks: Set<String>? = nil, nameFilter: NSRegularExpression? = nil,
                             includeHeavy: Bool = false) -> [Entry] {
        let base = (file as NSString).lastPathComponent
        let fixtures: [StateTestFixture]
        do { fixtures = try StateTestFixture.load(path: file) } catch {
            return [.error(name: base, message: "\(error)")]
        }
        var out: [Entry] = []
        for t in fixtures {
            for (forkName, posts) in t.post {
                if !StateTestRunner.selected(forkName, forks) { continue }
                for c in posts {
                    let name = "\(t.name)_\(forkName)_d\(c.data)g\(c.gas)v\(c.value)"
                    if let re = nameFilter,
                       re.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) == nil { continue }
                    let fork: Fork
                    switch StateTestRunner.classify(forkName: forkName) {
                    case .run(let f): fork = f
                    case .notSupported:
                        out.append(.skipped(name: name, fork: forkName, reason: "fork not supported"))
                        continue
                    case .unknown:
                        out.append(.error(name: name, message: "unknown fork name \"\(forkName)\""))
                        continue
                    }
                    if !includeHeavy && StateTestRunner.heavyFiles.contains(base) {
                        out.append(.skipped(name: name, fork: forkName, reason: "heavy test (use --heavy)"))
                        continue
                    }
                    let env = StatelessBlockEnv(fork: fork, env: StateTestRunner.environment(t.env, fork: fork))
                    out.append(.run(StateTestCase(
                        name: name, fork: fork, pre: t.pre, blockEnv: env, txbytes: c.txbytes, expectedRoot: c.hash,
                        expectedLogsHash: c.logs, expectException: c.expectException, fixture: t, post: c)))
                }
            }
        }
        return out
    }

    /// The native EVM's result on this case, computed as `StateTestRunner` does (the fixture's transaction
    /// template with its known sender, on an `InMemoryState`).
    public struct NativeOutcome: Equatable {
        public var stateRoot: [UInt8]
        public var logsHash: [UInt8]
        public var transaction: TxOutcome
    }

    public func runNative() -> NativeOutcome {
        let hasher = SwiftKeccak()
        let tx = fixture.transaction
        let c = post
        let invalid = NativeOutcome(stateRoot: pre.stateRoot(hasher), logsHash: LogsHash.compute([], hasher),
                                    transaction: TxOutcome(status: .invalid, gasUsed: 0))
        guard let transaction = tx.transaction(for: c) else { return invalid }
        let evm = EVM(state: JournaledState(backend: pre), crypto: NativeCryptoProvider(), fork: fork, block: blockEnv.env)
        guard let r = try? evm.transact(transaction) else { return invalid }
        var postState = pre
        postState.apply(evm.state)
        return NativeOutcome(stateRoot: postState.stateRoot(hasher), logsHash: LogsHash.compute(r.logs, hasher),
                             transaction: TxOutcome(status: r.success ? .success : .failed, gasUsed: UInt64(r.gasUsed)))
    }
}
