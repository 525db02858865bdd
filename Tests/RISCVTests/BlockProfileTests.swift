import Foundation
import GuestABI
import RISCV
import RISCVTestSupport
import Translator
import XCTest

/// The block profile and hot-code translation (docs/PERFORMANCE.md, "Translated tier"): the profile counts
/// block entries exactly, and a translation of only the hot blocks gives the reference stepper's results.
final class BlockProfileTests: XCTestCase {
    /// Slots: 0 addi a0, 1 addi a1=100, 2 add, 3 addi a1-=1, 4 bne a1 → 2, 5 ebreak (TranslationCacheTests).
    func image() -> ProgramImage { TranslationCacheTests.image() }

    func profiled() throws -> (Hart, BlockProfile) {
        let h = try Hart(image: image(), config: MachineConfig(engine: .translated))
        let p = BlockProfile(codeCount: h.codeCount)
        XCTAssertTrue(h.install(try XCTUnwrap(Translation(profiling: p))))
        var handler = TestHandler()
        _ = h.run(&handler)
        return (h, p)
    }

    /// By hand: the entry block (slots 0–4) once, the loop block (2–4) on each of the 99 taken branches,
    /// the ebreak once; the run equals the reference stepper's.
    func testProfileCountsEveryBlockEntry() throws {
        let (h, p) = try profiled()
        XCTAssertEqual(p.codeCount, 1024)   // the code segment's page, the rest illegal words
        XCTAssertEqual(p.counts, [1, 0, 99, 0, 0, 1] + [UInt64](repeating: 0, count: 1018))
        let ref = try Hart(image: image(), config: MachineConfig(engine: .reference))
        var handler = TestHandler()
        _ = ref.run(&handler)
        XCTAssertEqual(h.register(Reg.a0), 5050)
        XCTAssertEqual(h.cycles, ref.cycles)
        XCTAssertEqual(h.cycles, 2 + 3 * 100)   // ebreak stops uncharged
    }

    func testProfileTextRoundTrips() throws {
        let (_, p) = try profiled()
        XCTAssertEqual(p.text, "rvx-block-profile 1024\n0 1\n2 99\n5 1\n")
        XCTAssertEqual(BlockProfile.counts(parsing: p.text, codeCount: 1024), p.counts)
        XCTAssertNil(BlockProfile.counts(parsing: p.text, codeCount: 6))
        XCTAssertNil(BlockProfile.counts(parsing: "rvx-block-profile 6\n6 1\n", codeCount: 6))
        XCTAssertNil(BlockProfile.counts(parsing: "rvx-block-profile 6\n0 x\n", codeCount: 6))
    }

    /// Weights (entries × block length): slot 0 5, slot 2 297, slot 5 1. Half the instructions are covered by
    /// the loop block alone: one region with one entry point (slot 2); the rest runs on the core, and the
    /// results are the reference stepper's at every cycle limit.
    func testHotTranslationCoversTheLoopOnly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rvx-profile-test-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        var t = Translator(cacheDirectory: dir, optimization: "-O1")
        t.profile = [1, 0, 99, 0, 0, 1] + [UInt64](repeating: 0, count: 1018)
        t.hotFraction = 0.5
        for limit in [UInt64(1), 2, 3, 4, 5, 6, 150, 302, 303, 304] {
            let h = try Hart(image: image(), config: MachineConfig(cycleLimit: limit, engine: .translated))
            let r = try t.install(on: h)
            XCTAssertEqual(r.regions, 1)
            XCTAssertEqual(r.leaders, 1)
            var handler = TestHandler()
            let stop = h.run(&handler)
            let ref = try Hart(image: image(), config: MachineConfig(cycleLimit: limit, engine: .reference))
            var refHandler = TestHandler()
            XCTAssertEqual(stop, ref.run(&refHandler), "limit \(limit)")
            XCTAssertEqual(h.cycles, ref.cycles, "limit \(limit)")
            XCTAssertEqual((0..<32).map { h.register($0) }, (0..<32).map { ref.register($0) }, "limit \(limit)")
        }
        t.profile = [1]
        XCTAssertThrowsError(try t.install(on: try Hart(image: image(), config: MachineConfig(engine: .translated)))) {
            XCTAssertEqual($0 as? TranslationError, .profileMismatch(profile: 1, code: 1024))
        }
    }
}
