import Foundation
import XCTest
import ELFLoader
import EVM
import EVMPrimitives
import EVMProver
import Execute
import InputContainer
import NativeCrypto
import StateTest
import StatelessEVM

/// The EVM guest (guest/build/<xlen>/evm/evm-guest) under EXECUTE in guest-managed mode, for rv64 and rv32:
/// state-test cases agree with the native EVM and the fixtures (a slice by default, the whole shared folder with
/// RVX_FULL_EVM_DIFF=1), and wrong claims or witnesses give false with the right reason.
final class EVMGuestTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/EVMTests/Fixtures").path

    func guests() throws -> [GuestDiff.Guest] {
        var out: [GuestDiff.Guest] = []
        for x in ["rv64", "rv32"] {
            let path = Self.packageRoot.appendingPathComponent("guest/build/\(x)/evm/evm-guest").path
            guard FileManager.default.fileExists(atPath: path) else {
                if ProcessInfo.processInfo.environment["RVX_REQUIRE_GUESTS"] != nil { XCTFail("missing \(path)") }
                throw XCTSkip("\(path) not built (run toolchain/build-guests.sh)")
            }
            out.append(GuestDiff.Guest(label: x, image: try ELFLoader.load(path: path).image))
        }
        return out
    }

    /// Runs the diff over `files` on 2 big-stack threads; returns (passed, skipped) and fails on any mismatch.
    func diff(_ files: [String], forks: Set<String>? = nil) throws -> (passed: Int, skipped: Int) {
        let guests = try guests()
        let lock = NSLock()
        nonisolated(unsafe) var summary = DiffSummary(labels: guests.map(\.label))
        nonisolated(unsafe) var failures: [String] = []
        nonisolated(unsafe) var next = 0
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            let t = Thread {
                while true {
                    lock.lock()
                    let i = next
                    next += 1
                    lock.unlock()
                    if i >= files.count { break }
                    for entry in StateTestCase.cases(file: files[i], forks: forks) {
                        var r: GuestDiff.CaseReport
                        switch entry {
                        case .run(let c): r = GuestDiff.run(c, guests: guests, limits: ExecuteLimits(cycles: 20_000_000_000))
                        case .skipped(let n, let f, let why):
                            r = GuestDiff.CaseReport(name: n, fork: f)
                            r.skipped = why
                        case .error(let n, let m):
                            r = GuestDiff.CaseReport(name: n, fork: "-")
                            r.mismatches = [m]
                        }
                        lock.lock()
                        summary.add(r)
                        failures += r.mismatches.map { "\(r.name): \($0)" }
                        lock.unlock()
                    }
                }
                group.leave()
            }
            t.stackSize = 512 << 20
            t.start()
        }
        group.wait()
        for f in failures { XCTFail(f) }
        for l in summary.lines(files: files.count) { print("evm diff: \(l)") }
        return (summary.passed, summary.skipped)
    }

    /// Every 4th file of the copied fixture subset, all forks, both XLENs (the default slice).
    func testFixtureSliceOnBothXLENs() throws {
        let files = StateTestRunner.fixtureFiles(Self.fixtures).enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
        XCTAssertGreaterThanOrEqual(files.count, 10)
        let r = try diff(files)
        XCTAssertGreaterThan(r.passed, 50)
    }

    /// The whole shared fixture folder (RVX_FULL_EVM_DIFF=1; long).
    func testSharedFixturesFull() throws {
        guard ProcessInfo.processInfo.environment["RVX_FULL_EVM_DIFF"] == "1" else {
            throw XCTSkip("set RVX_FULL_EVM_DIFF=1 to diff the whole shared fixture folder")
        }
        var url = Self.packageRoot
        var dir: String? = ProcessInfo.processInfo.environment["RVX_FIXTURES_DIR"]
        for _ in 0..<8 where dir == nil {
            url = url.deletingLastPathComponent()
            let c = url.appendingPathComponent("shared/fixtures/evm/state").path
            if FileManager.default.fileExists(atPath: c) { dir = c }
        }
        guard let d = dir else { throw XCTSkip("shared fixtures not found") }
        let r = try diff(StateTestRunner.fixtureFiles(d))
        XCTAssertGreaterThan(r.passed, 1000)
    }

    // MARK: False verdicts

    /// The prover's container for the Cancun case of stExample/yulExample (storage writes, a log-free call).
    func proof() throws -> (EVMProver.Proof, StateTestCase) {
        let file = Self.fixtures + "/stExample/yulExample.json"
        guard case .run(let c)? = StateTestCase.cases(file: file, forks: ["Cancun"]).first else {
            throw XCTSkip("fixture \(file) missing")
        }
        return (try EVMProver.prove(pre: c.pre, blockEnv: c.blockEnv, transactions: [c.txbytes], crypto: NativeCryptoProvider()), c)
    }

    func run(_ guest: GuestDiff.Guest, _ container: [UInt8], claim: [UInt8]) -> ExecuteResult {
        execute(ExecuteRequest(program: .image(guest.image), container: container, claimedPostRoot: claim, stateMode: .guestManaged))
    }

    func container(_ p: EVMProver.Proof, _ c: StateTestCase, witness: ExecutionWitness? = nil, preRoot: [UInt8]? = nil,
                   blockEnv: [UInt8]? = nil) throws -> [UInt8] {
        try InputContainer.encode(sections: [
            (.batch, Batch.encode([c.txbytes])), (.witness, (witness ?? p.witness).encode()),
            (.preStateRoot, preRoot ?? p.preStateRoot), (.blockEnv, blockEnv ?? c.blockEnv.encode()),
        ])
    }

    func debugText(_ r: ExecuteResult) -> String { String(decoding: r.debugOutput, as: UTF8.self) }

    func testTrueVerdictAndPublicOutput() throws {
        let (p, c) = try proof()
        for g in try guests() {
            let r = run(g, p.container, claim: c.expectedRoot)
            XCTAssertTrue(r.verdict, "\(g.label): \(String(describing: r.reason)) \(debugText(r))")
            XCTAssertEqual(r.postRoot, c.expectedRoot)
            XCTAssertEqual(r.output, p.result.publicOutput(), g.label)
            XCTAssertEqual(StatelessResult.parsePublicOutput(r.output)?.logsHash, c.expectedLogsHash)
        }
    }

    func testWrongClaimedRootIsRootMismatch() throws {
        let (p, c) = try proof()
        var claim = c.expectedRoot
        claim[0] ^= 0x80
        for g in try guests() {
            let r = run(g, p.container, claim: claim)
            XCTAssertFalse(r.verdict)
            XCTAssertEqual(r.reason, .rootMismatch(expected: claim, actual: c.expectedRoot), g.label)
        }
    }

    func testMissingWitnessNodeIsWitnessIncomplete() throws {
        let (p, c) = try proof()
        var w = p.witness
        let dropped = w.nodes.removeLast()
        let hash = Hex.encode(Keccak256.hash(dropped), prefix: true)
        for g in try guests() {
            let r = run(g, try container(p, c, witness: w), claim: c.expectedRoot)
            XCTAssertFalse(r.verdict)
            XCTAssertEqual(r.reason, .nonZeroExit(code: 3), g.label)
            XCTAssertEqual(debugText(r), "evm-guest: witness incomplete: missing node or code \(hash)\n", g.label)
        }
    }

    func testTamperedWitnessNodeIsRejected() throws {
        let (p, c) = try proof()
        var w = p.witness
        let original = w.nodes[0]
        w.nodes[0][w.nodes[0].count - 1] ^= 0x01
        let hash = Hex.encode(Keccak256.hash(original), prefix: true)
        for g in try guests() {
            let r = run(g, try container(p, c, witness: w), claim: c.expectedRoot)
            XCTAssertFalse(r.verdict)
            XCTAssertEqual(r.reason, .nonZeroExit(code: 3), g.label)
            XCTAssertEqual(debugText(r), "evm-guest: witness incomplete: missing node or code \(hash)\n", g.label)
        }
    }

    /// A pre-state root that commits to a non-canonical node (a 3-item list): witness invalid, exit 4.
    func testMalformedReachableNodeIsWitnessInvalid() throws {
        let (p, c) = try proof()
        let bad: [UInt8] = [0xc3, 0x01, 0x02, 0x03]
        let root = Keccak256.hash(bad)
        for g in try guests() {
            let r = run(g, try container(p, c, witness: ExecutionWitness(nodes: [bad]), preRoot: root), claim: c.expectedRoot)
            XCTAssertEqual(r.reason, .nonZeroExit(code: 4), g.label)
            XCTAssertEqual(debugText(r), "evm-guest: witness invalid: bad node or account \(Hex.encode(root, prefix: true))\n")
        }
    }

    func testMalformedBlockEnvIsExit2() throws {
        let (p, c) = try proof()
        for g in try guests() {
            let r = run(g, try container(p, c, blockEnv: [0xc0]), claim: c.expectedRoot)
            XCTAssertEqual(r.reason, .nonZeroExit(code: 2), g.label)
            XCTAssertEqual(debugText(r), "evm-guest: malformed BLOCK_ENV: expected 11 fields\n")
        }
    }
}
