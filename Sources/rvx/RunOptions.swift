import ArgumentParser

/// A byte count given on the command line: plain bytes, or a number with a binary suffix
/// K/KiB (2^10), M/MiB (2^20), G/GiB (2^30) — e.g. `65536`, `64M`, `1G`, `512KiB`.
struct ByteCount: ExpressibleByArgument {
    let bytes: UInt64

    init?(argument: String) {
        let s = argument.uppercased()
        let units: [(String, UInt64)] = [("KIB", 1 << 10), ("MIB", 1 << 20), ("GIB", 1 << 30),
                                         ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("B", 1), ("", 1)]
        for (suffix, scale) in units where s.hasSuffix(suffix) {
            guard let n = UInt64(s.dropLast(suffix.count)) else { continue }
            let (v, o) = n.multipliedReportingOverflow(by: scale)
            guard !o else { return nil }
            bytes = v
            return
        }
        return nil
    }
}
