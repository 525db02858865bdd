import Execute
import Foundation
import InputContainer
import RISCVTestSupport
import XCTest

/// Examples/zkvm-conformance: a guest written only against the eth-act zkVM standard headers (d5f1813), built
/// with toolchain/rvx-cc and `-Wall -Wextra -Werror` for RV64IM and RV32IM, run under EXECUTE. It checks every
/// accelerator (KZG point evaluation and the seven BLS12-381 operations included) against vectors from independent oracles (gen_vectors.py), invalid
/// signatures and points included, and exits with the number of its first failing check.
final class ConformanceGuestTests: XCTestCase {
    static let dir = GuestSupport.root.appendingPathComponent("Examples/zkvm-conformance")
    static let checks = 55

    func testIncludesOnlyTheStandardHeaders() throws {
        let source = try String(contentsOf: Self.dir.appendingPathComponent("conformance.c"), encoding: .utf8)
        let includes = source.split(separator: "\n").filter { $0.hasPrefix("#include") }.map(String.init)
        XCTAssertEqual(includes, ["#include <stdbool.h>", "#include <stdlib.h>", "#include <string.h>",
                                  "#include \"zkvm_accelerators.h\"", "#include \"zkvm_io.h\"", "#include \"vectors.h\""])
    }

    func testVectorsAreFresh() throws {
        let probe = try Self.python(["-c", "import py_ecc, coincurve, cryptography, Crypto, ethereum"])
        if probe != 0 { throw XCTSkip("gen_vectors.py's oracles are not installed (pip: py_ecc coincurve cryptography pycryptodome ethereum-execution)") }
        XCTAssertEqual(try Self.python([Self.dir.appendingPathComponent("gen_vectors.py").path, "--check"]), 0,
                       "vectors.h is stale: run python3 Examples/zkvm-conformance/gen_vectors.py")
    }

    func testConformanceRV64() throws { try check(xlen: 64) }
    func testConformanceRV32() throws { try check(xlen: 32) }

    /// `rvx run` serves the accelerator calls too (AcceleratorSyscalls): the same checks pass, the line goes to
    /// stdout (write_output's fallback) and the status is 0.
    func testConformanceUnderRunRV64() throws { try checkRun(xlen: 64) }
    func testConformanceUnderRunRV32() throws { try checkRun(xlen: 32) }

    func checkRun(xlen: Int) throws {
        guard let rvx = RVXBinary.path else { throw XCTSkip("the rvx binary was not found next to the test bundle") }
        let out = try build(xlen: xlen)
        defer { try? FileManager.default.removeItem(at: out) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: rvx)
        p.arguments = ["run", out.path]
        let stdout = Pipe()
        p.standardOutput = stdout
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "RV\(xlen) rvx run: first failing check is number \(p.terminationStatus)")
        XCTAssertEqual(text, "conformance: \(Self.checks) checks passed\n")
    }

    func build(xlen: Int) throws -> URL {
        _ = try GuestSupport.elf("hello", "rv\(xlen)")   // the SDK (libzkvm_rvx.a) is built
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rvx-conformance-\(xlen)-\(UUID().uuidString)")
        let cc = Process()
        cc.executableURL = URL(fileURLWithPath: GuestSupport.root.appendingPathComponent("toolchain/rvx-cc").path)
        cc.arguments = ["--xlen", String(xlen), "-O2", "-Wall", "-Wextra", "-Werror", "-I", Self.dir.path,
                        Self.dir.appendingPathComponent("conformance.c").path, "-o", out.path]
        try cc.run()
        cc.waitUntilExit()
        XCTAssertEqual(cc.terminationStatus, 0, "rvx-cc --xlen \(xlen)")
        return out
    }

    func check(xlen: Int) throws {
        let out = try build(xlen: xlen)
        defer { try? FileManager.default.removeItem(at: out) }
        let elf = [UInt8](try Data(contentsOf: out))
        let container = try InputContainer.encode(sections: [(.preStateRoot, [UInt8](repeating: 0, count: 32)), (.batch, [])])
        let r = execute(ExecuteRequest(program: .elf(elf), container: container,
                                       claimedPostRoot: [UInt8](repeating: 0, count: 32), stateMode: .guestManaged))
        // The guest declares no root: the verdict is false for that alone; its output and exit are the test.
        XCTAssertEqual(r.reason, .rootNotDeclared,
                       "RV\(xlen): first failing check: \(String(decoding: r.debugOutput, as: UTF8.self))")
        XCTAssertEqual(String(decoding: r.output, as: UTF8.self), "conformance: \(Self.checks) checks passed\n")
    }

    static func python(_ args: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}
