import XCTest
@testable import EVMPrimitives

/// `WideDivision.divide` against the standard library's `dividingFullWidth` (an independent implementation).
final class WideDivisionTests: XCTestCase {
    func check(_ hi: UInt64, _ lo: UInt64, _ d: UInt64, file: StaticString = #filePath, line: UInt = #line) {
        let (q, r) = WideDivision.divide(hi, lo, by: d)
        let expected = d.dividingFullWidth((hi, lo))
        XCTAssertEqual(q, expected.quotient, "q of \(hi):\(lo) / \(d)", file: file, line: line)
        XCTAssertEqual(r, expected.remainder, "r of \(hi):\(lo) / \(d)", file: file, line: line)
    }

    func testEdgeCases() {
        let ds: [UInt64] = [1, 2, 3, 7, 0xffff_ffff, 1 << 32, (1 << 32) + 1, 1 << 63, (1 << 63) + 1, .max, .max - 1,
                            0x8000_0000_ffff_ffff, 0xffff_ffff_0000_0001]
        for d in ds {
            for hi in [0, 1, d / 2, d &- 1] where hi < d {
                for lo: UInt64 in [0, 1, 0xffff_ffff, 1 << 32, .max, .max - 1, 0x8000_0000_0000_0000] { check(hi, lo, d) }
            }
        }
        // Known value: (2^64 - 1)·2^64 + (2^64 - 1) = (2^128 - 1); divided by 2^64 - 1 gives 2^64 + 1, which
        // does not fit; (2^64 - 2)·2^64 + 2^64 - 1 over 2^64 - 1 is 2^64 - 1 remainder 2^64 - 2.
        let (q, r) = WideDivision.divide(.max - 1, .max, by: .max)
        XCTAssertEqual(q, .max)
        XCTAssertEqual(r, .max - 1)
    }

    func testRandom() {
        var rng = SplitMix64(state: 0x5eed)
        for _ in 0..<200_000 {
            // Divisors of every width, so that every normalisation shift occurs.
            let d = rng.next() >> (rng.next() % 64)
            if d == 0 { continue }
            let hi = rng.next() % d
            check(hi, rng.next(), d)
        }
    }

    /// The reciprocal form against `dividingFullWidth`, for normalised divisors; reciprocals from their
    /// definition ⌊(2^128 − 1) / d⌋ − 2^64, worked by hand for 2^63 (2^64 − 1) and 2^64 − 1 (1).
    func testReciprocalDivision() {
        XCTAssertEqual(WideDivision.reciprocal(1 << 63), .max)
        XCTAssertEqual(WideDivision.reciprocal(.max), 1)
        var rng = SplitMix64(state: 0x2b1)
        for i in 0..<200_000 {
            let d = i < 4 ? [1 << 63, .max, (1 << 63) + 1, 0xffff_ffff_0000_0001][i] : rng.next() | (1 << 63)
            let v = WideDivision.reciprocal(d)
            XCTAssertEqual(v, d.dividingFullWidth((~d, .max)).quotient)
            let hi = i % 3 == 0 ? d - 1 : rng.next() % d
            let lo: UInt64 = i % 5 == 0 ? .max : rng.next()
            let (q, r) = WideDivision.divide(hi, lo, by: d, reciprocal: v)
            let expected = d.dividingFullWidth((hi, lo))
            XCTAssertEqual(q, expected.quotient, "q of \(hi):\(lo) / \(d)")
            XCTAssertEqual(r, expected.remainder, "r of \(hi):\(lo) / \(d)")
        }
    }
    /// Every entry of the reciprocal table against its definition ⌊(2^19 − 3·2^8) / d9⌋ for d9 = 256 … 511
    /// (Möller and Granlund 2011, Algorithm 2); the ends worked by hand: 523520 / 256 = 2045, 523520 / 511 = 1024.
    func testReciprocalTable() {
        XCTAssertEqual(WideDivision.reciprocalTable.count, 256)
        for (i, entry) in WideDivision.reciprocalTable.enumerated() {
            XCTAssertEqual(UInt32(entry), (UInt32(1 << 19) - 3 * (1 << 8)) / UInt32(256 + i), "entry \(i)")
        }
        XCTAssertEqual(WideDivision.reciprocalTable.first, 2045)
        XCTAssertEqual(WideDivision.reciprocalTable.last, 1024)
    }

    /// The table-based reciprocal against the division-based definition ⌊(2^128 − 1) / d⌋ − 2^64, for the
    /// edge divisors (2^63, 2^64 − 1, one bit above 2^63, one bit below 2^64, both ends of every table
    /// interval) and random normalised ones.
    func testTableReciprocalAgainstDefinition() {
        var ds: [UInt64] = [1 << 63, .max, (1 << 63) + 1, .max - 1]
        for k in 0..<63 { ds.append((1 << 63) | (1 << UInt64(k))); ds.append(.max &- (1 << UInt64(k)) &+ 1) }
        for d9: UInt64 in 256..<512 { ds.append(d9 << 55); ds.append((d9 << 55) | ((1 << 55) - 1)) }
        var rng = SplitMix64(state: 0x7ab1e)
        for _ in 0..<100_000 { ds.append(rng.next() | (1 << 63)) }
        for d in ds {
            XCTAssertEqual(WideDivision.reciprocal(d), WideDivision.reciprocalByDivision(d), "reciprocal of \(d)")
        }
    }
}
