import ELFLoader
import GuestABI
import HostABI
import RISCV

/// The outcome of running a guest in-process under rvx.
struct GuestRun {
    var stdout: [UInt8]
    var stderr: [UInt8]
    var stop: StopReason
    var instructions: UInt64
}

/// Runs ELF bytes in-process the way `rvx run` does: ELFLoader → Hart → HostABI's LinuxSyscalls, with
/// stdin empty and stdout/stderr captured (`CapturedIO`).
enum GuestRunner {
    static func run(elf: [UInt8], name: String, cycleLimit: UInt64 = 20_000_000_000) throws -> GuestRun {
        let program = try ELFLoader.load(elf)
        let hart = try Hart(image: program.image, config: MachineConfig(cycleLimit: cycleLimit))
        var syscalls = LinuxSyscalls(io: CapturedIO())
        let stop = hart.run(&syscalls)
        return GuestRun(stdout: syscalls.io.stdout, stderr: syscalls.io.stderr, stop: stop,
                        instructions: hart.instructionsRetired)
    }
}
