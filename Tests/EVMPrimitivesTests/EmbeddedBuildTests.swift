import Foundation
import XCTest

/// Runs `toolchain/check-embedded.sh`, which compiles the embedded-safe modules (EVMPrimitives,
/// MerklePatriciaTrie, EVMPrecompiles, EVM) with the Embedded Swift compiler for riscv64 and riscv32.
/// Fails, showing the compiler's output, if any of them leaves the Embedded Swift subset.
final class EmbeddedBuildTests: XCTestCase {
    func testEmbeddedSubsetCompiles() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("toolchain/check-embedded.sh")
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            return XCTFail("missing or not executable: \(script.path)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "check-embedded.sh failed:\n\(output)")
        XCTAssertTrue(output.contains("ok    EVMPrimitives (riscv64-none-none-eabi)"), output)
        XCTAssertTrue(output.contains("ok    EVMPrimitives (riscv32-none-none-eabi)"), output)
    }
}
