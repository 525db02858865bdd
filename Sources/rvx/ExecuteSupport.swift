import ArgumentParser
import EVMPrimitives
import Execute
import Foundation
import InputContainer

/// Helpers shared by `rvx execute`, `rvx execute-block` and `rvx pack` (docs/EXECUTE.md §7): usage errors
/// exit with status 2, hex parsing, file reading, result printing.
enum ExecuteCLI {
    /// Exit status of `rvx execute` for a true verdict.
    static let trueStatus: Int32 = 0
    /// Exit status for a false verdict.
    static let falseStatus: Int32 = 1
    /// Exit status for usage errors (bad or missing options, unreadable files).
    static let usageStatus: Int32 = 2

    /// Prints `message` to stderr and exits with status 2.
    static func usage(_ message: String) -> ExitCode {
        printError("rvx: " + message)
        return ExitCode(usageStatus)
    }

    /// Largest file `read` accepts by default: the container's own bound (docs/FORMAT.md §1), which also bounds
    /// every section read from a file.
    static let maxFileBytes = InputContainer.maxSize

    /// Reads a file after checking its size against `limit`, so an oversized file is refused before it is
    /// loaded into memory.
    static func read(_ path: String, what: String, limit: Int = maxFileBytes) throws -> [UInt8] {
        var st = stat()
        guard stat(path, &st) == 0 else { throw usage("cannot read \(what) file \(path)") }
        if (st.st_mode & S_IFMT) == S_IFREG, st.st_size > limit {
            throw usage("\(what) file \(path) is \(st.st_size) bytes, more than the \(limit)-byte limit")
        }
        guard let h = FileHandle(forReadingAtPath: path) else { throw usage("cannot read \(what) file \(path)") }
        defer { try? h.close() }
        // Read at most limit + 1 bytes, so a file that grows (or a pipe) still cannot exceed the bound.
        guard let d = try? h.read(upToCount: limit + 1) ?? Data() else { throw usage("cannot read \(what) file \(path)") }
        guard d.count <= limit else { throw usage("\(what) file \(path) is more than the \(limit)-byte limit") }
        return [UInt8](d)
    }

    /// Writes `bytes` to `path` (usage error if it cannot).
    static func write(_ bytes: [UInt8], to path: String, what: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw usage("cannot write \(what) file \(path)")
        }
    }

    /// Parses hex (optional 0x, even length); `length` if given must match.
    static func hex(_ s: String, length: Int? = nil, what: String) throws -> [UInt8] {
        var t = Substring(s.trimmingCharacters(in: .whitespacesAndNewlines))
        if t.hasPrefix("0x") || t.hasPrefix("0X") { t = t.dropFirst(2) }
        guard t.count % 2 == 0 else { throw usage("\(what): odd number of hex digits") }
        var out: [UInt8] = []
        var i = t.startIndex
        while i < t.endIndex {
            let j = t.index(i, offsetBy: 2)
            guard let b = UInt8(t[i..<j], radix: 16) else { throw usage("\(what): not hex: \(s)") }
            out.append(b)
            i = j
        }
        if let n = length, out.count != n { throw usage("\(what): expected \(n) bytes, got \(out.count)") }
        return out
    }

    static func hexString(_ b: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 2 + 2 * b.count)
        out[0] = UInt8(ascii: "0"); out[1] = UInt8(ascii: "x")
        for (i, v) in b.enumerated() { out[2 + 2 * i] = digits[Int(v >> 4)]; out[3 + 2 * i] = digits[Int(v & 15)] }
        return String(decoding: out, as: UTF8.self)
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out += u.value < 0x20 ? String(format: "\\u%04x", u.value) : String(u)
            }
        }
        return out + "\""
    }

    /// The text form of a result.
    static func text(_ r: ExecuteResult) -> String {
        var lines = [r.verdict ? "true" : "false"]
        if let reason = r.reason { lines.append("reason: \(reason)") }
        lines.append("cycles: \(r.cycles)")
        lines.append("instructions: \(r.instructions)")
        lines.append("misaligned-accesses: \(r.misalignedAccesses)")
        lines.append("gas: \(r.gas)")
        lines.append("output: \(hexString(r.output))")
        lines.append("output-keccak: \(hexString(r.outputKeccak))")
        if let p = r.postRoot { lines.append("post-root: \(hexString(p))") }
        lines.append("witness-bytes: \(r.witnessBytes)")
        return lines.joined(separator: "\n")
    }

    /// The JSON form of a result (one object), with `extra` `"key": value` fields appended.
    static func json(_ r: ExecuteResult, extra: [String] = []) -> String {
        var f: [String] = ["\"verdict\": \(r.verdict)"]
        f.append("\"reason\": " + (r.reason.map { jsonString($0.name) } ?? "null"))
        f.append("\"reasonText\": " + (r.reason.map { jsonString($0.description) } ?? "null"))
        f.append("\"cycles\": \(r.cycles)")
        f.append("\"instructions\": \(r.instructions)")
        f.append("\"misalignedAccesses\": \(r.misalignedAccesses)")
        f.append("\"gas\": \(r.gas)")
        f.append("\"output\": \"\(hexString(r.output))\"")
        f.append("\"outputKeccak\": \"\(hexString(r.outputKeccak))\"")
        f.append("\"postRoot\": " + (r.postRoot.map { "\"\(hexString($0))\"" } ?? "null"))
        f.append("\"witnessBytes\": \(r.witnessBytes)")
        f.append("\"debug\": " + jsonString(String(decoding: r.debugOutput, as: UTF8.self)))
        return "{" + (f + extra).joined(separator: ", ") + "}"
    }
}
