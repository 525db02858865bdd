import ELFLoader
import Execute
import Foundation
import HostABI
import RISCV
import XCTest

/// Determinism (docs/HOSTILE.md §4): limits are exact to the instruction, a stopped run resumes to the same end,
/// repeated runs give identical results, and runs on parallel threads equal runs in sequence.
final class DeterminismTests: XCTestCase {
    /// A cycle limit of N retires exactly N instructions of an infinite loop, on both XLENs, for N from 1 up.
    func testCycleLimitRetiresExactlyN() throws {
        try HostileBuild.ensureBuilt()
        for xlen in [32, 64] {
            let elf = try [UInt8](Data(contentsOf: HostilePaths.elf("loop_infinite", xlen: xlen)))
            for n: UInt64 in [1, 2, 3, 17, 1000, 65_537] {
                let r = execute(ExecuteRequest(program: .elf(elf), container: try HostileRunner.container(.empty),
                                               claimedPostRoot: HostileRunner.zeroRoot, limits: ExecuteLimits(cycles: n)))
                XCTAssertEqual(r.reason, .outOfCycles, "RV\(xlen) N=\(n)")
                XCTAssertEqual(r.instructions, n, "RV\(xlen) N=\(n)")
                XCTAssertEqual(r.cycles, n, "RV\(xlen) N=\(n)")
            }
        }
    }

    /// Real programs (examples/hello and the allocator workload hostile/c_alloc_then_exit under a 1 MiB limit; Linux
    /// syscalls only, so cycles = instructions): stopping at N retires exactly N and names the next pc, and raising
    /// the limit resumes to exactly the output, status and instruction count of an uninterrupted run.
    func testStopAtNAndResumeMatchesUninterruptedRun() throws {
        try HostileBuild.ensureBuilt()
        for xlen in [32, 64] {
            for (path, memory) in [(HostilePaths.example("hello", xlen: xlen), MachineConfig.defaultMemoryLimit),
                                   (HostilePaths.elf("c_alloc_then_exit", xlen: xlen), 1 << 20)] {
                let what = "RV\(xlen) \(path.lastPathComponent)"
                let program = try ELFLoader.load(path: path.path)
                let full = try Hart(image: program.image, config: MachineConfig(memoryLimit: memory))
                var io = LinuxSyscalls(io: CapturedIO())
                let fullStop = full.run(&io)
                XCTAssertEqual(fullStop, .exited(code: 0), what)
                let total = full.instructionsRetired
                for n in [UInt64(1), 1000, total / 2, total - 1] {
                    let hart = try Hart(image: program.image, config: MachineConfig(cycleLimit: n, memoryLimit: memory))
                    var h = LinuxSyscalls(io: CapturedIO())
                    guard case .outOfCycles(let pc) = hart.run(&h) else { XCTFail("\(what) N=\(n): not out of cycles"); continue }
                    XCTAssertEqual(hart.instructionsRetired, n, "\(what) N=\(n)")
                    XCTAssertEqual(hart.pc, pc, "\(what) N=\(n): the stop names the next instruction")
                    hart.cycleLimit = .max
                    XCTAssertEqual(hart.run(&h), fullStop, "\(what) N=\(n): resumed stop")
                    XCTAssertEqual(hart.instructionsRetired, total, "\(what) N=\(n): resumed total")
                    XCTAssertEqual(h.io.stdout, io.io.stdout, "\(what) N=\(n): resumed output")
                }
            }
        }
        let hello = try ELFLoader.load(path: HostilePaths.example("hello", xlen: 64).path)
        let hart = try Hart(image: hello.image)
        var io = LinuxSyscalls(io: CapturedIO())
        _ = hart.run(&io)
        XCTAssertEqual(String(decoding: io.io.stdout, as: UTF8.self).split(separator: "\n").first, "Hello from a RISC-V guest!")
    }

    /// Requests covering every stop kind (a slice of the hostile suite plus the sdk-state example).
    func requests() throws -> [ExecuteRequest] {
        var out: [ExecuteRequest] = []
        let cases = try HostileManifest.load().filter { $0.cycleLimit <= 1_000_000 && $0.memoryLimit <= 64 << 20 }
        for xlen in [32, 64] {
            for c in cases {
                out.append(try HostileRunner.request(c, elf: [UInt8](Data(contentsOf: HostilePaths.elf(c.name, xlen: xlen)))))
            }
            let sdk = try [UInt8](Data(contentsOf: HostilePaths.example("sdk-state", xlen: xlen)))
            out.append(ExecuteRequest(program: .elf(sdk), container: try HostileRunner.container(.batch),
                                      claimedPostRoot: HostileRunner.zeroRoot))
        }
        return out
    }

    /// Three runs of each request give identical results (verdict, reason, cycles, gas, output, post root …).
    func testRepeatedRunsAreIdentical() throws {
        try HostileBuild.ensureBuilt()
        for request in try requests() {
            let first = execute(request)
            for _ in 0..<2 { XCTAssertEqual(execute(request), first) }
        }
    }

    /// `executeBlock` on 4 threads returns exactly the sequential results, in order; so do 4 threads each running
    /// the whole list.
    func testParallelRunsEqualSequentialRuns() throws {
        try HostileBuild.ensureBuilt()
        let reqs = try requests()
        let sequential = reqs.map { execute($0) }
        XCTAssertGreaterThan(Set(sequential.map { $0.reason?.name ?? "true" }).count, 8, "the slice covers many stop kinds")
        let block = executeBlock(reqs, jobs: 4)
        XCTAssertEqual(block.results, sequential)

        let results = LockedResults(count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            results.set(i, reqs.map { execute($0) })
        }
        for i in 0..<4 { XCTAssertEqual(results.get(i), sequential, "thread \(i)") }
    }
}

/// Per-thread result slots guarded by a lock.
final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[ExecuteResult]]
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ r: [ExecuteResult]) { lock.lock(); slots[i] = r; lock.unlock() }
    func get(_ i: Int) -> [ExecuteResult] { lock.lock(); defer { lock.unlock() }; return slots[i] }
}
