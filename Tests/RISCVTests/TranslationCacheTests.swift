import Crypto
import Foundation
import GuestABI
import RISCV
import RISCVTestSupport
import Translator
import XCTest

/// The translation cache (docs/PERFORMANCE.md, "Translated tier"): a missing, corrupt, truncated or stale
/// entry is rebuilt, never trusted, and the translated run equals the reference stepper's.
final class TranslationCacheTests: XCTestCase {
    /// sum 1..100 into a0 (5050, by hand), then ebreak.
    func image() -> ProgramImage { TranslationCacheTests.image() }

    static func image() -> ProgramImage {
        var p = Program(xlen: 64)
        p.emit([Asm.addi(Reg.a0, 0, 0), Asm.addi(Reg.a1, 0, 100),
                Asm.add(Reg.a0, Reg.a0, Reg.a1), Asm.addi(Reg.a1, Reg.a1, -1), Asm.bne(Reg.a1, 0, -8), Asm.ebreak()])
        return ProgramImage(xlen: .rv64, entry: 0x10000, segments: [Segment(address: 0x10000, bytes: p.bytes, permissions: [.read, .execute])])
    }

    func fresh() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("rvx-cache-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: d) }
        return d
    }

    /// Installs a translation from `dir`, runs, and checks the result against the reference stepper.
    @discardableResult
    func runTranslated(_ dir: URL, file: StaticString = #filePath, line: UInt = #line) throws -> TranslationReport {
        let h = try Hart(image: image(), config: MachineConfig(engine: .translated))
        let report = try Translator(cacheDirectory: dir, optimization: "-O1").install(on: h)
        var handler = TestHandler()
        let stop = h.run(&handler)
        let ref = try Hart(image: image(), config: MachineConfig(engine: .reference))
        var refHandler = TestHandler()
        let refStop = ref.run(&refHandler)
        XCTAssertEqual(h.register(Reg.a0), 5050, file: file, line: line)
        XCTAssertEqual(stop, refStop, file: file, line: line)
        XCTAssertEqual(h.cycles, ref.cycles, file: file, line: line)
        XCTAssertEqual((0..<32).map { h.register($0) }, (0..<32).map { ref.register($0) }, file: file, line: line)
        return report
    }

    /// A copy of a fresh entry in a new directory, modified by `damage(so, sha256)`.
    func damagedEntry(_ damage: (URL, URL) throws -> Void) throws -> (URL, TranslationReport) {
        let first = try fresh()
        let built = try runTranslated(first)
        let dir = try fresh()
        let so = dir.appendingPathComponent("\(built.key).so"), sum = dir.appendingPathComponent("\(built.key).sha256")
        try FileManager.default.copyItem(at: first.appendingPathComponent("\(built.key).so"), to: so)
        try FileManager.default.copyItem(at: first.appendingPathComponent("\(built.key).sha256"), to: sum)
        try damage(so, sum)
        return (dir, built)
    }

    func testMissingEntryIsCompiledThenReused() throws {
        let dir = try fresh()
        let r = try runTranslated(dir)
        XCTAssertFalse(r.cached)
        XCTAssertEqual(r.rebuiltBecause, "missing")
        XCTAssertEqual(r.key.count, 64)
        let again = try runTranslated(dir)
        XCTAssertTrue(again.cached)
        XCTAssertEqual(again.key, r.key)
    }

    func testGoodEntryInAnotherDirectoryIsLoaded() throws {
        let (dir, built) = try damagedEntry { _, _ in }
        let r = try runTranslated(dir)
        XCTAssertTrue(r.cached)
        XCTAssertNil(r.rebuiltBecause)
        XCTAssertEqual(r.key, built.key)
    }

    func testCorruptEntryIsRebuilt() throws {
        let (dir, _) = try damagedEntry { so, _ in
            var b = try Data(contentsOf: so)
            b[b.count / 2] ^= 0xFF
            try b.write(to: so)
        }
        let r = try runTranslated(dir)
        XCTAssertFalse(r.cached)
        XCTAssertEqual(r.rebuiltBecause, "digest mismatch")
    }

