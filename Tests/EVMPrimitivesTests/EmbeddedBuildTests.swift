import Foundation
import XCTest

/// Runs `toolchain/check-embedded.sh`, which compiles the embedded-safe modules (EVMPrimitives,
/// MerklePatriciaTrie, EVMPrecompiles, EVM) with the Embedded Swift compiler for riscv64 and riscv32.
/// Fails, showing the compiler's output, if any of them leaves the Embedded Swift subset.
final class EmbeddedBuildTests: XCTestCase {
    private func runScript(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("toolchain/check-embedded.sh")
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            XCTFail("missing or not executable: \(script.path)")
            return (-1, "")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    func testEmbeddedSubsetCompiles() throws {
        let (status, output) = try runScript([])
        XCTAssertEqual(status, 0, "check-embedded.sh failed:\n\(output)")
        XCTAssertTrue(output.contains("ok    EVMPrimitives (riscv64-none-none-eabi)"), output)
        XCTAssertTrue(output.contains("ok    EVMPrimitives (riscv32-none-none-eabi)"), output)
        XCTAssertTrue(output.contains("ok    MerklePatriciaTrie (riscv64-none-none-eabi)"), output)
    }

    /// The check is real: the same compiler invocation rejects a snippet that uses an existential.
    func testCheckRejectsNonEmbeddedCode() throws {
        let (status, output) = try runScript(["--self-test"])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("cannot use a value of protocol type"), output)
    }
}
