// hello-execute-swift: an Embedded Swift EXECUTE guest built on the RVX SDK module (docs/SDK.md).
// Commits keccak256(BATCH) ‖ sha256(BATCH) (64 bytes) as public output and exits 0. Exit 1 when not
// running under rvx (qemu-user), exit 2 when the container has no BATCH section.

import RVX

@main
struct HelloExecute {
    static func main() {
        guard RVX.isAvailable else {
            print("not under rvx")
            RVX.exit(1)
        }
        guard let batch = RVX.section(.batch) else { RVX.exit(2) }
        RVX.debugPrint("hello-execute-swift: hashing the batch\n")
        // A named cycle scope: `rvx profile` shows the two hashes under a frame "hash-batch".
        RVX.scope("hash-batch") {
            RVX.commit(RVX.keccak256(batch))
            RVX.commit(RVX.sha256(batch))
        }
    }
}
