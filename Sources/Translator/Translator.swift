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

    public var description: String {
        switch self {
        case .engineNotTranslated: return "the hart's engine is not 'translated'"
        case .compilerUnavailable(let m): return "cannot run the C compiler: \(m)"
        case .compileFailed(let m): return "the C compiler failed: \(m)"
        case .loadFailed(let m): return "cannot load the translation: \(m)"
        case .cacheUnwritable(let m): return "translation cache not writable: \(m)"
        }
    }
}

/// What `Translator.install` did.
public struct TranslationReport: Sendable {
    /// SHA-256 of the translator version, XLEN, code base and every decoded code slot: the cache key.
    public let key: String
    /// True if a verified cache entry was used, false if the code was compiled now.
    public let cached: Bool
    /// Wall time of translation (emission, compilation, loading), or of loading a cached entry.
    public let seconds: Double
    /// Size of the shared object.
    public let libraryBytes: Int
    public let regions: Int
    public let leaders: Int
}

/// The translated tier (docs/PERFORMANCE.md, "Translated tier"): emits C for a hart's code (CEmitter),
/// compiles it with the system C compiler into a shared object cached by the code's hash, loads it and
/// installs it on the hart. A cache entry is used only if its bytes match the recorded SHA-256 and the
/// library names the same key; anything else is rebuilt.
public struct Translator: Sendable {
    /// Bump when the emitted code changes meaning: old cache entries then no longer match.
    public static let version = "rvx-translator-1"

    public var cacheDirectory: URL
    public var compiler: String
    public var optimization: String
    public var regionSize: Int

    /// `RVX_TRANSLATION_CACHE` or `~/.cache/rvx/translations`; `RVX_CC` or `cc`.
    public init(cacheDirectory: URL? = nil, compiler: String? = nil, optimization: String = "-O2", regionSize: Int = 4096) {
        let env = ProcessInfo.processInfo.environment
        self.cacheDirectory = cacheDirectory ?? env["RVX_TRANSLATION_CACHE"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/rvx/translations")
        self.compiler = compiler ?? env["RVX_CC"] ?? "cc"
        self.optimization = optimization
        self.regionSize = max(16, regionSize)
    }

    /// Translates (or loads from the cache) the code of `hart` and installs it.
    @discardableResult
    public func install(on hart: Hart) throws(TranslationError) -> TranslationReport {
        guard hart.engine == .translated else { throw .engineNotTranslated }
        let start = Date()
        let slots = (0...hart.codeCount).map { hart.decodedSlot($0) }
        let emitter = CEmitter(slots: slots, codeBase: hart.codeBase, rv64: hart.xlen == .rv64, regionSize: regionSize)
        let key = Translator.key(slots, hart: hart, regionSize: regionSize, optimization: optimization)
        let cache = TranslationCache(directory: cacheDirectory, key: key)
        var cached = true
        var lib = cache.load()
        if lib == nil {
            cached = false
            try cache.store(try Build(compiler: compiler, optimization: optimization).compile(emitter, key: key))
            lib = cache.load()
        }
        guard let lib else { throw .loadFailed("the cache entry just written did not verify") }
        guard let t = lib.translation(codeCount: hart.codeCount), hart.install(t) else {
            throw .loadFailed("the library's leader table does not fit this code")
        }
        return TranslationReport(key: key, cached: cached, seconds: Date().timeIntervalSince(start),
                                 libraryBytes: lib.bytes, regions: lib.regionCount, leaders: lib.leaderCount)
    }

    static func key(_ slots: [DecodedSlot], hart: Hart, regionSize: Int, optimization: String) -> String {
        var h = SHA256()
        h.update(data: Data("\(version) xlen \(hart.xlen.bytes) base \(hart.codeBase) count \(hart.codeCount) region \(regionSize) \(optimization)".utf8))
        var bytes = [UInt8]()
        bytes.reserveCapacity(slots.count * 12)
        for s in slots {
            bytes += [s.op, s.rd, s.rs1, s.rs2]
            withUnsafeBytes(of: s.imm.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: s.blockLength.littleEndian) { bytes += $0 }
        }
        h.update(data: bytes)
        return h.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
