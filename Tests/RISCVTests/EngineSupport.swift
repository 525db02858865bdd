import XCTest
import RISCV
import GuestABI
import Translator
import Foundation

/// The observable state of a hart after a run, compared across engines.
struct HartSnapshot: Equatable, CustomStringConvertible {
    var stop: StopReason
    var pc: UInt64
    var cycles: UInt64
    var retired: UInt64
    var registers: [UInt64]
    var memoryUsed: UInt64
    var misaligned: UInt64
    var memoryHash: UInt64

    init(_ h: Hart, _ stop: StopReason, regions: [(UInt64, UInt64)]) {
        self.stop = stop
        pc = h.pc
        cycles = h.cycles
        retired = h.instructionsRetired
        registers = (0..<32).map { h.register($0) }
        memoryUsed = h.memory.memoryUsed
        misaligned = h.memory.misalignedAccesses
        memoryHash = regions.reduce(0xCBF2_9CE4_8422_2325) { acc, r in fnv1a(h.memory.read(r.0, count: r.1) ?? [], acc) }
    }

    var description: String {
        "stop \(stop) pc \(String(pc, radix: 16)) cycles \(cycles) mem \(memoryUsed) misaligned \(misaligned) hash \(memoryHash)"
    }
}

/// FNV-1a over `bytes`, continuing from `h`.
func fnv1a(_ bytes: [UInt8], _ h: UInt64) -> UInt64 {
    var h = h
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
    return h
}

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
