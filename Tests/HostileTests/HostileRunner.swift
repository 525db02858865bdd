import Execute
import Foundation
import HostABI
import InputContainer

/// Runs a hostile case through EXECUTE: in process (`execute()`, fast engine), and as `rvx execute --json`
/// in a child process whose peak RSS is measured, on the fast engine or the translated tier.
enum HostileRunner {
    static let zeroRoot = [UInt8](repeating: 0, count: 32)

    /// The container of an input kind (docs/FORMAT.md).
    static func container(_ input: HostileCase.Input) throws -> [UInt8] {
        switch input {
        case .empty: return try InputContainer.encode(sections: [(.batch, []), (.preStateRoot, zeroRoot)])
        case .opaque: return try InputContainer.encode(sections: [(.batch, []), (.preStateRoot, [UInt8](repeating: 0x11, count: 32))])
        case .batch: return try InputContainer.encode(sections: [(.batch, Array("hostile".utf8)), (.preStateRoot, zeroRoot)])
        }
    }

    static func request(_ c: HostileCase, elf: [UInt8]) throws -> ExecuteRequest {
        ExecuteRequest(program: .elf(elf), container: try container(c.input), claimedPostRoot: zeroRoot,
                       stateMode: c.mode == .runtime ? .runtimeManaged : .guestManaged,
                       limits: ExecuteLimits(cycles: c.cycleLimit, memory: c.memoryLimit))
    }

    /// What the CLI reported.
    struct CLIResult {
        var status: Int32
        var verdict: Bool
        var reason: String?
        var reasonText: String?
        var cycles: UInt64
        /// The child's own peak RSS (VmHWM via `--peak-rss`; else `spawnMaxRSS`).
        var peakRSS: UInt64
        /// `wait4`'s ru_maxrss of the child (an upper bound of `peakRSS`, see ChildProcess).
        var spawnMaxRSS: UInt64
    }

    /// Translations of the hostile ELFs (entries are verified before use, so one directory serves every run).
    static let cacheDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("rvx-hostile-translations")

    /// Cases whose CLI run is on the translated tier in every test run, a few per class: traps with pc,
    /// out of cycles at small limits (also between an ECALL and the exit), memory permissions and limits,
    /// syscalls and the post-root protocol. `RVX_HOSTILE_TRANSLATED=1` puts every case on the tier.
    static let translatedSlice: Set<String> = [
        "jump_data", "misaligned_jump", "ebreak",
        "loop_infinite", "exit_at_limit_declared",
        "load_guard", "write_text", "stack_overflow_limit",
        "wild_linux", "ecall_loop", "post_root_false",
    ]

    static func translated(_ c: HostileCase) -> Bool {
        ProcessInfo.processInfo.environment["RVX_HOSTILE_TRANSLATED"] == "1" || translatedSlice.contains(c.name)
    }

    static func runCLI(_ rvx: String, _ c: HostileCase, elf: URL, containerFile: URL) throws -> CLIResult {
        let r = try ChildProcess.run(rvx, [
            "execute", "--json", "--elf", elf.path, "--input", containerFile.path,
            "--post", "0x" + String(repeating: "0", count: 64), "--state", c.mode.rawValue,
            "--cycles", String(c.cycleLimit), "--memory", String(c.memoryLimit), "--peak-rss",
            // The in-process run (fast engine) is the oracle of the CLI's, translated or fast.
            "--engine", translated(c) ? "translated" : "fast", "--cache-dir", cacheDirectory.path,
        ])
        guard let obj = try JSONSerialization.jsonObject(with: Data(r.stdout)) as? [String: Any],
              let verdict = obj["verdict"] as? Bool, let cycles = (obj["cycles"] as? NSNumber)?.uint64Value
        else { throw HostileError.missing("rvx execute --json printed \(String(decoding: r.stdout, as: UTF8.self))") }
        // The child's own high-water mark (VmHWM, reported by `--peak-rss`); `wait4`'s ru_maxrss only where that
        // is unavailable, since on Linux it also holds this (large) test process's peak (ChildProcess).
        let own = (obj["peakRSS"] as? NSNumber)?.uint64Value
        return CLIResult(status: r.status, verdict: verdict, reason: obj["reason"] as? String,
                         reasonText: obj["reasonText"] as? String, cycles: cycles, peakRSS: own ?? r.peakRSS,
                         spawnMaxRSS: r.peakRSS)
    }
}
