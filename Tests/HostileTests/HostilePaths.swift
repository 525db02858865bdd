import Foundation
import RISCVTestSupport
import XCTest

/// Repository locations (found from this file, or `RVX_REPO_ROOT`), the guest build and the `rvx` binary.
enum HostilePaths {
    static let root: URL = ProcessInfo.processInfo.environment["RVX_REPO_ROOT"].map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var sources: URL { root.appendingPathComponent("guest/tests/hostile") }
    static func elf(_ name: String, xlen: Int) -> URL { root.appendingPathComponent("guest/build/rv\(xlen)/hostile/\(name)") }
    static func example(_ name: String, xlen: Int) -> URL { root.appendingPathComponent("guest/build/rv\(xlen)/examples/\(name)") }
    static var crashers: URL { root.appendingPathComponent("Tests/Fixtures/FuzzCrashers") }
    static var seeds: URL { root.appendingPathComponent("Tests/Fixtures/FuzzSeeds") }

    /// The `rvx` executable built next to the test bundle (`.build/<config>/rvx`), or `RVX_BINARY`.
    static var rvx: String? { RVXBinary.path }

    static var required: Bool { ProcessInfo.processInfo.environment["RVX_REQUIRE_GUESTS"] != nil }
}

/// Builds the guests once per test process (toolchain/build-guests.sh); skips the guest tests when the cross
/// compiler is missing, unless `RVX_REQUIRE_GUESTS` is set.
enum HostileBuild {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var outcome: Result<Void, Error>?

    static func ensureBuilt() throws {
        lock.lock()
        defer { lock.unlock() }
        if outcome == nil { outcome = build() }
        try outcome!.get()
    }

    private static func build() -> Result<Void, Error> {
        let hasGCC = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/riscv64-unknown-elf-gcc")
        }
        if !hasGCC && !HostilePaths.required {
            return .failure(XCTSkip("riscv64-unknown-elf-gcc not found: hostile guest tests skipped (set RVX_REQUIRE_GUESTS=1 to fail)"))
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = [HostilePaths.root.appendingPathComponent("toolchain/build-guests.sh").path]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        do { try p.run() } catch { return .failure(error) }
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return .failure(HostileError.buildFailed(String(decoding: out, as: UTF8.self))) }
        return .success(())
    }
}
