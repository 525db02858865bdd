import ArgumentParser
import ELFLoader
import Foundation
import RISCV
import Translator

/// `rvx translate`: puts an ELF's translation into the cache (docs/PERFORMANCE.md, "Choosing an engine"),
/// so that `--engine auto` (the default of `rvx execute`) runs it translated without ever compiling.
struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Translate an ELF's code into the translation cache (used by --engine auto).",
        discussion: """
            Prints the cache key, whether a valid entry was already cached, the seconds taken and the size \
            of the shared object. Exit status: 0 when the cache holds the translation, 2 if the ELF is \
            rejected or no C compiler can be run.
            """
    )

    @Option(help: "Directory of cached translations (default: RVX_CACHE_DIR, $XDG_CACHE_HOME/rvx or ~/.cache/rvx).")
    var cacheDir: String?
    @Option(help: "A block profile ('rvx execute --profile-out'; repeat to add several): translate only the code covering 99.9 % of the instructions counted.")
    var profile: [String] = []
    @Option(help: "Slots per region (one C function each); default 4096, or all the hot code in one region with --profile.")
    var regionSize: Int?
    @Option(help: "The C compiler's optimization flag (default -O2).") var optimization = "-O2"
    @Flag(help: "Print the report as one JSON object.") var json = false
    @Argument(help: "The ELF file (RV32IM or RV64IM).") var elf: String

    func run() throws {
        let hart: Hart
        do {
            hart = try Hart(image: try ELFLoader.load(path: elf).image, config: MachineConfig(engine: .translated))
        } catch {
            throw ExecuteCLI.usage("\(elf): \(error)")
        }
        guard optimization.hasPrefix("-O"), regionSize.map({ $0 >= 16 }) ?? true else {
            throw ExecuteCLI.usage("--optimization must be -O<level> and --region-size at least 16")
        }
        var t = Translator(cacheDirectory: cacheDir.map { URL(fileURLWithPath: $0) }, optimization: optimization,
                           regionSize: regionSize ?? (profile.isEmpty ? 4096 : Int(Int32.max)))
        for file in profile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8),
                  let counts = BlockProfile.counts(parsing: text, codeCount: hart.codeCount) else {
                throw ExecuteCLI.usage("--profile: \(file) is no block profile of this ELF")
            }
            t.profile = zip(t.profile ?? counts.map { _ in 0 }, counts).map { $0 &+ $1 }
        }
        let r: TranslationReport
        do { r = try t.install(on: hart) } catch { throw ExecuteCLI.usage("translate: \(error)") }
        let seconds = String(format: "%.3f", r.seconds)
        if json {
            let object: [String: Any] = ["key": r.key, "cached": r.cached, "seconds": r.seconds, "libraryBytes": r.libraryBytes,
                                         "regions": r.regions, "leaders": r.leaders, "cacheDirectory": t.cacheDirectory.path]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print("key: \(r.key)\n\(r.cached ? "cached" : "compiled"): \(seconds) s\nlibrary: \(r.libraryBytes) bytes, "
                  + "\(r.regions) regions, \(r.leaders) entry points\ncache: \(t.cacheDirectory.path)")
        }
    }
}
