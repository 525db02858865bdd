import Crypto
import Foundation
import RISCV

/// The on-disk cache of compiled translations (docs/PERFORMANCE.md, "Translated tier"): `<key>.so` and
/// `<key>.sha256` (the SHA-256 of the .so's bytes). An entry is loaded only if both exist, the bytes hash
/// to the recorded value and hold the key, and the loaded library's `rvx_tr_key` equals the key; anything
/// else is removed and rebuilt. Writers put each file under a unique temporary name, then rename it.
struct TranslationCache {
    let directory: URL
    let key: String

    var library: URL { directory.appendingPathComponent("\(key).so") }
    var checksum: URL { directory.appendingPathComponent("\(key).sha256") }

    static func sha256(_ d: Data) -> String { SHA256.hash(data: d).map { String(format: "%02x", $0) }.joined() }

    /// Whether `needle` (not empty) occurs in `bytes`: memchr for its first byte, then memcmp (Foundation's
    /// `range(of:)` costs milliseconds on an object of 1 MB).
    static func contains(_ bytes: Data, _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { b in
            needle.withUnsafeBytes { n in
                guard let base = b.baseAddress, let nb = n.baseAddress, n.count <= b.count else { return false }
                var at = 0
                while at + n.count <= b.count, let hit = memchr(base + at, Int32(n[0]), b.count - n.count + 1 - at) {
                    if memcmp(hit, nb, n.count) == 0 { return true }
                    at = base.distance(to: UnsafeRawPointer(hit)) + 1
                }
                return false
            }
        }
    }

    /// Why an entry was not used.
    enum Miss: Error, Equatable { case missing, digestMismatch, keyMismatch, loadFailed }

    /// The verified cached library, or why there is none (a bad entry is deleted).
    func load() -> Result<LoadedLibrary, Miss> {
        guard let bytes = try? Data(contentsOf: library), let sum = try? String(contentsOf: checksum, encoding: .utf8) else {
            return .failure(.missing)
        }
        let miss: Miss
        if sum != TranslationCache.sha256(bytes) {
            miss = .digestMismatch
        } else if !TranslationCache.contains(bytes, Array(key.utf8)) {
            miss = .keyMismatch   // checked before dlopen: the object must name this key
        } else if let lib = LoadedLibrary(path: library.path, key: key, bytes: bytes.count) {
            return .success(lib)
        } else {
            miss = .loadFailed
        }
        try? FileManager.default.removeItem(at: library)
        try? FileManager.default.removeItem(at: checksum)
        return .failure(miss)
    }

    /// Moves a freshly compiled library into the cache: each file is written under a name unique to this
    /// writer and renamed into place (checksum first), so concurrent writers of one key never mix bytes.
    func store(_ built: URL) throws(TranslationError) {
        let fm = FileManager.default
        let unique = "\(getpid()).\(UUID().uuidString)"
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            let bytes = try Data(contentsOf: built)
            let tmp = directory.appendingPathComponent(".\(key).\(unique).sha256.tmp")
            try Data(TranslationCache.sha256(bytes).utf8).write(to: tmp)
            guard rename(tmp.path, checksum.path) == 0 else { throw TranslationError.cacheUnwritable(checksum.path) }
            let tmpLib = directory.appendingPathComponent(".\(key).\(unique).so.tmp")
            try fm.moveItem(at: built, to: tmpLib)   // may cross file systems; the rename below does not
            guard rename(tmpLib.path, library.path) == 0 else { throw TranslationError.cacheUnwritable(library.path) }
        } catch {
            try? fm.removeItem(at: built)
            throw .cacheUnwritable("\(directory.path): \(error)")
        }
    }
}

/// A translation library opened with dlopen. It stays loaded for the life of the process (region code
/// may be running in any hart that uses it).
final class LoadedLibrary: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    let regions: UnsafeRawPointer
    let regionCount: Int
    let leaders: UnsafePointer<UInt32>
    let leaderCount: Int
    let bytes: Int

    init?(path: String, key: String, bytes: Int) {
        guard let h = dlopen(path, RTLD_NOW | RTLD_LOCAL) else { return nil }
        func sym(_ n: String) -> UnsafeMutableRawPointer? { dlsym(h, n) }
        guard let k = sym("rvx_tr_key"), String(cString: k.assumingMemoryBound(to: CChar.self)) == key,
              let rc = sym("rvx_tr_region_count"), let r = sym("rvx_tr_regions"),
              let lc = sym("rvx_tr_leader_count"), let l = sym("rvx_tr_leaders") else { return nil }
        handle = h
        regionCount = Int(rc.load(as: UInt32.self))
        leaderCount = Int(lc.load(as: UInt32.self))
        regions = UnsafeRawPointer(r)
        leaders = UnsafePointer(l.assumingMemoryBound(to: UInt32.self))
        self.bytes = bytes
    }

    func translation(codeCount: Int) -> Translation? {
        let list = (0..<leaderCount).map { (slot: leaders[2 * $0], region: leaders[2 * $0 + 1]) }
        return Translation(regions: regions, regionCount: regionCount, leaders: list, codeCount: codeCount, owner: self)
    }
}
