import XCTest
import EVMProver

/// `DiffSummary` totals: gas sums past 2^64 (state tests with 2^63 gas limits use ~2^62 gas per case; the whole
/// shared folder overflowed a UInt64 sum and crashed `rvx evm diff`).
final class DiffSummaryTests: XCTestCase {
    func report(_ name: String, gas: UInt64, cycles: UInt64) -> GuestDiff.CaseReport {
        var r = GuestDiff.CaseReport(name: name, fork: "Cancun")
        r.gasUsed = gas
        r.cycles = [("rv64", cycles)]
        return r
    }

    func testGasTotalsBeyond64BitsAndRatios() {
        var s = DiffSummary(labels: ["rv64"])
        s.add(report("a", gas: 1 << 63, cycles: 1 << 62))
        s.add(report("b", gas: 1 << 63, cycles: 1 << 62))
        s.add(report("c", gas: 1000, cycles: 3000))
        var skipped = GuestDiff.CaseReport(name: "d", fork: "Frontier")
        skipped.skipped = "fork not supported"
        s.add(skipped)
        XCTAssertEqual(s.gas.high, 1)
        XCTAssertEqual(s.gas.low, 1000)
        // Per case: 2^62·1000/2^63 = 500 (0.500), and 3.000; over all: (2^63 + 3000) / (2^64 + 1000) = 0.5.
        XCTAssertEqual(s.lines(files: 1), [
            "1 files: 3 passed, 0 mismatched, 1 skipped (1 fork not supported)",
            "rv64: 3 EXECUTE calls, 9223372036854778808 cycles; cycles/case min 3000 median 4611686018427387904 p90 4611686018427387904 max 4611686018427387904",
            "rv64: cycles/gas min 0.500 median 0.500 p90 0.500 max 3.000 (over 3 cases with gas > 0; all cases: 0.500 cycles/gas)",
        ])
    }
}
