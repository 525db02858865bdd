import BinaryTree
import Crypto
import Execute
import Foundation
import InputContainer
import XCTest

/// Examples/standard-ledger: an STF written only against the eth-act standard headers, built with
/// toolchain/rvx-cc for RV64IM and RV32IM and run in standard-IO state mode (docs/EXECUTE.md §2.1): three
/// chained batches proved with `Prover` and verified with `execute`, post roots checked against a ledger
/// model computed here on `SHA256BinaryTree`, and tampered batch, witness and root refused with their reasons.
final class StandardLedgerTests: XCTestCase {
    static let source = GuestSupport.root.appendingPathComponent("Examples/standard-ledger/ledger.c")

    func testIncludesOnlyTheStandardHeaders() throws {
        let text = try String(contentsOf: Self.source, encoding: .utf8)
        let includes = text.split(separator: "\n").filter { $0.hasPrefix("#include") }.map(String.init)
        XCTAssertEqual(includes, ["#include <stdint.h>", "#include <stdlib.h>", "#include <string.h>",
                                  "#include \"zkvm_accelerators.h\"", "#include \"zkvm_io.h\""])
    }

    func testChainRV64() throws { try chain(xlen: 64) }
    func testChainRV32() throws { try chain(xlen: 32) }

    static func key(_ b: UInt8) -> Bytes32 { Bytes32([UInt8](repeating: b, count: 32))! }
    static func le64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }
    static func record(_ k: Bytes32, _ amount: UInt64) -> [UInt8] { k.bytes + le64(amount) }

    func chain(xlen: Int) throws {
        let elf = try Self.build(xlen: xlen)
        let (a, b, c) = (Self.key(0x11), Self.key(0x22), Self.key(0x33))
        // A pre-existing key (0x44…) that no batch touches: it must stay out of every witness's view.
        var model = SHA256BinaryTree([Self.key(0x44): Bytes32(0, 0, 0, 9)])
        var pre = model
        let batches: [[(Bytes32, UInt64)]] = [[(a, 5), (b, 7), (a, 1)], [(a, 10), (c, 1)], [(b, 1 << 40), (a, 0)]]
        for (i, records) in batches.enumerated() {
            let batch = records.flatMap { Self.record($0.0, $0.1) }
            for (k, amount) in records { model[k] = Bytes32(0, 0, 0, (model[k]?.w3 ?? 0) + amount) }
            let proof = try Prover.prove(ProverInput(program: .elf(elf), sections: [(.batch, batch)], preState: pre,
                                                     stateMode: .standardIO))
            XCTAssertEqual(proof.postRoot, model.root().bytes, "rv\(xlen) batch \(i + 1): post root vs the model")
            XCTAssertEqual(proof.postState?.root(), model.root())
            XCTAssertEqual(proof.result.output, Self.le64(UInt64(records.count)) + Array(SHA256.hash(data: batch)),
                           "APP = record count ‖ SHA-256(batch); the state report is not part of it")
            let request = ExecuteRequest(program: .elf(elf), container: proof.container, claimedPostRoot: proof.postRoot,
                                         expectedPreStateRoot: pre.root().bytes, stateMode: .standardIO)
            let r = execute(request)
            XCTAssertTrue(r.verdict, "rv\(xlen) batch \(i + 1): \(String(describing: r.reason))")
            XCTAssertEqual(r.cycles, proof.cycles)

            var t = request
            var wrong = proof.postRoot
            wrong[31] ^= 1
            t.claimedPostRoot = wrong
            XCTAssertEqual(execute(t).reason, .rootMismatch(expected: wrong, actual: proof.postRoot))
            let container = try InputContainer(decoding: proof.container)
            var witness = Array(container.contents(.witness) ?? [])
            witness[witness.count - 1] ^= 1
            t = request
            t.container = try Self.replacing(proof.container, .witness, with: witness)
            XCTAssertEqual(execute(t).reason?.name, "witnessInvalid")
            var badAmount = batch
            badAmount[batch.count - 1] ^= 1
            t = request
            t.container = try Self.replacing(proof.container, .batch, with: badAmount)
            XCTAssertEqual(execute(t).reason?.name, "rootMismatch")
            // A key the witness proves absent (a stem other than A's on A's path: the path ends at A's stem node)
            // is served as absent; a key under the untouched stem 0x44… (opaque in the witness) is not covered.
            let absent = Bytes32([UInt8](repeating: 0x11, count: 30) + [0x10, 0])!
            t = request
            t.container = try Self.replacing(proof.container, .batch, with: batch + Self.record(absent, 1))
            XCTAssertEqual(execute(t).reason?.name, "rootMismatch", "a proven-absent key is written: another root")
            let stranger = Bytes32(stem: Self.key(0x44), subindex: 1)
            t.container = try Self.replacing(proof.container, .batch, with: batch + Self.record(stranger, 1))
            XCTAssertEqual(execute(t).reason, .witnessIncomplete(key: stranger.bytes), "a key outside the witness")
            t = request
            t.stateMode = .runtimeManaged
            XCTAssertEqual(execute(t).reason?.name, "nonZeroExit", "read_input is the bare batch in runtime-managed mode")
            pre = try XCTUnwrap(proof.postState)
        }
        XCTAssertEqual(pre.get(Self.key(0x44)), Bytes32(0, 0, 0, 9))
        XCTAssertEqual(pre.get(a), Bytes32(0, 0, 0, 16))
    }

    /// A guest without a state report (the conformance guest's output is text) is refused in standard-IO mode.
    func testOutputWithoutReport() throws {
        let elf = try Self.build(xlen: 64, source: GuestSupport.root.appendingPathComponent("Examples/zkvm-conformance/conformance.c"),
                                 include: GuestSupport.root.appendingPathComponent("Examples/zkvm-conformance").path)
        let container = try InputContainer.encode(sections: [(.batch, []), (.preStateRoot, [UInt8](repeating: 0, count: 32))])
        let r = execute(ExecuteRequest(program: .elf(elf), container: container,
                                       claimedPostRoot: [UInt8](repeating: 0, count: 32), stateMode: .standardIO))
        XCTAssertEqual(r.reason?.name, "stateReportInvalid")
    }

    static func build(xlen: Int, source: URL = source, include: String? = nil) throws -> [UInt8] {
        _ = try GuestSupport.elf("hello", "rv\(xlen)")   // the SDK (libzkvm_rvx.a) is built
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rvx-std-\(xlen)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let cc = Process()
        cc.executableURL = URL(fileURLWithPath: GuestSupport.root.appendingPathComponent("toolchain/rvx-cc").path)
        cc.arguments = ["--xlen", String(xlen), "-O2", "-Wall", "-Wextra", "-Werror"] + (include.map { ["-I", $0] } ?? [])
            + [source.path, "-o", out.path]
        try cc.run()
        cc.waitUntilExit()
        XCTAssertEqual(cc.terminationStatus, 0, "rvx-cc --xlen \(xlen) \(source.lastPathComponent)")
        return [UInt8](try Data(contentsOf: out))
    }

    static func replacing(_ container: [UInt8], _ kind: SectionKind, with body: [UInt8]) throws -> [UInt8] {
        let c = try InputContainer(decoding: container)
        let sections = SectionKind.allCases.compactMap { k in k == kind ? (k, body) : c.contents(k).map { (k, Array($0)) } }
        return try InputContainer.encode(sections: sections)
    }
}
