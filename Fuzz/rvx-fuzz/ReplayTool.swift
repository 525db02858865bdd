// rvx-fuzz: the fuzz harnesses of Fuzz/FuzzTargets as one program (docs/HOSTILE.md §2).
//
// Built normally (part of `swift build`) it is a replay tool:
//   rvx-fuzz replay HARNESS FILE...   run each file through HARNESS, print the typed outcome; exit 1 on a violation
//   rvx-fuzz seeds HARNESS DIR        write the built-in seed inputs of HARNESS into DIR
// Built by toolchain/fuzz.sh with `-sanitize=fuzzer,address -parse-as-library -DFUZZING`, `ReplayTool` (and its
// `@main`) is compiled out and libFuzzer's main drives LibFuzzerEntry.swift; the harness is chosen by the
// environment variable RVX_FUZZ_HARNESS. (No main.swift: Swift 6.3 rejects top-level statements even inside an
// inactive `#if` when parsing as a library.)
#if !FUZZING
import Foundation
import FuzzTargets

/// The replay/seed tool (normal builds): libFuzzer builds have no `@main`, libFuzzer provides `main()`.
@main
enum ReplayTool {
    static func usage() -> Never {
        FileHandle.standardError.write(Data("usage: rvx-fuzz replay|seeds HARNESS FILE...|DIR  (harnesses: \(Harness.allCases.map(\.rawValue).joined(separator: " ")))\n".utf8))
        exit(2)
    }

    static func main() {
        let args = CommandLine.arguments
        guard args.count >= 3, let harness = Harness(rawValue: args[2]) else { usage() }
        switch args[1] {
        case "replay":
            var failed = false
            for path in args.dropFirst(3) {
                guard let d = FileManager.default.contents(atPath: path) else { print("\(path): unreadable"); failed = true; continue }
                do { print("\(path): \(try harness.run([UInt8](d)))") } catch {
                    print("\(path): INVARIANT VIOLATED: \(error)")
                    failed = true
                }
            }
            exit(failed ? 1 : 0)
        case "seeds":
            guard args.count == 4 else { usage() }
            try? FileManager.default.createDirectory(atPath: args[3], withIntermediateDirectories: true)
            for (i, s) in Seeds.seeds(harness).enumerated() {
                _ = FileManager.default.createFile(atPath: "\(args[3])/seed-\(i)", contents: Data(s))
            }
        default:
            usage()
        }
    }
}
#endif
