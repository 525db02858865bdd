import Foundation

/// Locations in the repository, found from this source file (Tests/GuestTests/…), so the tests work from
/// any working directory; the environment variable `RVX_REPO_ROOT` overrides the root.
enum RepoPaths {
    static let root: URL = ProcessInfo.processInfo.environment["RVX_REPO_ROOT"].map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var buildGuests: URL { root.appendingPathComponent("toolchain/build-guests.sh") }
    static var guestBuild: URL { root.appendingPathComponent("guest/build") }
    static var examples: URL { root.appendingPathComponent("guest/examples") }
    static var tests: URL { root.appendingPathComponent("guest/tests") }

    /// The built ELF of `kind` ("examples", "tests", "bench") `name` for `xlen` (32 or 64).
    static func elf(_ kind: String, _ name: String, xlen: Int) -> URL {
        guestBuild.appendingPathComponent("rv\(xlen)/\(kind)/\(name)")
    }
}
