import Foundation
import XCTest
import EVM
import EVMPrimitives
import NativeCrypto
@testable import StateTest

/// Runs ethereum/tests GeneralStateTests: the copied subset always, the shared folder as a slice (all of it
/// with RVX_FULL_FIXTURES=1).
final class FixtureTests: XCTestCase {
    static let fixturesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    func check(_ files: [String], forks: Set<String>? = nil) -> StateTestSummary {
        // Run on the runner's big-stack threads: 1024 nested calls need more than a default thread stack.
        let lock = NSLock()
        nonisolated(unsafe) var summary = StateTestSummary()
        nonisolated(unsafe) var failures: [String] = []
        ParallelRunner.run(files: files, runner: StateTestRunner(forks: forks)) { _, results in
            lock.lock()
            defer { lock.unlock() }
            for r in results {
                summary.add(r)
                if case .failed(let why) = r.status { failures.append("\(r.name): \(why)") }
            }
        }
        for f in failures { XCTFail(f) }
        return summary
    }

    func testFixtureSubset() {
        let files = StateTestRunner.fixtureFiles(Self.fixturesDir)
        XCTAssertGreaterThanOrEqual(files.count, 40)
        let s = check(files)
        XCTAssertEqual(s.failed, 0)
        XCTAssertGreaterThan(s.passed, 400)
        print("fixture subset: \(s.line)")
    }

    /// The shared fixtures: env RVX_FIXTURES_DIR, or shared/fixtures/evm/state found walking up from the package.
    static func sharedFixtures() -> String? {
        if let d = ProcessInfo.processInfo.environment["RVX_FIXTURES_DIR"] { return d }
        return findShared("shared/fixtures/evm/state")
    }

    /// `relative` found walking up from the package, nil when absent.
    static func findShared(_ relative: String) -> String? {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            url = url.deletingLastPathComponent()
            let candidate = url.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    func testSharedFixtures() throws {
        guard let dir = Self.sharedFixtures() else {
            throw XCTSkip("shared fixtures not found (set RVX_FIXTURES_DIR)")
        }
        let full = ProcessInfo.processInfo.environment["RVX_FULL_FIXTURES"] == "1"
        var files = StateTestRunner.fixtureFiles(dir)
        if !full { files = files.enumerated().filter { $0.offset % 10 == 0 }.map(\.element) }
        let s = check(files, forks: full ? nil : ["Cancun"])
        print("shared fixtures (\(full ? "full" : "every 10th file, Cancun")): \(s.line)")
        XCTAssertEqual(s.failed, 0)
    }

    /// Decodes every case's signed `txbytes` and checks the recovered sender and fields against the template.
    func testTransactionDecodingAgainstFixtures() throws {
        let crypto = NativeCryptoProvider()
        var checked = 0
        for file in StateTestRunner.fixtureFiles(Self.fixturesDir) {
            for t in try StateTestFixture.load(path: file) {
                for (_, cases) in t.post {
                    for c in cases where c.expectException == nil {
                        let tx: Transaction
                        do { tx = try TransactionDecoder.decode(c.txbytes, crypto: crypto) } catch {
                            XCTFail("\(t.name): \(error.description)")
                            continue
                        }
                        XCTAssertEqual(tx.sender, t.transaction.sender, t.name)
                        XCTAssertEqual(tx.data, t.transaction.data[c.data], t.name)
                        XCTAssertEqual(tx.gasLimit, t.transaction.gasLimit[c.gas], t.name)
                        XCTAssertEqual(tx.value, t.transaction.value[c.value], t.name)
                        XCTAssertEqual(tx.to, t.transaction.to, t.name)
                        XCTAssertEqual(tx.nonce, t.transaction.nonce, t.name)
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 300)
    }
}
