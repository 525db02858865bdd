import BinaryTree
import Execute
import TokenRollup
import XCTest

/// The SDK guests under EXECUTE: the C self-test (every rvx.h wrapper and zkVM standard function against known
/// vectors; exits 0 only if all match) and the Embedded Swift example using the RVX module.
final class SDKGuestTests: XCTestCase {
    func run(_ name: String, _ xlen: String, dir: String = "examples") throws -> ExecuteResult {
        let elf = try GuestSupport.elf(name, xlen, dir: dir)
        let out = try Prover.prove(ProverInput(program: .elf(elf), sections: [(.batch, Array("abc".utf8))]))
        let result = execute(ExecuteRequest(program: .elf(elf), container: out.container, claimedPostRoot: out.postRoot))
        XCTAssertTrue(result.verdict, "\(name) \(xlen): \(String(describing: result.reason)) stdout: \(String(decoding: result.stdout, as: UTF8.self))")
        return result
    }

    func checkSelftest(_ xlen: String) throws {
        let r = try run("sdk-selftest", xlen)
        XCTAssertEqual(r.output, Array("sdk ok\n".utf8) + [0])
        XCTAssertEqual(String(decoding: r.debugOutput, as: UTF8.self), "sdk-selftest\n")
        XCTAssertEqual(r.postRoot, SHA256BinaryTree().root().bytes)
    }

    func testSelftestRV64() throws { try checkSelftest("rv64") }
    func testSelftestRV32() throws { try checkSelftest("rv32") }

    /// keccak256("abc") ‖ sha256("abc").
    func checkSwiftExample(_ xlen: String) throws {
        if !FileManager.default.fileExists(atPath: GuestSupport.root.appendingPathComponent(
            "guest/build/\(xlen)/examples/hello-execute-swift").path), ProcessInfo.processInfo.environment["RVX_REQUIRE_GUESTS"] == nil {
            throw XCTSkip("hello-execute-swift not built (needs swiftc with Embedded Swift): toolchain/build-guests.sh")
        }
        let r = try run("hello-execute-swift", xlen)
        XCTAssertEqual(TokenHex.encode(r.output),
                       "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"
                       + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testSwiftExampleRV64() throws { try checkSwiftExample("rv64") }

    /// The Swift guests' heap (guest/sdk/swift_alloc.c) through its C test program, linked as the Swift guests
    /// are: every check passes under EXECUTE (it commits "alloc ok\n" only then) and under qemu-user (exit 0,
    /// no FAIL line).
    func checkAllocator(_ xlen: String) throws {
        let r = try run("alloc-test", xlen, dir: "sdk")
        XCTAssertEqual(String(decoding: r.output, as: UTF8.self), "alloc ok\n", String(decoding: r.stdout, as: UTF8.self))
        let qemu = "qemu-riscv" + xlen.dropFirst(2)
        guard let dir = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .first(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(qemu)") }) else { return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "\(dir)/\(qemu)")
        p.arguments = [GuestSupport.root.appendingPathComponent("guest/build/\(xlen)/sdk/alloc-test").path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, text)
        XCTAssertEqual(text, "")
    }

    /// The EVM guests' memcpy/memmove/memset (guest/sdk/memops.c) through their C test program: every check
    /// against the C standard's byte-by-byte definitions passes (it commits "memops ok\n" only then).
    func checkMemops(_ xlen: String) throws {
        let r = try run("memops-test", xlen, dir: "sdk")
        XCTAssertEqual(String(decoding: r.output, as: UTF8.self), "memops ok\n", String(decoding: r.stdout, as: UTF8.self))
    }

    func testMemopsRV64() throws { try checkMemops("rv64") }
    func testMemopsRV32() throws { try checkMemops("rv32") }

    func testAllocatorRV64() throws { try checkAllocator("rv64") }
    func testAllocatorRV32() throws { try checkAllocator("rv32") }
    func testSwiftExampleRV32() throws { try checkSwiftExample("rv32") }
}
