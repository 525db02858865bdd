import Crypto
import Foundation
import RISCV

/// Why a hart runs without translated code. The hart still runs correctly on the fast engine.
public enum TranslationError: Error, Equatable, CustomStringConvertible {
    /// The hart's engine is not `.translated`.
    case engineNotTranslated
    /// The host C compiler could not be started.
    case compilerUnavailable(String)
    /// The C compiler failed; the first lines of its output.
    case compileFailed(String)
    /// The compiled library could not be loaded or does not hold this code's translation.
    case loadFailed(String)
    /// The cache directory cannot be created or written.
    case cacheUnwritable(String)
    /// The translator may not compile (`compiles` false) and the cache holds no valid translation of this code.
    case notCached
    /// The block profile names another number of code slots than the program has.
    case profileMismatch(profile: Int, code: Int)

    public var description: String {
        switch self {
        case .engineNotTranslated: return "the hart's engine is not 'translated'"
        case .compilerUnavailable(let m): return "cannot run the C compiler: \(m)"
        case .compileFailed(let m): return "the C compiler failed: \(m)"
        case .loadFailed(let m): return "cannot load the translation: \(m)"
        case .cacheUnwritable(let m): return "translation cache not writable: \(m)"
        case .notCached: return "no cached translation of this code (run 'rvx translate' to make one)"
        case .profileMismatch(let p, let c): return "the block profile has \(p) slots, the code \(c)"
        }
    }
}

/// What `Translator.install` did.
public struct TranslationReport: Sendable {
    /// SHA-256 of the translator version, the compiler's identity, XLEN, code base and every decoded code
    /// slot: the cache key.
    public let key: String
    /// True if a verified translation was used (from the cache or already loaded), false if compiled now.
    public let cached: Bool
    /// Why the cache entry was not used, when the code was compiled: "missing", "digest mismatch",
    /// "key mismatch" or "load failed".
    public let rebuiltBecause: String?
    /// Wall time of translation (emission, compilation, loading), or of loading a cached entry.
    public let seconds: Double
    /// Size of the shared object.
    public let libraryBytes: Int
    public let regions: Int
    public let leaders: Int
}

/// The translated tier (docs/PERFORMANCE.md, "Translated tier"): emits C for a hart's code (CEmitter),
/// compiles it with the system C compiler into a shared object cached by the code's hash, loads it and
/// installs it on the hart. A cache entry is used only if its bytes match the recorded SHA-256 and hold
/// the key, and the library names the same key; anything else is rebuilt.
public struct Translator: Sendable {
    /// Bump when the emitted code changes meaning: old cache entries then no longer match.
    public static let version = "rvx-translator-6"

    public var cacheDirectory: URL
    public var compiler: String
    public var optimization: String
    public var regionSize: Int
    /// False: `install` only loads a valid cached (or already loaded) translation and never runs the
    /// compiler to make one; a miss is `.notCached` (the `auto` engine of `rvx execute`).
    public var compiles: Bool
    /// A block profile of the program (`BlockProfile.counts`, from a run with `Translation(profiling:)`):
    /// when set, only the blocks covering `hotFraction` of the instructions it counted are translated, and
    /// the rest runs on the C core. Coverage changes speed only, not results, so it is not part of the key.
    public var profile: [UInt64]?
    public var hotFraction: Double = 0.999

    /// The cache directory when none is given: `RVX_CACHE_DIR`, else `$XDG_CACHE_HOME/rvx`, else `~/.cache/rvx`.
    public static func defaultCacheDirectory(_ env: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let d = env["RVX_CACHE_DIR"], !d.isEmpty { return URL(fileURLWithPath: d) }
        if let x = env["XDG_CACHE_HOME"], x.hasPrefix("/") { return URL(fileURLWithPath: x).appendingPathComponent("rvx") }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/rvx")
    }

    /// `cacheDirectory` or `defaultCacheDirectory()`; `compiler` or `RVX_CC` or `cc`.
    public init(cacheDirectory: URL? = nil, compiler: String? = nil, optimization: String = "-O2", regionSize: Int = 4096,
                compiles: Bool = true) {
        let env = ProcessInfo.processInfo.environment
        self.cacheDirectory = cacheDirectory ?? Translator.defaultCacheDirectory(env)
        self.compiler = compiler ?? env["RVX_CC"] ?? "cc"
        self.optimization = optimization
        self.regionSize = max(16, regionSize)
        self.compiles = compiles
    }

