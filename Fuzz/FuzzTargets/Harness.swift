/// The fuzz harnesses of docs/HOSTILE.md §2: one entry point per decoder or machine that sees outside bytes.
///
/// Each harness takes arbitrary bytes, feeds them through the same public API an embedder uses, and checks
/// invariants beyond "no crash" (round trips for canonical formats, typed stops within limits, determinism).
/// A violated invariant is thrown as `InvariantViolation`; under libFuzzer (`rvx-fuzz`) it aborts, in the test
/// suite (Tests/HostileTests) it fails the replay. Any trap (a Swift runtime error, an ASan report) is a
/// crash in both.
public enum Harness: String, CaseIterable, Sendable {
    /// `ELFLoader.load` and `Hart(image:)` on arbitrary bytes.
    case elf
    /// `InputContainer(decoding:)`, with the canonical re-encoding round trip.
    case container
    /// The binary-tree witness decoder and verifier (`SHA256WitnessState`), reads, writes and root.
    case witness
    /// The RLP decoder (round trip), the EVM transaction decoder and MPT witness nodes.
    case rlp
    /// The interpreter on random instruction words with random register state and a small cycle limit.
    case interpreter
    /// The translated tier on the interpreter harness's programs, with the reference stepper as the oracle.
    case translated
    /// EXECUTE end to end: a fuzzed container with a fixed valid ELF.
    case executeContainer = "execute-container"
    /// EXECUTE end to end: a fuzzed ELF with a fixed valid container.
    case executeELF = "execute-elf"

    /// Runs the harness on `data`. Returns a one-line description of the typed outcome.
    public func run(_ data: [UInt8]) throws(InvariantViolation) -> String {
        switch self {
        case .elf: return try ELFHarness.run(data)
        case .container: return try ContainerHarness.run(data)
        case .witness: return try WitnessHarness.run(data)
        case .rlp: return try RLPHarness.run(data)
        case .interpreter: return try InterpreterHarness.run(data)
        case .translated: return try TranslatedHarness.run(data)
        case .executeContainer: return try ExecuteHarness.runContainer(data)
        case .executeELF: return try ExecuteHarness.runELF(data)
        }
    }
}

/// An invariant a harness checks did not hold: a bug in rvx (never a property of the input).
public struct InvariantViolation: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Throws an `InvariantViolation` with `message` unless `condition` holds.
@inline(__always)
func check(_ condition: Bool, _ message: @autoclosure () -> String) throws(InvariantViolation) {
    if !condition { throw InvariantViolation(message()) }
}

/// Little-endian reader over fuzz bytes that yields zeros past the end (so every input is usable).
struct FuzzReader {
    let bytes: [UInt8]
    var pos = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var remaining: Int { max(0, bytes.count - pos) }
    mutating func u8() -> UInt8 {
        defer { pos += 1 }
        return pos < bytes.count ? bytes[pos] : 0
    }
    mutating func u32() -> UInt32 {
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(u8()) << (8 * UInt32(i)) }
        return v
    }
    mutating func u64() -> UInt64 { UInt64(u32()) | UInt64(u32()) << 32 }
    /// Up to `n` bytes from the current position (fewer, or none, at the end; `pos` may already be past it).
    mutating func take(_ n: Int) -> [UInt8] {
        let n = max(0, min(n, remaining))
        guard n > 0 else { return [] }
        defer { pos += n }
        return Array(bytes[pos..<pos + n])
    }
    mutating func rest() -> [UInt8] { take(remaining) }
}
