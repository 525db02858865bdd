import Foundation

/// Runs fixture files on several threads (each case is independent). Threads get a large stack because
/// nested calls recurse up to 1024 frames deep.
public enum ParallelRunner {
    /// Default worker stack: 512 MiB (virtual; only touched pages are committed).
    public static let defaultStackBytes = 512 << 20

    public static func run(files: [String], runner: StateTestRunner, threads: Int = 2,
                           stackBytes: Int = defaultStackBytes,
                           onFile: @escaping @Sendable (String, [CaseResult]) -> Void) {
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
                    let results = runner.run(file: files[i])
                    onFile(files[i], results)
                }
                group.leave()
            }
            t.stackSize = stackBytes
            t.start()
        }
        group.wait()
    }
}
