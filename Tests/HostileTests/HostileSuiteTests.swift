import Execute
import Foundation
import XCTest

/// The adversarial guest suite (guest/tests/hostile, docs/HOSTILE.md §3) on RV32 and RV64: every case ends with
/// its exact typed reason (and fault detail), its exact cycle count where the manifest gives one, the same answer
/// from the `rvx execute` CLI, and a bounded host peak RSS measured on the CLI child process.
final class HostileSuiteTests: XCTestCase {
    /// Bound on the peak RSS of `rvx execute` for any hostile case.
    static let rssBound: UInt64 = 512 << 20

    func testHostileSuiteRV32() throws { try runSuite(xlen: 32) }
    func testHostileSuiteRV64() throws { try runSuite(xlen: 64) }

    func testManifestHasAtLeast25CasesInCAndAssembly() throws {
        let cases = try HostileManifest.load()
        XCTAssertGreaterThanOrEqual(cases.count, 25)
        let files = try FileManager.default.contentsOfDirectory(atPath: HostilePaths.sources.path)
        for c in cases {
            XCTAssertTrue(files.contains(c.name + ".S") || files.contains(c.name + ".c"), "no source for \(c.name)")
        }
        XCTAssertTrue(files.contains { $0.hasSuffix(".c") } && files.contains { $0.hasSuffix(".S") })
        let named = Set(cases.map(\.name))
        for f in files where f.hasSuffix(".S") || f.hasSuffix(".c") {
            XCTAssertTrue(named.contains(String(f.dropLast(2))), "\(f) is not in the manifest")
        }
    }

    func runSuite(xlen: Int) throws {
        try HostileBuild.ensureBuilt()
        let rvx = HostilePaths.rvx
        if rvx == nil && HostilePaths.required { XCTFail("the rvx binary was not found next to the test bundle") }
        let cases = try HostileManifest.load()
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("rvx-hostile-\(xlen)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        var table: [String] = []
        for c in cases {
            let elfURL = HostilePaths.elf(c.name, xlen: xlen)
            let elf = try [UInt8](Data(contentsOf: elfURL))
            let request = try HostileRunner.request(c, elf: elf)
            let r = execute(request)
            let what = "\(c.name) RV\(xlen)"
            check(r, c, xlen: xlen, what)

            var rss = "-"
            if let rvx {
                let file = tmp.appendingPathComponent(c.input.rawValue)
                if !FileManager.default.fileExists(atPath: file.path) { try Data(request.container).write(to: file) }
                let cli = try HostileRunner.runCLI(rvx, c, elf: elfURL, containerFile: file)
                XCTAssertEqual(cli.verdict, r.verdict, "\(what): CLI verdict")
                XCTAssertEqual(cli.status, r.verdict ? 0 : 1, "\(what): CLI exit status")
                XCTAssertEqual(cli.reason, r.reason?.name, "\(what): CLI reason")
                XCTAssertEqual(cli.reasonText, r.reason?.description, "\(what): CLI reason text")
                XCTAssertEqual(cli.cycles, r.cycles, "\(what): CLI cycles")
                XCTAssertLessThan(cli.peakRSS, HostileSuiteTests.rssBound, "\(what): peak RSS \(cli.peakRSS)")
                XCTAssertLessThanOrEqual(cli.peakRSS, cli.spawnMaxRSS, "\(what): VmHWM above ru_maxrss")
                if c.name == "stack_overflow_guard" {  // touches the whole 256 MiB stack: the measurement must see it
                    XCTAssertGreaterThan(cli.peakRSS, 256 << 20, "\(what): peak RSS \(cli.peakRSS)")
                }
                rss = String(cli.peakRSS >> 20) + " MiB"
            }
            let reason = r.reason.map { $0.name + ($0.detailSuffix) } ?? "true"
            table.append("| \(c.name) | RV\(xlen) | \(reason) | \(r.cycles) | \(rss) |")
        }
        if let path = ProcessInfo.processInfo.environment["RVX_HOSTILE_TABLE"] {
            let line = table.joined(separator: "\n") + "\n"
            if let h = FileHandle(forWritingAtPath: path) { h.seekToEndOfFile(); h.write(Data(line.utf8)); h.closeFile() } else {
                _ = FileManager.default.createFile(atPath: path, contents: Data(line.utf8))
            }
        }
    }

    func check(_ r: ExecuteResult, _ c: HostileCase, xlen: Int, _ what: String) {
        if c.reason == "true" {
            XCTAssertTrue(r.verdict, "\(what): expected true, got \(String(describing: r.reason))")
            XCTAssertNil(r.reason, what)
        } else {
            XCTAssertFalse(r.verdict, what)
            XCTAssertEqual(r.reason?.name, c.reason, "\(what): \(String(describing: r.reason))")
        }
        if let d = c.detail(xlen: xlen) {
            switch r.reason {
            case .nonZeroExit(let code)?:
                XCTAssertEqual(String(code), d, "\(what): exit code")
            case .guestFault(_, let description)?:
                if let prefix = HostileCase.faultPrefix(d) {
                    XCTAssertTrue(description.hasPrefix(prefix.replacingOccurrences(of: "guest fault: ", with: "")),
                                  "\(what): fault \(description), expected \(prefix)")
                } else {
                    XCTFail("\(what): bad fault detail \(d)")
                }
            default:
                XCTFail("\(what): detail \(d) given for \(String(describing: r.reason))")
            }
        }
        if let expected = c.cycles(xlen: xlen) { XCTAssertEqual(r.cycles, expected, "\(what): cycles") }
        // Never more instructions than the budget; a true verdict never beyond it.
        XCTAssertLessThanOrEqual(r.instructions, c.cycleLimit, "\(what): instructions")
        if r.verdict { XCTAssertLessThanOrEqual(r.cycles, c.cycleLimit, "\(what): true beyond the cycle limit") }
    }
}

extension ExecuteFailure {
    /// ":code" for exits, ":" + the stop for faults, "" otherwise (for the results table).
    var detailSuffix: String {
        switch self {
        case .nonZeroExit(let code): return " \(code)"
        case .guestFault(_, let d): return " (\(d))"
        default: return ""
        }
    }
}
