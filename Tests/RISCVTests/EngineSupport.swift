import XCTest
import RISCV
import GuestABI
import RISCVTestSupport
import Translator
import Foundation

/// Runs `make()`'s hart under every engine and checks that all agree with the reference stepper;
/// returns the snapshots keyed by engine.
@discardableResult
func assertEnginesAgree(_ what: String, regions: [(UInt64, UInt64)], engines: [Engine] = Engine.allCases,
                        file: StaticString = #filePath, line: UInt = #line,
                        _ make: (Engine) throws -> Hart) throws -> [Engine: HartSnapshot] {
    var out: [Engine: HartSnapshot] = [:]
    for e in engines {
        let h = try make(e)
        if e == .translated { try testTranslator.install(on: h) }
        var handler = TestHandler()
        let stop = h.run(&handler)
        out[e] = HartSnapshot(h, stop, regions: regions)
    }
    let ref = out[.reference]!
    for e in engines where e != .reference {
        XCTAssertEqual(out[e], ref, "\(what): engine \(e) differs from the reference stepper", file: file, line: line)
    }
    return out
}

/// The translated tier for tests: one cache shared by all test runs (entries are verified before use).
let testTranslator = Translator(cacheDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("rvx-test-translations"),
                                optimization: "-O1")