    /// The compiler's identity (its `--version` output), part of the cache key; throws
    /// `.compilerUnavailable` if it cannot be run. Asked once per compiler name and process.
    public func compilerIdentity() throws(TranslationError) -> String {
        if let known = Translator.loaded.withLock({ $0.identities[compiler] }) { return try known.get() }
        let result: Result<String, TranslationError>
        do {
            let (p, pipe) = try Build(compiler: compiler, optimization: optimization).start(["--version"], in: nil)
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            result = p.terminationStatus == 0 && !text.isEmpty ? .success(text) : .failure(.compilerUnavailable(compiler))
        } catch {
            result = .failure(error)
        }
        Translator.loaded.withLock { $0.identities[compiler] = result }
        return try result.get()
    }

    /// Translations loaded in this process, by key, and the compilers asked (one lock: translation of one
    /// key happens once even when many harts of one program start together).
    struct Loaded { var libraries: [String: LoadedLibrary] = [:]; var identities: [String: Result<String, TranslationError>] = [:] }
    static let loaded = Locked(Loaded())
    static let building = NSLock()

    /// Translates (or loads from the cache) the code of `hart` and installs it. With `compiles` false, only
    /// a valid cached or already loaded translation is installed, else `.notCached` (an empty or absent cache
    /// directory is a miss without asking the compiler its identity).
    @discardableResult
    public func install(on hart: Hart) throws(TranslationError) -> TranslationReport {
        guard hart.engine == .translated else { throw .engineNotTranslated }
        let start = Date()
        if !compiles && Translator.loaded.withLock({ $0.libraries.isEmpty }) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory.path)) ?? []
            guard entries.contains(where: { $0.hasSuffix(".so") && !$0.hasPrefix(".") }) else { throw .notCached }
        }
        if let profile, profile.count != hart.codeCount { throw .profileMismatch(profile: profile.count, code: hart.codeCount) }
        let slots = (0...hart.codeCount).map { hart.decodedSlot($0) }
        let key = Translator.key(slots, hart: hart, compiler: try compilerIdentity())
        Translator.building.lock()
        defer { Translator.building.unlock() }
        var cached = true
        var miss: TranslationCache.Miss?
        let memo = cacheDirectory.standardizedFileURL.path + "/" + key
        var lib = Translator.loaded.withLock { $0.libraries[memo] }
        if lib == nil {
            let cache = TranslationCache(directory: cacheDirectory, key: key)
            switch cache.load() {
            case .success(let l): lib = l
            case .failure(let m):
                guard compiles else { throw .notCached }
                cached = false
                miss = m
                var emitter = CEmitter(slots: slots, codeBase: hart.codeBase, rv64: hart.xlen == .rv64, regionSize: regionSize)
                if let profile {
                    emitter.emitted = CEmitter.hotSlots(slots, entries: profile, fraction: hotFraction)
                }
                try cache.store(try Build(compiler: compiler, optimization: optimization).compile(emitter, key: key))
                if case .success(let l) = cache.load() { lib = l }
            }
        }
        guard let lib else { throw .loadFailed("the cache entry just written did not verify") }
        Translator.loaded.withLock { $0.libraries[memo] = lib }
        guard let t = lib.translation(codeCount: hart.codeCount), hart.install(t) else {
            throw .loadFailed("the library's leader table does not fit this code")
        }
        return TranslationReport(key: key, cached: cached, rebuiltBecause: miss.map(Translator.name),
                                 seconds: Date().timeIntervalSince(start),
                                 libraryBytes: lib.bytes, regions: lib.regionCount, leaders: lib.leaderCount)
    }

    static func name(_ m: TranslationCache.Miss) -> String {
        switch m {
        case .missing: return "missing"
        case .digestMismatch: return "digest mismatch"
        case .keyMismatch: return "key mismatch"
        case .loadFailed: return "load failed"
        }
    }

    /// The options (region size, optimization, profile) choose how fast the code runs, never what it
    /// computes, so they are not part of the key: any valid translation of the code may be used.
    static func key(_ slots: [DecodedSlot], hart: Hart, compiler: String) -> String {
        var h = SHA256()
        h.update(data: Data("\(version) xlen \(hart.xlen.bytes) base \(hart.codeBase) count \(hart.codeCount)\n".utf8))
        h.update(data: Data(compiler.utf8))
        var bytes = [UInt8](repeating: 0, count: slots.count * 12)
        bytes.withUnsafeMutableBytes { out in
            for (n, s) in slots.enumerated() {
                let o = n * 12
                out[o] = s.op; out[o + 1] = s.rd; out[o + 2] = s.rs1; out[o + 3] = s.rs2
                out.storeBytes(of: s.imm.littleEndian, toByteOffset: o + 4, as: Int32.self)
                out.storeBytes(of: s.blockLength.littleEndian, toByteOffset: o + 8, as: UInt32.self)
            }
        }
        h.update(data: bytes)
        return h.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// A value behind a lock.
final class Locked<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ v: T) { value = v }
    func withLock<R>(_ body: (inout T) -> R) -> R { lock.lock(); defer { lock.unlock() }; return body(&value) }
}
