import Foundation
import RISCVTestSupport
import XCTest

/// `rvx translate` and `--engine auto` (docs/PERFORMANCE.md, "Choosing an engine"), through the CLI on the
/// example token rollup: `auto` never compiles (an empty cache stays empty), `rvx translate` fills the cache
/// once (a second call finds the entry), and every engine gives the verdict, cycles and output of the
/// reference stepper, with the post-state root computed natively by `rvx rollup build`.
final class TranslateCommandTests: XCTestCase {
    /// The rvx binary, a fresh directory (removed at teardown) holding a 12-transfer token-rollup block built by
    /// `rvx rollup build`, its ELF, and the `rvx execute --json` arguments of that call with `cache` as cache.
    func rollup() throws -> (rvx: String, dir: URL, cache: URL, elf: String, call: [String]) {
        let stf = try DevToolsPaths.example("token-rollup", xlen: 64)
        guard let rvx = RVXBinary.path else { throw XCTSkip("the rvx binary was not found next to the test bundle") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rvx-translate-\(UUID().uuidString)")
        let cache = dir.appendingPathComponent("cache")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let build = try DevToolsPaths.run(rvx, ["rollup", "build", "--out", dir.path, "--transfers", "12",
                                                "--accounts", "8", "--xlen", "64", "--stf", stf])
        XCTAssertEqual(build.status, 0, build.stdout)
        func text(_ name: String) throws -> String {
            try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let elf = dir.appendingPathComponent("stf.elf").path
        let call = ["execute", "--json", "--elf", elf, "--pre", try text("pre-root.txt"), "--post", try text("post-root.txt"),
                    "--input", dir.appendingPathComponent("container.bin").path, "--cache-dir", cache.path]
        return (rvx, dir, cache, elf, call)
    }

    func testAutoNeverCompilesAndTranslateWarmsTheCache() throws {
        let (rvx, _, cache, elf, call) = try rollup()
        func execute(_ engine: String?) throws -> [String: Any] {
            let r = try DevToolsPaths.run(rvx, call + (engine.map { ["--engine", $0] } ?? []))
            XCTAssertEqual(r.status, 0, "\(engine ?? "default"): \(r.stdout)")
            return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        }
        func summary(_ j: [String: Any]) -> String { "\(j["verdict"] ?? "-") \(j["cycles"] ?? "-") \(j["output"] ?? "-")" }
        let reference = try execute("reference")
        XCTAssertEqual(reference["verdict"] as? Bool, true)

        // Cold cache: auto (execute's default) runs the fast engine and compiles nothing.
        XCTAssertEqual(summary(try execute(nil)), summary(reference))
        XCTAssertEqual(summary(try execute("auto")), summary(reference))
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.path), "auto wrote to the cache")

        func translate() throws -> [String: Any] {
            let r = try DevToolsPaths.run(rvx, ["translate", "--json", "--cache-dir", cache.path, elf])
            XCTAssertEqual(r.status, 0, r.stdout)
            return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        }
        let first = try translate(), second = try translate()
        XCTAssertEqual(first["cached"] as? Bool, false)
        XCTAssertEqual(second["cached"] as? Bool, true)
        let key = try XCTUnwrap(first["key"] as? String)
        XCTAssertEqual(second["key"] as? String, key)
        let so = cache.appendingPathComponent(key + ".so").path
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: so)[.size] as? NSNumber)
        XCTAssertEqual((first["libraryBytes"] as? NSNumber)?.intValue, size.intValue)

        // Warm cache: auto loads the translation; translated finds it; nothing new is written.
        XCTAssertEqual(summary(try execute(nil)), summary(reference))
        XCTAssertEqual(summary(try execute("translated")), summary(reference))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted(), [key + ".sha256", key + ".so"])
    }

    /// `rvx execute --profile-out` gives the reference stepper's verdict, cycles and output and writes a block
    /// profile; `rvx translate --profile` translates only its hot code, in one region, and that translation
    /// gives the same results again. A profile of another code size is a usage error (exit status 2).
    func testProfileGuidedTranslation() throws {
        let (rvx, dir, cache, elf, call) = try rollup()
        let profile = dir.appendingPathComponent("p.txt")
        func summary(_ extra: [String]) throws -> String {
            let r = try DevToolsPaths.run(rvx, call + extra)
            XCTAssertEqual(r.status, 0, r.stdout)
            let j = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            return "\(j["verdict"] ?? "-") \(j["cycles"] ?? "-") \(j["output"] ?? "-")"
        }
        let reference = try summary(["--engine", "reference"])
        XCTAssertEqual(try summary(["--profile-out", profile.path]), reference)
        let lines = try String(contentsOf: profile, encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("rvx-block-profile ") ?? false)
        XCTAssertGreaterThan(lines.count, 1)
        let r = try DevToolsPaths.run(rvx, ["translate", "--json", "--cache-dir", cache.path, "--profile", profile.path,
                                            "--optimization=-O1", elf])
        XCTAssertEqual(r.status, 0, r.stdout)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["regions"] as? Int, 1)
        XCTAssertEqual(try summary(["--engine", "translated"]), reference)
        try "rvx-block-profile 3\n0 1\n".write(to: profile, atomically: true, encoding: .utf8)
        XCTAssertEqual(try DevToolsPaths.run(rvx, ["translate", "--cache-dir", cache.path, "--profile", profile.path, elf]).status, 2)
    }

    func testTranslateRejectsAMissingELF() throws {
        guard let rvx = RVXBinary.path else { throw XCTSkip("the rvx binary was not found next to the test bundle") }
        let r = try DevToolsPaths.run(rvx, ["translate", "/nonexistent/stf.elf"], stderr: true)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stdout.contains("/nonexistent/stf.elf"), r.stdout)
    }
}
