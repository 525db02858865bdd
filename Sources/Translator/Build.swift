import Foundation

/// Writes a translation's C sources into a fresh temporary directory and compiles them into one shared
/// object: translation units of about `unitSlots` slots each, compiled as many at a time as there are
/// processors, then linked.
struct Build {
    let compiler: String
    let optimization: String
    var unitSlots = 12_000

    /// Returns the path of the compiled shared object (inside a temporary directory the caller moves it from).
    func compile(_ e: CEmitter, key: String) throws(TranslationError) -> URL {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("rvx-tr-\(key.prefix(16))-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        do { try fm.createDirectory(at: dir, withIntermediateDirectories: true) } catch { throw .cacheUnwritable(dir.path) }
        defer { try? fm.removeItem(at: dir) }
        let isLeader = e.leaders()
        let regions = e.regions()
        let owner = e.owners(regions)
        var units: [[String]] = [[]]
        var size = 0
        for (n, r) in regions.enumerated() {
            if size >= unitSlots { units.append([]); size = 0 }
            units[units.count - 1].append(e.function(r, name: "rvx_r\(n)", CEmitter.Context(region: n, owner: owner, isLeader: isLeader)))
            size += r.runs.reduce(0) { $0 + $1.count }
        }
        var table = ["#include \"rvx_tr.h\""]
        table += regions.indices.map { "int rvx_r\($0)(rvx_tr_state *);" }
        table.append("typedef int (*rvx_tr_fn)(rvx_tr_state *);")
        table.append("const char rvx_tr_key[] = \"\(key)\";")
        table.append("const uint32_t rvx_tr_region_count = \(regions.count);")
        table.append("const rvx_tr_fn rvx_tr_regions[] = { \(regions.indices.map { "rvx_r\($0)" }.joined(separator: ", "))\(regions.isEmpty ? "0" : "") };")
        var leaders: [String] = []
        for (n, r) in regions.enumerated() { for run in r.runs { for i in run where isLeader[i] { leaders.append("{\(i),\(n)}") } } }
        table.append("const uint32_t rvx_tr_leader_count = \(leaders.count);")
        table.append("const uint32_t rvx_tr_leaders[][2] = { \(leaders.isEmpty ? "{0,0}" : leaders.joined(separator: ",")) };")
        var sources = ["table.c"]
        do {
            try e.header(key: key).write(to: dir.appendingPathComponent("rvx_tr.h"), atomically: false, encoding: .utf8)
            try table.joined(separator: "\n").appending("\n").write(to: dir.appendingPathComponent("table.c"), atomically: false, encoding: .utf8)
            for (n, u) in units.enumerated() where !u.isEmpty {
                sources.append("unit\(n).c")
                try ("#include \"rvx_tr.h\"\n" + u.joined(separator: "\n\n") + "\n")
                    .write(to: dir.appendingPathComponent("unit\(n).c"), atomically: false, encoding: .utf8)
            }
        } catch { throw .cacheUnwritable(dir.path) }
        let flags = [optimization, "-fPIC", "-fwrapv", "-fno-strict-aliasing", "-w"]
        // Compile the units, as many at a time as there are processors, then link.
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for batch in stride(from: 0, to: sources.count, by: width) {
            let procs = try sources[batch..<min(sources.count, batch + width)].map { s throws(TranslationError) in
                try start(flags + ["-c", s, "-o", s + ".o"], in: dir)
            }
            for (p, log) in procs { try finish(p, log) }
        }
        let out = dir.appendingPathComponent("translation.so")
        let (link, log) = try start(["-shared", "-o", out.path] + sources.map { $0 + ".o" }, in: dir)
        try finish(link, log)
        let kept = fm.temporaryDirectory.appendingPathComponent("rvx-tr-\(key)-\(getpid())-\(UInt32.random(in: 0 ... .max)).so")
        do { try fm.moveItem(at: out, to: kept) } catch { throw .cacheUnwritable(kept.path) }
        return kept
    }

    func start(_ args: [String], in dir: URL?) throws(TranslationError) -> (Process, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [compiler] + args
        if let dir { p.currentDirectoryURL = dir }
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        do { try p.run() } catch { throw .compilerUnavailable("\(compiler): \(error)") }
        return (p, pipe)
    }

    func finish(_ p: Process, _ log: Pipe) throws(TranslationError) {
        let text = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            if p.terminationStatus == 127 { throw .compilerUnavailable(compiler) }
            throw .compileFailed(text.split(separator: "\n").prefix(5).joined(separator: "\n"))
        }
    }
}
