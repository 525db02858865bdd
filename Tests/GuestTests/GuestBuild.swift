import Foundation
import XCTest

/// Builds the guest programs once per test process with `toolchain/build-guests.sh`.
///
/// If the RISC-V cross compiler is missing the guest tests are skipped, unless the environment variable
/// `RVX_REQUIRE_GUESTS` is set (CI sets it), in which case they fail.
enum GuestBuild {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var outcome: Result<Void, Error>?

    /// Call at the start of every guest test.
    static func ensureBuilt() throws {
        lock.lock()
        defer { lock.unlock() }
        if outcome == nil { outcome = build() }
        try outcome!.get()
    }

    static var required: Bool { ProcessInfo.processInfo.environment["RVX_REQUIRE_GUESTS"] != nil }

    private static func build() -> Result<Void, Error> {
        if HostProcess.which("riscv64-unknown-elf-gcc") == nil && !required {
            return .failure(XCTSkip("riscv64-unknown-elf-gcc not found: guest tests skipped "
                                    + "(run toolchain/install-deps.sh; set RVX_REQUIRE_GUESTS=1 to make this an error)"))
        }
        do {
            let r = try HostProcess.run("/bin/sh", [RepoPaths.buildGuests.path])
            guard r.exitStatus == 0 else {
                return .failure(GuestTestError.buildFailed(String(decoding: r.stdout + r.stderr, as: UTF8.self)))
            }
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    /// qemu-riscv{32,64} must exist where guests are required; otherwise its absence skips qemu checks.
    static func qemuAvailable(xlen: Int) throws -> Bool {
        if QEMU.path(xlen: xlen) != nil { return true }
        if required { throw GuestTestError.missingTool("qemu-riscv\(xlen)") }
        return false
    }
}
