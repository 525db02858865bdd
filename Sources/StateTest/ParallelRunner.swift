import Foundation

/// Runs fixture files on several threads (each case is independent). Threads get a large stack because
/// nested calls recurse up to 1024 frames deep.
public enum ParallelRunner {
    public static func run(files: [String], runner: StateTestRunner, threads: Int = 2,
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
            t.stackSize = 512 << 20
            t.start()
        }
        group.wait()
    }
}
