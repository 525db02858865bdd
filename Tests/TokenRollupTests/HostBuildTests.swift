import BinaryTree
import Crypto
import Foundation
import XCTest

/// The host build of standard-only guests (toolchain/host-cc, guest/sdk/host): the same sources compiled by
/// the host's cc, reading stdin and writing stdout, with the accelerators over libsecp256k1, OpenSSL, GMP and
/// librvx_accel (the curves).
final class HostBuildTests: XCTestCase {
    static func build(_ source: String, include: String? = nil) throws -> URL {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rvx-host-\(UUID().uuidString)")
        let (status, _, err) = try run(GuestSupport.root.appendingPathComponent("toolchain/host-cc").path,
                                       ["-O2", "-Wall", "-Wextra", "-Werror"] + (include.map { ["-I", $0] } ?? [])
                                       + [GuestSupport.root.appendingPathComponent(source).path, "-o", out.path])
        if status != 0 { throw XCTSkip("host-cc failed (libsecp256k1-dev, libssl-dev, libgmp-dev, librvx_accel?): \(err)") }
        return out
    }

    static func run(_ exe: String, _ args: [String], stdin: [UInt8] = []) throws -> (Int32, [UInt8], String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let i = Pipe(), o = Pipe(), e = Pipe()
        p.standardInput = i
        p.standardOutput = o
        p.standardError = e
        try p.run()
        i.fileHandleForWriting.write(Data(stdin))
        try i.fileHandleForWriting.close()
        let out = [UInt8](o.fileHandleForReading.readDataToEndOfFile())
        let err = String(decoding: e.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, out, err)
    }

    /// The conformance guest natively: every check passes against the same vectors as in the guest, the
    /// curves (BN254, KZG, BLS12-381) over librvx_accel, with the same line on stdout and status 0.
    func testConformanceNatively() throws {
        let exe = try Self.build("Examples/zkvm-conformance/conformance.c",
                                 include: GuestSupport.root.appendingPathComponent("Examples/zkvm-conformance").path)
        defer { try? FileManager.default.removeItem(at: exe) }
        let (status, out, err) = try Self.run(exe.path, [])
        XCTAssertEqual(err, "", "a failing check names itself here and exits with its number")
        XCTAssertEqual(status, 0)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "conformance: \(ConformanceGuestTests.checks) checks passed\n")
    }

    /// The standard-ledger natively: stdin = view ‖ batch, stdout = APP ‖ state report, computed here.
    func testStandardLedgerNatively() throws {
        let exe = try Self.build("Examples/standard-ledger/ledger.c")
        defer { try? FileManager.default.removeItem(at: exe) }
        func le64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }
        let a = [UInt8](repeating: 0x11, count: 32), b = [UInt8](repeating: 0x22, count: 32)
        let batch = a + le64(5) + b + le64(7) + a + le64(1)
        let aValue = [UInt8](repeating: 0, count: 31) + [3]   // a holds 3 before the batch
        let (status, out, err) = try Self.run(exe.path, [], stdin: le64(1) + a + aValue + batch)
        XCTAssertEqual(status, 0, err)
        let value: (UInt8) -> [UInt8] = { [UInt8](repeating: 0, count: 31) + [$0] }
        let expected = le64(3) + Array(SHA256.hash(data: batch))
            + a + value(9) + b + value(7) + a + b + le64(2) + le64(0) + le64(2) + Array("rvxstate".utf8)
        XCTAssertEqual(out, expected)
    }
}
