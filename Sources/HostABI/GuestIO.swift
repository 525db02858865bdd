#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GuestABI

private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
private func systemRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { read(fd, p, n) }

/// The host side of the guest's standard streams (Linux fds 0, 1, 2). `LinuxSyscalls` calls it with
/// buffers that alias guest memory; implementations must not keep them.
public protocol GuestIO {
    /// Writes `bytes` the guest wrote to `fd` (1 = stdout, 2 = stderr). Returns the number of bytes
    /// accepted or a negative errno.
    mutating func write(fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int64
    /// Reads guest stdin into `buffer`. Returns the number of bytes read (0 at end of input) or a
    /// negative errno.
    mutating func read(_ buffer: UnsafeMutableRawBufferPointer) -> Int64
}

/// Passes the guest's streams through to the host process's fds 0, 1 and 2 (unbuffered: one host
/// write per guest write, so stdout/stderr interleave as under qemu-user).
public struct StandardIO: GuestIO {
    public init() {}

    public mutating func write(fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int64 {
        guard let base = bytes.baseAddress else { return 0 }
        var done = 0
        while done < bytes.count {
            let n = systemWrite(fd, base + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return done > 0 ? Int64(done) : -Int64(errno)
            }
            done += n
        }
        return Int64(done)
    }

    public mutating func read(_ buffer: UnsafeMutableRawBufferPointer) -> Int64 {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = systemRead(0, base, buffer.count)
            if n < 0 && errno == EINTR { continue }
            return n < 0 ? -Int64(errno) : Int64(n)
        }
    }
}

/// Captures the guest's stdout and stderr in memory and serves stdin from a byte array (for tests and
/// for EXECUTE, where guest output must not reach the host's streams). Output beyond `outputLimit`
/// bytes in total is refused with -EFBIG so a guest cannot grow host memory without bound.
public struct CapturedIO: GuestIO {
    /// Bytes written to fd 1.
    public var stdout: [UInt8] = []
    /// Bytes written to fd 2.
    public var stderr: [UInt8] = []
    /// Bytes the guest can read from fd 0.
    public var stdin: [UInt8]
    /// How much of `stdin` has been read.
    public var stdinOffset = 0
    /// Maximum total bytes captured from stdout and stderr.
    public var outputLimit: Int

    public init(stdin: [UInt8] = [], outputLimit: Int = 64 << 20) {
        self.stdin = stdin
        self.outputLimit = outputLimit
    }

    public mutating func write(fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int64 {
        guard stdout.count + stderr.count + bytes.count <= outputLimit else { return -27 }  // EFBIG
        if fd == 1 { stdout += bytes } else { stderr += bytes }
        return Int64(bytes.count)
    }

    public mutating func read(_ buffer: UnsafeMutableRawBufferPointer) -> Int64 {
        let n = min(buffer.count, stdin.count - stdinOffset)
        if n > 0 {
            stdin.withUnsafeBytes { src in
                if let d = buffer.baseAddress, let s = src.baseAddress { d.copyMemory(from: s + stdinOffset, byteCount: n) }
            }
            stdinOffset += n
        }
        return Int64(n)
    }
}
