import Foundation

/// Locates the `rvx` executable for tests that run the CLI as a child process: `RVX_BINARY` if set, else the
/// binary SwiftPM built next to the test bundle (`.build/<config>/rvx`), else nil.
public enum RVXBinary {
    public static var path: String? {
        if let p = ProcessInfo.processInfo.environment["RVX_BINARY"] { return p }
        guard let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        for _ in 0..<3 {
            let p = dir.appendingPathComponent("rvx").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
