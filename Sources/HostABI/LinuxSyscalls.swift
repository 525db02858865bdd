import GuestABI
import RISCV

/// A set of additional syscalls (e.g. the native rvx syscalls from `RVXSyscall.base` on) that
/// `LinuxSyscalls` consults before its own table. Return nil for numbers it does not handle.
public protocol SyscallExtension {
    mutating func handle(_ number: UInt64, _ hart: Hart) -> SyscallAction?
}

/// No additional syscalls.
public struct NoSyscallExtension: SyscallExtension {
    public init() {}
    public func handle(_ number: UInt64, _ hart: Hart) -> SyscallAction? { nil }
}

/// The Linux-compatible syscall handler (Linux RISC-V user ABI: number in a7, arguments in a0–a5,
/// result or -errno in a0; numbers from asm-generic/unistd.h). Implements exit, exit_group, write,
/// read and brk; every other number returns -ENOSYS, as qemu-user does.
///
/// Guest buffers are checked like Linux's `access_ok` plus the page permissions: an unmapped,
/// unpermitted or wrapping range gives -EFAULT. Single transfers are capped at `maxTransfer` bytes
/// (a short read/write, which Linux also allows).
public struct LinuxSyscalls<IO: GuestIO, Extension: SyscallExtension>: SyscallHandler {
    public var io: IO
    public var ext: Extension
    /// Largest number of bytes moved by one read or write (default 1 MiB).
    public var maxTransfer: UInt64 = 1 << 20

    public init(io: IO, extension ext: Extension) {
        self.io = io
        self.ext = ext
    }

    public mutating func handleSyscall(_ hart: Hart) -> SyscallAction {
        let n = hart[17]
        if let action = ext.handle(n, hart) { return action }
        let result: Int64
        switch n {
        case LinuxSyscall.exit, LinuxSyscall.exitGroup:
            return .halt(.exited(code: Int64(bitPattern: hart[10])))
        case LinuxSyscall.write:
            let fd = Int32(truncatingIfNeeded: hart[10])
            guard fd == 1 || fd == 2 else { result = -LinuxErrno.EBADF; break }
            switch transfer(hart, .read) {
            case .ok(let buf): result = buf.count == 0 ? 0 : io.write(fd: fd, UnsafeRawBufferPointer(buf))
            case .fault: result = -LinuxErrno.EFAULT
            case .outOfMemory(let a): return .halt(.outOfMemory(pc: hart.pc, address: a))
            }
        case LinuxSyscall.read:
            guard Int32(truncatingIfNeeded: hart[10]) == 0 else { result = -LinuxErrno.EBADF; break }
            switch transfer(hart, .write) {
            case .ok(let buf): result = buf.count == 0 ? 0 : io.read(buf)
            case .fault: result = -LinuxErrno.EFAULT
            case .outOfMemory(let a): return .halt(.outOfMemory(pc: hart.pc, address: a))
            }
        case LinuxSyscall.brk:
            result = Int64(hart.memory.setBreak(hart.xlen.address(hart[10])))
        default:
            result = -LinuxErrno.ENOSYS
        }
        hart[10] = UInt64(bitPattern: result)
        return .resume
    }

    /// The guest buffer (a1, a2) of a read or write, capped at `maxTransfer`.
    func transfer(_ hart: Hart, _ access: Permissions) -> GuestAccess {
        let address = hart.xlen.address(hart[11])
        let count = min(hart.xlen.address(hart[12]), maxTransfer)
        return hart.memory.access(address, count: count, access)
    }
}

extension LinuxSyscalls where Extension == NoSyscallExtension {
    /// The Linux syscalls alone.
    public init(io: IO) { self.init(io: io, extension: NoSyscallExtension()) }
}
