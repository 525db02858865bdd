import Foundation
import XCTest

/// Random differential test: seeded random RV32IM / RV64IM programs (see `RandomProgram`) run under
/// qemu-user and under rvx in-process; stdout (all registers and the data buffer after every case) and
/// the exit status must be identical byte for byte.
///
/// The first `translatedELFs` ELFs (every ELF with `RVX_FULL_TRANSLATED=1`) also run on the translated
/// tier, whose output must equal qemu's as well.
///
/// Environment: `RVX_DIFF_PROGRAMS` = programs per XLEN (default 1000), `RVX_DIFF_SEED` = base seed
/// (default 0x5256_5844_4946_4621). Program i of XLEN x uses seed base ^ (x << 56) ^ i, printed on failure.
final class DifferentialTests: XCTestCase {
    static let casesPerELF = 25
    /// ELFs per XLEN run on the translated tier in every test run (each is compiled once per cache).
    static let translatedELFs = 4

    func testRandomRV32Programs() throws { try runDifferential(xlen: 32) }
    func testRandomRV64Programs() throws { try runDifferential(xlen: 64) }

    private func runDifferential(xlen: Int) throws {
        guard QEMU.path(xlen: xlen) != nil || GuestBuild.required else {
            throw XCTSkip("qemu-riscv\(xlen) not found: differential test skipped (set RVX_REQUIRE_GUESTS=1 to fail)")
        }
        guard QEMU.path(xlen: xlen) != nil else { throw GuestTestError.missingTool("qemu-riscv\(xlen)") }
        let env = ProcessInfo.processInfo.environment
        let programs = env["RVX_DIFF_PROGRAMS"].flatMap { Int($0) } ?? 1000
        let baseSeed = env["RVX_DIFF_SEED"].flatMap { UInt64($0.replacingOccurrences(of: "0x", with: ""), radix: 16) }
            ?? 0x5256_5844_4946_4621
        let files = (programs + Self.casesPerELF - 1) / Self.casesPerELF
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("rvx-diff-\(ProcessInfo.processInfo.processIdentifier)-rv\(xlen)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["RVX_DIFF_KEEP"] == nil { try? FileManager.default.removeItem(at: dir) } }

        // Generate every ELF (each holds casesPerELF programs, seeded individually).
        var elfs: [[UInt8]] = []
        var seeds: [UInt64] = []
        for f in 0..<files {
            let seed = baseSeed ^ (UInt64(xlen) << 56) ^ UInt64(f)
            var gen = RandomProgram(xlen: xlen, seed: seed)
            let count = min(Self.casesPerELF, programs - f * Self.casesPerELF)
            elfs.append(gen.elf(cases: count))
            seeds.append(seed)
            let url = dir.appendingPathComponent("p\(f)")
            try Data(elfs[f]).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }

        // qemu processes concurrently, rvx in-process on this thread meanwhile.
        let qemuResults = LockedBox([ProcessResult?](repeating: nil, count: files))
        let qemuErrors = LockedBox([String]())
        let qemuDone = DispatchGroup()
        qemuDone.enter()
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: files) { f in
                let path = dir.appendingPathComponent("p\(f)").path
                do {
                    let r = try QEMU.run(elf: path, xlen: xlen)
                    qemuResults.update { $0[f] = r }
                } catch {
                    qemuErrors.update { $0.append("\(error)") }
                }
            }
            qemuDone.leave()
        }
        var rvxResults: [GuestRun] = []
        for f in 0..<files { rvxResults.append(try GuestRunner.run(elf: elfs[f], name: "random-\(f)")) }
        var translated: [Int: GuestRun] = [:]
        for f in 0..<(GuestRunner.allTranslated ? files : min(files, Self.translatedELFs)) {
            translated[f] = try GuestRunner.run(elf: elfs[f], name: "random-\(f)", engine: .translated)
        }
        qemuDone.wait()
        XCTAssertEqual(qemuErrors.value, [])

        let perCase = RandomProgram(xlen: xlen, seed: 0).outputBytesPerCase
        var failures = 0
        for f in 0..<files {
            guard let q = qemuResults.value[f] else { continue }
            let r = rvxResults[f]
            let seedText = "seed 0x" + String(seeds[f], radix: 16)
            if q.exitStatus != 0 || q.signal != nil {
                XCTFail("RV\(xlen) program file \(f) (\(seedText)): qemu ended with status \(String(describing: q.exitStatus)) "
                        + "signal \(String(describing: q.signal)): \(String(decoding: q.stderr, as: UTF8.self))")
                failures += 1
            }
            if r.stop != .exited(code: 0) {
                XCTFail("RV\(xlen) program file \(f) (\(seedText)): rvx stopped with \(r.stop)")
                failures += 1
            }
            if q.stdout != r.stdout {
                XCTFail("RV\(xlen) program file \(f) (\(seedText)): "
                        + Self.describeMismatch(rvx: r.stdout, qemu: q.stdout, perCase: perCase, xlen: xlen))
                failures += 1
            }
            if let t = translated[f], t.stdout != q.stdout || t.stop != .exited(code: 0) {
                XCTFail("RV\(xlen) program file \(f) (\(seedText)), translated tier: stopped with \(t.stop); "
                        + Self.describeMismatch(rvx: t.stdout, qemu: q.stdout, perCase: perCase, xlen: xlen))
                failures += 1
            }
            if failures >= 5 { break }
        }
        let retired = rvxResults.reduce(UInt64(0)) { $0 + $1.instructions }
        print("RV\(xlen) differential: \(programs) programs in \(files) ELFs, \(retired) instructions retired under rvx, "
              + "\(translated.count) ELFs also on the translated tier")
        let expectedBytes = programs * perCase
        XCTAssertEqual(rvxResults.reduce(0) { $0 + $1.stdout.count }, expectedBytes, "total rvx output size")
    }

    /// Names the first differing case and register (or buffer offset).
    static func describeMismatch(rvx: [UInt8], qemu: [UInt8], perCase: Int, xlen: Int) -> String {
        guard let i = zip(rvx, qemu).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset else {
            return "output lengths differ: rvx \(rvx.count) bytes, qemu \(qemu.count) bytes"
        }
        let c = i / perCase, off = i % perCase
        if off < RandomProgram.bufferSize {
            return "case \(c): data buffer byte \(off) differs (rvx 0x\(String(rvx[i], radix: 16)), qemu 0x\(String(qemu[i], radix: 16)))"
        }
        let w = xlen / 8, reg = (off - RandomProgram.bufferSize) / w + 1
        func value(_ b: [UInt8]) -> String {
            let start = c * perCase + RandomProgram.bufferSize + (reg - 1) * w
            guard start + w <= b.count else { return "?" }
            return "0x" + String(b[start..<start + w].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }, radix: 16)
        }
        return "case \(c): register x\(reg) differs (rvx \(value(rvx)), qemu \(value(qemu)))"
    }
}
