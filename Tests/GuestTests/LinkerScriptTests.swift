import Foundation
import XCTest

/// guest/sdk/rvx.ld under GNU ld and LLD (eth-act memory-layout standard: the script defines the heap
/// boundaries libc needs): `_heap_start` is the initial program break and page aligned, `_heap_end` is
/// 0x4000_0000, read-only data lies in a PT_LOAD that is readable and neither writable nor executable, and the
/// program runs under rvx on both XLENs.
final class LinkerScriptTests: XCTestCase {
    func testGNULinker() throws { try check(linker: nil) }

    func testLLD() throws {
        guard let lld = HostProcess.which("ld.lld") else {
            if GuestBuild.required { XCTFail("ld.lld not found (toolchain/install-deps.sh installs lld)") }
            throw XCTSkip("ld.lld not found")
        }
        try check(linker: lld)
    }

    func check(linker: String?) throws {
        try GuestBuild.ensureBuilt()
        let source = RepoPaths.root.appendingPathComponent("guest/sdk/tests/linker_script.c").path
        for xlen in [32, 64] {
            let label = "RV\(xlen) \(linker ?? "GNU ld")"
            let elf = FileManager.default.temporaryDirectory.appendingPathComponent("rvx-ld-\(xlen)-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: elf) }
            let cc = try HostProcess.run(RepoPaths.root.appendingPathComponent("toolchain/rvx-cc").path,
                                         ["--xlen", String(xlen), "-O2", "-Wall", "-Werror"]
                                         + (linker.map { ["--ld-path=\($0)"] } ?? []) + [source, "-o", elf])
            XCTAssertEqual(cc.exitStatus, 0, "\(label): \(String(decoding: cc.stderr, as: UTF8.self))")
            let r = try GuestRunner.run(elf: [UInt8](try Data(contentsOf: URL(fileURLWithPath: elf))), name: label)
            XCTAssertEqual(r.stop, .exited(code: 0), label)
            let words = String(decoding: r.stdout, as: UTF8.self).split(separator: " ").prefix(4).map { UInt64($0, radix: 16) ?? 0 }
            XCTAssertEqual(words.count, 4, label)
            guard words.count == 4 else { continue }
            XCTAssertEqual(words[0], words[2], "\(label): _heap_start is the initial break")
            XCTAssertEqual(words[0] % 4096, 0, "\(label): _heap_start is page aligned")
            XCTAssertEqual(words[1], 0x4000_0000, "\(label): _heap_end")

            let readelf = try XCTUnwrap(HostProcess.which("riscv64-unknown-elf-readelf"))
            let headers = String(decoding: try HostProcess.run(readelf, ["-lW", elf]).stdout, as: UTF8.self)
            var found = false
            for line in headers.split(separator: "\n") where line.hasPrefix("  LOAD") {
                // LOAD offset vaddr paddr filesz memsz flags… align
                let f = line.split(separator: " ")
                guard let vaddr = UInt64(f[2].dropFirst(2), radix: 16), let memsz = UInt64(f[5].dropFirst(2), radix: 16) else { continue }
                XCTAssertLessThanOrEqual(vaddr + memsz, words[0], "\(label): a segment reaches past _heap_start")
                if (vaddr..<vaddr + memsz).contains(words[3]) {
                    found = true
                    XCTAssertEqual(f[6...].dropLast().joined(separator: " "), "R", "\(label): read-only data segment flags")
                }
            }
            XCTAssertTrue(found, "\(label): no PT_LOAD holds the read-only object\n\(headers)")
        }
    }
}
