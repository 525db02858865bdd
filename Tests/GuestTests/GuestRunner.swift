import ELFLoader
import GuestABI
import HostABI
import Foundation
import RISCV
import Translator

/// The outcome of running a guest in-process under rvx.
struct GuestRun: Equatable {
    var stdout: [UInt8]
    var stderr: [UInt8]
    var stop: StopReason
    var instructions: UInt64
}

/// Runs ELF bytes in-process the way `rvx run` does: ELFLoader → Hart → HostABI's LinuxSyscalls, with
/// stdin empty and stdout/stderr captured (`CapturedIO`), on the fast engine or the translated tier.
enum GuestRunner {
    /// The translated tier for these tests: one cache directory for every run (entries are verified before use).
    static let translator = Translator(cacheDirectory: FileManager.default.temporaryDirectory
        .appendingPathComponent("rvx-guest-test-translations"), optimization: "-O1")

    /// Whether the translated tier runs every case (`RVX_FULL_TRANSLATED=1`) rather than the CI slice.
    static var allTranslated: Bool { ProcessInfo.processInfo.environment["RVX_FULL_TRANSLATED"] == "1" }

    static func run(elf: [UInt8], name: String, cycleLimit: UInt64 = 20_000_000_000, engine: Engine = .fast) throws -> GuestRun {
        let program = try ELFLoader.load(elf)
        let hart = try Hart(image: program.image, config: MachineConfig(cycleLimit: cycleLimit, engine: engine))
        if engine == .translated { try translator.install(on: hart) }
        var syscalls = LinuxSyscalls(io: CapturedIO())
        let stop = hart.run(&syscalls)
        return GuestRun(stdout: syscalls.io.stdout, stderr: syscalls.io.stderr, stop: stop,
                        instructions: hart.instructionsRetired)
    }
}
