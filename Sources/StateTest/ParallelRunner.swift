import Foundation

/// Runs fixture files on several threads (each case is independent). Threads get a large stack because
/// nested calls recurse up to 1024 frames deep.
public enum ParallelRunner {
    /// Default worker stack: 512 MiB (virtual; only touched pages are committed).
    public static let defaultStackBytes = 512 << 20

    public static func run(files: [String], runner: StateTestRunner, threads: Int = 2,
                           stackBytes: Int = defaultStackBytes,
                           onFile: @escaping @Sendable (String, [CaseResult]) -> Void) {
        run(files: files, threads: threads, stackBytes: stackBytes, work: { runner.run(file: $0) }, onFile: onFile)
    }

    /// Runs `work` on each file on `threads` worker threads; `onFile` is called from the workers.
    public static func run<R>(files: [String], threads: Int, stackBytes: Int = defaultStackBytes,
                              work: @escaping @Sendable (String) -> R,
                              onFile: @escaping @Sendable (String, R) -> Void) {
        let lock = NSLock()
        nonisolated(unsafe) var next = 0
        let group = DispatchGroup()
        for _ in 0..<max(1, threads) {
            group.enter()
            let t = Thread {
                while true {
                    lock.lock()
                    let i = next
                    next += 1
                    lock.unlock()
                    if i >= files.count { break }
                    onFile(files[i], work(files[i]))
                }
                group.leave()
            }
            t.stackSize = stackBytes
            t.start()
        }
        group.wait()
    }
}
