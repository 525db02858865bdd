import Foundation
import XCTest

/// Repository paths and host tools for the DevTools tests.
enum DevToolsPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A built example ELF (guest/build/rv{32,64}/examples/NAME). Missing guests skip the test unless
    /// RVX_REQUIRE_GUESTS is set (CI builds them first: toolchain/test-all.sh).
    static func example(_ name: String, xlen: Int) throws -> String {
        let path = root.appendingPathComponent("guest/build/rv\(xlen)/examples/\(name)").path
        if FileManager.default.fileExists(atPath: path) { return path }
        if ProcessInfo.processInfo.environment["RVX_REQUIRE_GUESTS"] != nil {
            XCTFail("missing guest \(path): run toolchain/build-guests.sh")
        }
        throw XCTSkip("guest \(path) not built (run toolchain/build-guests.sh)")
    }

    /// The full path of a host tool, or nil.
    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Runs a tool and returns its stdout (stderr discarded), or its stderr (stdout discarded) when `stderr`.
    static func run(_ tool: String, _ args: [String], stderr: Bool = false) throws -> (status: Int32, stdout: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = stderr ? FileHandle.nullDevice : out
        p.standardError = stderr ? out : FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
