import ELFLoader
import GuestABI
import RISCV

/// The outcome of running a guest in-process under rvx.
struct GuestRun {
    var stdout: [UInt8]
    var stderr: [UInt8]
    var stop: StopReason
    var instructions: UInt64
}

/// Runs ELF bytes in-process: ELFLoader → Hart → a Linux syscall handler that captures fd 1 and 2.
enum GuestRunner {
    static func run(elf: [UInt8], name: String, cycleLimit: UInt64 = 20_000_000_000) throws -> GuestRun {
        let program = try ELFLoader.load(elf)
        let hart = try Hart(image: program.image, config: MachineConfig(cycleLimit: cycleLimit))
        var handler = CapturingLinuxSyscalls()
        let stop = hart.run(&handler)
        return GuestRun(stdout: handler.stdout, stderr: handler.stderr, stop: stop,
                        instructions: hart.instructionsRetired)
    }
}

/// The Linux syscalls of the rvx guest ABI (read 63 from an empty stdin, write 64 to fd 1/2, exit 93,
/// exit_group 94, brk 214, anything else -ENOSYS), with output captured in memory.
struct CapturingLinuxSyscalls: SyscallHandler {
    var stdout: [UInt8] = []
    var stderr: [UInt8] = []

    mutating func handleSyscall(_ hart: Hart) -> SyscallAction {
        let a0 = hart[10]
        switch hart[17] {
        case LinuxSyscall.write:
            guard a0 == 1 || a0 == 2 else { hart[10] = UInt64(bitPattern: -LinuxErrno.EBADF); return .resume }
            let count = hart[12]
            guard count <= 1 << 24, let bytes = hart.memory.read(hart[11], count: count) else {
                hart[10] = UInt64(bitPattern: -LinuxErrno.EFAULT)
                return .resume
            }
            if a0 == 1 { stdout += bytes } else { stderr += bytes }
            hart[10] = count
        case LinuxSyscall.read:
            hart[10] = a0 == 0 ? 0 : UInt64(bitPattern: -LinuxErrno.EBADF)
        case LinuxSyscall.brk:
            hart[10] = hart.memory.setBreak(a0)
        case LinuxSyscall.exit, LinuxSyscall.exitGroup:
            return .halt(.exited(code: Int64(bitPattern: a0)))
        default:
            hart[10] = UInt64(bitPattern: -LinuxErrno.ENOSYS)
        }
        return .resume
    }
}
