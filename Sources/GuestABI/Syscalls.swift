/// Linux system call numbers understood by rvx (the RISC-V Linux ABI uses the asm-generic table,
/// include/uapi/asm-generic/unistd.h). The number is passed in a7, arguments in a0–a5, the result in a0.
public enum LinuxSyscall {
    /// `read(fd, buf, count)`.
    public static let read: UInt64 = 63
    /// `write(fd, buf, count)`.
    public static let write: UInt64 = 64
    /// `exit(status)`.
    public static let exit: UInt64 = 93
    /// `exit_group(status)`.
    public static let exitGroup: UInt64 = 94
    /// `brk(addr)`: returns the new program break, or the current one if the request fails.
    public static let brk: UInt64 = 214
}

/// Linux errno values (include/uapi/asm-generic/errno-base.h, errno.h). Syscalls return `-errno` in a0.
public enum LinuxErrno {
    /// Bad file descriptor.
    public static let EBADF: Int64 = 9
    /// Bad address (a guest buffer that is unmapped, lacks permission, or wraps around).
    public static let EFAULT: Int64 = 14
    /// Invalid argument.
    public static let EINVAL: Int64 = 22
    /// Function not implemented: the answer to every unknown syscall number (as qemu-user gives).
    public static let ENOSYS: Int64 = 38
}

/// Native rvx system calls (input mapping, state access, accelerators). Their numbers start at `base`,
/// far above every Linux number; they are defined by a later issue.
public enum RVXSyscall {
    /// The first native rvx syscall number.
    public static let base: UInt64 = 0x1000
}
