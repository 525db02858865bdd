import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process run with `posix_spawn` and reaped with `wait4`, which reports its `ru_maxrss`. On Linux that
/// is an upper bound, not the child's own peak: `execve` folds the high-water mark of the address space it
/// replaces into it, and a `posix_spawn` (vfork) child replaces the *parent's* — so it is at least this test
/// process's peak RSS. The hostile suite therefore takes the child's own `VmHWM` (`rvx execute --peak-rss`).
struct ChildResult {
    var status: Int32
    var stdout: [UInt8]
    /// `ru_maxrss` of the child in bytes (on Linux at least the parent's peak RSS; see above).
    var peakRSS: UInt64
}

enum ChildProcess {
    /// Runs `path` with `arguments`; stdout goes to a temporary file that is read back, stderr to /dev/null.
    static func run(_ path: String, _ arguments: [String]) throws -> ChildResult {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rvx-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw HostileError.missing("posix_spawn \(path) failed: \(rc)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw HostileError.missing("wait4 failed: \(errno)") }
        }
        let exited = status & 0x7F == 0
        let data = (try? Data(contentsOf: out)) ?? Data()
        return ChildResult(status: exited ? (status >> 8) & 0xFF : -(status & 0x7F), stdout: [UInt8](data),
                           peakRSS: UInt64(usage.ru_maxrss) * 1024)
    }
}
