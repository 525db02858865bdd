import ArgumentParser
import ELFLoader
import Execute
import Foundation
import HostABI

/// `rvx execute-block`: verifies many independent EXECUTE calls in parallel and reports per-call verdicts
/// and throughput (docs/EXECUTE.md §6–§7).
///
/// A manifest is a text file with one call per line: `ELF CONTAINER POST-ROOT [PRE-ROOT]` (paths relative to
/// the manifest's directory; `#` starts a comment). A directory argument means `DIR/manifest.txt`.
struct ExecuteBlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "execute-block",
        abstract: "Verify many EXECUTE calls in parallel; report verdicts and throughput.",
        discussion: """
            Manifest lines: ELF CONTAINER POST-ROOT [PRE-ROOT]. Exit status: 0 if every verdict is true, \
            1 otherwise, 2 on usage errors.
            """
    )

    @Option(help: "Worker threads, at least 1 (default: all cores).") var jobs: Int?
    @Flag(help: "Measure throughput with 1, 2, 4, … up to --jobs workers.") var scaling = false
    @Option(help: "State mode: runtime, guest or standard.") var state: String = "runtime"
    @OptionGroup var limitOptions: LimitOptions
    @Option(help: "Repeat the whole block this many times (for throughput measurements).") var repetitions: Int = 1
    @Flag(help: "Print results as JSON Lines: one JSON object per call and line.") var json = false
    @OptionGroup var progress: ProgressOptions
    @Argument(help: "Manifest files or directories holding manifest.txt.") var manifests: [String] = []

    func run() throws {
        guard !manifests.isEmpty else { throw ExecuteCLI.usage("no manifest given") }
        if let j = jobs, j < 1 { throw ExecuteCLI.usage("--jobs must be at least 1") }
        let mode = try ExecuteCommand.mode(state)
        let (limits, cyclesPerGas) = try limitOptions.resolved()
        var requests: [ExecuteRequest] = []
        for m in manifests { requests += try load(m, mode: mode, limits: limits, cyclesPerGas: cyclesPerGas) }
        guard repetitions >= 1 else { throw ExecuteCLI.usage("--repetitions must be at least 1") }
        let all = Array((0..<repetitions).map { _ in requests }.joined())
        let maxJobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        var counts = [maxJobs]
        if scaling {
            counts = []
            var j = 1
            while j < maxJobs { counts.append(j); j *= 2 }
            counts.append(maxJobs)
        }
        var last: BlockResult?
        for n in counts {
            let total = all.count, show = progress.enabled, workers = n
            let line: @Sendable (Int) -> Void = { done in
                if done == total || done % max(1, total / 100) == 0 {
                    FileHandle.standardError.write(Data("\rjobs \(workers): \(done)/\(total) calls".utf8))
                }
            }
            let block = executeBlock(all, jobs: n, progress: show ? line : nil)
            if show { FileHandle.standardError.write(Data("\n".utf8)) }
            printError(String(format: "rvx: jobs %d: %d calls in %.3f s: %.1f calls/s, %.3e cycles/s",
                              block.jobs, block.results.count, block.seconds, block.callsPerSecond, block.cyclesPerSecond))
            last = block
        }
        guard let block = last else { return }
        for (i, r) in block.results.prefix(requests.count).enumerated() {
            if json {
                print("{\"index\": \(i), \"result\": \(ExecuteCLI.json(r))}")
            } else {
                print("\(i) \(r.verdict) cycles=\(r.cycles) gas=\(r.gas)" + (r.reason.map { " reason: \($0)" } ?? ""))
            }
        }
        throw ExitCode(block.results.allSatisfy(\.verdict) ? ExecuteCLI.trueStatus : ExecuteCLI.falseStatus)
    }

    func load(_ path: String, mode: StateMode, limits: ExecuteLimits, cyclesPerGas: UInt64) throws -> [ExecuteRequest] {
        var isDir: ObjCBool = false
        var file = path
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            file = (path as NSString).appendingPathComponent("manifest.txt")
        }
        let dir = (file as NSString).deletingLastPathComponent
        let text = String(decoding: try ExecuteCLI.read(file, what: "manifest"), as: UTF8.self)
        // Each distinct ELF is loaded once; a rejected one stays as bytes so each call reports badELF.
        var elfs: [String: ExecuteRequest.Program] = [:]
        var out: [ExecuteRequest] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            if f.isEmpty { continue }
            guard f.count == 3 || f.count == 4 else { throw ExecuteCLI.usage("\(file):\(n + 1): expected ELF CONTAINER POST-ROOT [PRE-ROOT]") }
            func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : (dir as NSString).appendingPathComponent(p) }
            let at = "\(file):\(n + 1):"
            let elfPath = resolve(f[0])
            if elfs[elfPath] == nil {
                let bytes = try ExecuteCLI.read(elfPath, what: "\(at) ELF")
                if let program = try? ELFLoader.load(bytes) { elfs[elfPath] = .image(program.image) } else { elfs[elfPath] = .elf(bytes) }
            }
            out.append(ExecuteRequest(
                program: elfs[elfPath] ?? .elf([]), container: try ExecuteCLI.read(resolve(f[1]), what: "\(at) container"),
                claimedPostRoot: try ExecuteCLI.hex(f[2], length: 32, what: "\(at) post root"),
                expectedPreStateRoot: f.count == 4 ? try ExecuteCLI.hex(f[3], length: 32, what: "\(at) pre root") : nil,
                stateMode: mode, limits: limits, cyclesPerGas: cyclesPerGas))
        }
        return out
    }
}
