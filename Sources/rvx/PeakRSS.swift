import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Peak resident set size of this process, for `rvx execute --peak-rss` (docs/HOSTILE.md §3).
enum PeakRSS {
    /// The peak RSS in bytes. On Linux this is `VmHWM` of /proc/self/status: the high-water mark of this
    /// program's own address space, which `execve` starts afresh. (`getrusage`'s `ru_maxrss` is not used there:
    /// the kernel folds into it the high-water mark of the address space the process had before `execve` —
    /// with `posix_spawn`/vfork that is the *parent's*, so a large parent inflates it.) Elsewhere `ru_maxrss`.
    static func bytes() -> UInt64? {
        #if os(Linux)
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 3, fields[2] == "kB", let kib = UInt64(fields[1]) else { return nil }
            return kib * 1024
        }
        return nil
        #else
        var usage = rusage()
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
        return UInt64(max(0, usage.ru_maxrss))  // bytes on Darwin
        #endif
    }
}