    func testTruncatedEntryIsRebuilt() throws {
        let (dir, _) = try damagedEntry { so, _ in try Data(contentsOf: so).prefix(100).write(to: so) }
        let r = try runTranslated(dir)
        XCTAssertFalse(r.cached)
        XCTAssertEqual(r.rebuiltBecause, "digest mismatch")
    }

    func testMissingDigestIsRebuilt() throws {
        let (dir, _) = try damagedEntry { _, sum in try FileManager.default.removeItem(at: sum) }
        let r = try runTranslated(dir)
        XCTAssertFalse(r.cached)
        XCTAssertEqual(r.rebuiltBecause, "missing")
    }

    /// An object of another key under this key's name, with a matching digest: refused before dlopen.
    func testStaleEntryOfAnotherKeyIsRebuilt() throws {
        let (dir, _) = try damagedEntry { so, sum in
            var b = try Data(contentsOf: so)
            let key = so.deletingPathExtension().lastPathComponent
            let r = try XCTUnwrap(b.range(of: Data(key.utf8)))
            b.replaceSubrange(r, with: Data(String(repeating: "0", count: 64).utf8))
            try b.write(to: so)
            let digest = SHA256.hash(data: b).map { String(format: "%02x", $0) }.joined()
            try Data(digest.utf8).write(to: sum)
        }
        let r = try runTranslated(dir)
        XCTAssertFalse(r.cached)
        XCTAssertEqual(r.rebuiltBecause, "key mismatch")
    }

    /// Harts of one program starting together on several threads: one translation, every run exact.
    func testConcurrentInstallsAgree() throws {
        let dir = try fresh()
        let failures = NSLock()
        nonisolated(unsafe) var errors: [String] = []
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                let h = try Hart(image: TranslationCacheTests.image(), config: MachineConfig(engine: .translated))
                try Translator(cacheDirectory: dir, optimization: "-O1").install(on: h)
                var handler = TestHandler()
                _ = h.run(&handler)
                if h.register(Reg.a0) != 5050 { failures.lock(); errors.append("a0 \(h.register(Reg.a0))"); failures.unlock() }
            } catch { failures.lock(); errors.append("\(error)"); failures.unlock() }
        }
        XCTAssertEqual(errors, [])
        let entries = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(entries.count, 2, "\(entries)")   // one .so and its .sha256, no temporary files left
    }

    /// A translator that may not compile (the `auto` engine): an empty cache is a miss, nothing is written,
    /// and the hart runs exactly on the fast engine.
    func testCacheOnlyTranslatorNeverCompiles() throws {
        let dir = try fresh()
        let h = try Hart(image: image(), config: MachineConfig(engine: .translated))
        XCTAssertThrowsError(try Translator(cacheDirectory: dir, optimization: "-O1", compiles: false).install(on: h)) {
            XCTAssertEqual($0 as? TranslationError, .notCached)
        }
        XCTAssertNil(h.translation)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
        var handler = TestHandler()
        _ = h.run(&handler)
        XCTAssertEqual(h.register(Reg.a0), 5050)
    }

    /// A translator that may not compile loads a valid entry another one wrote.
    func testCacheOnlyTranslatorLoadsACachedEntry() throws {
        let (dir, built) = try damagedEntry { _, _ in }
        let h = try Hart(image: image(), config: MachineConfig(engine: .translated))
        let r = try Translator(cacheDirectory: dir, optimization: "-O1", compiles: false).install(on: h)
        XCTAssertTrue(r.cached)
        XCTAssertEqual(r.key, built.key)
        XCTAssertNotNil(h.translation)
    }

    /// A corrupt entry is not trusted by a translator that may not compile either: it is removed, a miss.
    func testCacheOnlyTranslatorRemovesACorruptEntry() throws {
        let (dir, _) = try damagedEntry { so, _ in try Data(contentsOf: so).prefix(100).write(to: so) }
        let h = try Hart(image: image(), config: MachineConfig(engine: .translated))
        XCTAssertThrowsError(try Translator(cacheDirectory: dir, optimization: "-O1", compiles: false).install(on: h)) {
            XCTAssertEqual($0 as? TranslationError, .notCached)
        }
        XCTAssertNil(h.translation)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }
}
