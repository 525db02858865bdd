import Foundation
import RISCV
import Translator

/// Translated-tier harness (docs/PERFORMANCE.md, "Translated tier"; docs/HOSTILE.md §2): the interpreter harness's
/// programs (same input layout) compiled by the translator and run under a cycle limit picked by the flags byte
/// (bits 2–4: 2000, 1000, 500, 100, 37, 10, 3 or 1), with the reference stepper as the oracle.
///
/// Invariants: the interpreter harness's on the translated run, and its stop, cycles, retired instructions,
/// registers, data page, memory in use and output all equal the reference stepper's. Each input is compiled
/// (about 0.1–2 s); the cache is a directory of this process, emptied after each install, and the loaded
/// libraries stay mapped for the life of the process (tens of KiB each).
enum TranslatedHarness {
    static let limits: [UInt64] = [2000, 1000, 500, 100, 37, 10, 3, 1]
    static let cache = FileManager.default.temporaryDirectory.appendingPathComponent("rvx-fuzz-translations-\(getpid())")

    static func run(_ data: [UInt8]) throws(InvariantViolation) -> String {
        let (flags, image, regs) = InterpreterHarness.parse(data)
        let limit = limits[Int(flags >> 2) & 7]
        let reference = try InterpreterHarness.once(image, regs, engine: .reference, cycleLimit: limit)
        let translated = try InterpreterHarness.once(image, regs, engine: .translated, cycleLimit: limit) { h throws(InvariantViolation) in
            defer { try? FileManager.default.removeItem(at: cache) }
            do { try Translator(cacheDirectory: cache, optimization: "-O1").install(on: h) } catch {
                throw InvariantViolation("the translator failed on a valid image: \(error)")
            }
        }
        try check(translated == reference, "translated differs from the reference: \(translated.stop) / \(reference.stop), "
                  + "cycles \(translated.cycles) / \(reference.cycles), registers equal \(translated.registers == reference.registers), "
                  + "data equal \(translated.data == reference.data)")
        return "\(translated.stop) after \(translated.cycles) cycles (limit \(limit))"
    }
}
