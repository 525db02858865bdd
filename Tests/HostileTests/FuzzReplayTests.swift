import Foundation
import FuzzTargets
import XCTest

/// Replays every committed crasher (Tests/Fixtures/FuzzCrashers/<harness>/) and seed (Tests/Fixtures/FuzzSeeds/
/// <harness>/) through the same harness entry points libFuzzer drives (without the sanitizer): each must end with
/// a typed outcome and every invariant holding. Also replays the built-in seeds.
final class FuzzReplayTests: XCTestCase {
    func testCrashersAndSeedsReplay() throws {
        try HostileBuild.ensureBuilt()  // execute-container needs the built sdk-state ELF
        var replayed = 0
        for base in [HostilePaths.crashers, HostilePaths.seeds] {
            for harness in Harness.allCases {
                let dir = base.appendingPathComponent(harness.rawValue)
                guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { continue }
                for f in files.sorted() where !f.hasPrefix(".") && !f.hasSuffix(".md") {
                    let data = try [UInt8](Data(contentsOf: dir.appendingPathComponent(f)))
                    XCTAssertNoThrow(try harness.run(data), "\(harness.rawValue)/\(f)")
                    replayed += 1
                }
            }
        }
        XCTAssertGreaterThan(replayed, 0, "no committed crashers or seeds found")
    }

    func testBuiltInSeedsReplay() throws {
        try HostileBuild.ensureBuilt()
        for harness in Harness.allCases {
            for (i, s) in Seeds.seeds(harness).enumerated() {
                XCTAssertNoThrow(try harness.run(s), "\(harness.rawValue) seed \(i)")
            }
        }
    }

    /// The fixed ELF of the execute harnesses is found (tests run from the package root or set RVX_FUZZ_ELF).
    func testFixedELFIsAvailable() throws {
        try HostileBuild.ensureBuilt()
        XCTAssertNotNil(ExecuteHarness.fixedELF)
    }
}
