import ArgumentParser
import Foundation
import RISCV
import Translator

/// The engine a command runs the guest on (docs/PERFORMANCE.md, "Choosing an engine"): `auto` is the
/// translated tier when the cache holds a valid translation of the ELF (made by `rvx translate` or an
/// earlier `--engine translated`), else `fast`; it never runs the compiler.
enum EngineChoice: String, CaseIterable, ExpressibleByArgument {
    case auto, fast, fastUnfused = "fast-unfused", translated, reference
}

/// `--engine` and `--cache-dir`, shared by `rvx run` and `rvx execute`.
struct EngineOptions: ParsableArguments {
    @Option(help: "Execution engine: auto (translated if the cache holds this ELF's translation, else fast; never compiles), fast (C dispatch core), fast-unfused, translated (compiles on a cache miss; fails if no C compiler) or reference. All give identical results.")
    var engine: EngineChoice?

    @Option(help: "Directory of cached translations (default: RVX_CACHE_DIR, $XDG_CACHE_HOME/rvx or ~/.cache/rvx).")
    var cacheDir: String?

    /// The hart engine and, for the translated tier, the translator; `.translated` without a compiler is a
    /// usage error with the translator's one-line reason. `auto` gives a translator that only loads from the
    /// cache (a hart on `.translated` without installed code runs the fast engine).
    func resolve(default choice: EngineChoice) throws -> (engine: Engine, translator: Translator?) {
        let t = Translator(cacheDirectory: cacheDir.map { URL(fileURLWithPath: $0) })
        switch engine ?? choice {
        case .fast: return (.fast, nil)
        case .fastUnfused: return (.fastUnfused, nil)
        case .reference: return (.reference, nil)
        case .translated:
            do { _ = try t.compilerIdentity() } catch { throw ExecuteCLI.usage("--engine translated: \(error)") }
            return (.translated, t)
        case .auto:
            var cacheOnly = t
            cacheOnly.compiles = false
            return (.translated, cacheOnly)
        }
    }
}
