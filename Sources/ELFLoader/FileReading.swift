#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ELFLoader {
    /// Reads a whole file, refusing files larger than `limit` bytes.
    static func readFile(_ path: String, limit: UInt64) throws(ELFError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            out += chunk[0..<n]
            if UInt64(out.count) > limit { throw .fileTooLarge(size: UInt64(out.count), limit: limit) }
        }
        return out
    }
}
