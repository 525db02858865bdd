import XCTest
@testable import BinaryTree

/// Random property tests: a witness built from a recorded run verifies against the pre-state root, serves the
/// pre-state values, and after the run's writes yields exactly the full tree's post-state root.
final class WitnessPropertyTests: XCTestCase {
    /// A random tree whose stems share long prefixes often (to exercise deep compressed paths and splits).
    static func randomTree(_ rng: inout XorShift, stems nStems: Int) -> (Tree, [Bytes32]) {
        var t = Tree()
        var stems: [Bytes32] = []
        for _ in 0..<nStems {
            var s = rng.bytes32().stem
            if !stems.isEmpty && rng.below(2) == 0 {
                // Copy an existing stem and flip one bit at a random depth, sometimes very deep.
                let base = stems[rng.below(stems.count)]
                let bit = rng.below(3) == 0 ? 240 + rng.below(8) : rng.below(248)
                s = base.settingBit(bit, to: 1 - base.bit(bit))
            }
            stems.append(s)
            for _ in 0..<(1 + rng.below(4)) {
                t.insert(Bytes32(stem: s, subindex: UInt8(rng.below(256))), rng.bytes32())
            }
        }
        return (t, stems)
    }

    /// A random run: reads and writes of present keys, absent keys in present stems, keys of new stems next to
    /// existing ones, and removals (sometimes of every value of a stem).
    static func randomRun(_ rng: inout XorShift, _ t: Tree, _ stems: [Bytes32], ops: Int) -> RecordingState<SHA256TreeHasher> {
        var run = RecordingState(t)
        let present = t.stems.flatMap { s, vs in vs.keys.map { Bytes32(stem: s, subindex: $0) } }.sorted()
        for _ in 0..<ops {
            let k: Bytes32
            switch rng.below(4) {
            case 0: k = present.isEmpty ? rng.bytes32() : present[rng.below(present.count)]
            case 1: k = Bytes32(stem: stems.isEmpty ? rng.bytes32() : stems[rng.below(stems.count)],
                                subindex: UInt8(rng.below(256)))
            case 2:
                let base = stems.isEmpty ? rng.bytes32().stem : stems[rng.below(stems.count)]
                let bit = rng.below(248)
                k = Bytes32(stem: base.settingBit(bit, to: 1 - base.bit(bit)), subindex: UInt8(rng.below(256)))
            default: k = rng.bytes32()
            }
            switch rng.below(5) {
            case 0, 1: _ = run.read(key: k)
            case 2, 3: run.write(key: k, value: rng.bytes32())
            default:
                // Remove the whole stem's values sometimes, to force compression.
                if rng.below(2) == 0 {
                    for x in run.current.stems[k.stem]?.keys.sorted() ?? [] {
                        run.write(key: Bytes32(stem: k, subindex: x), value: nil)
                    }
                }
                run.write(key: k, value: nil)
            }
        }
        return run
    }

    /// Replays `run` on a verifier built from `witness`: every read returns the pre-state value, and the root
    /// after the writes is the full tree's.
    static func replay(_ run: RecordingState<SHA256TreeHasher>, _ witness: [UInt8]) throws -> SHA256WitnessState {
        var w = try SHA256WitnessState(root: run.pre.root().bytes, witness: witness)
        for k in run.touched.sorted() { _ = try w.read(key: k) }
        for k in run.touched.sorted() { try w.write(key: k, value: run.current.get(k)) }
        _ = try w.root()
        return w
    }

    func testRandomRunsVerifyReadAndReproduceThePostRoot() throws {
        var rng = XorShift(0x5eed)
        for round in 0..<60 {
            let (t, stems) = Self.randomTree(&rng, stems: round % 10 == 0 ? 0 : 1 + rng.below(40))
            let run = Self.randomRun(&rng, t, stems, ops: 1 + rng.below(30))
            let witness = try run.witness()
            var w = try SHA256WitnessState(root: t.root().bytes, witness: witness.bytes)
            XCTAssertEqual(witness.size, witness.bytes.count)
            XCTAssertEqual(witness.tree.encodedSize, witness.bytes.count)
            for k in run.touched.sorted() {
                XCTAssertEqual(try w.read(key: k), t.get(k), "round \(round) read \(k)")
            }
            // Writes in a different order than the run (the result must not depend on it).
            for k in run.touched.sorted().reversed() { try w.write(key: k, value: run.current.get(k)) }
            for k in run.touched.sorted() {
                XCTAssertEqual(try w.read(key: k), run.current.get(k), "round \(round) read-after-write")
            }
            XCTAssertEqual(try w.root(), run.current.root(), "round \(round)")
            // root() is idempotent and cheap the second time.
            let calls = w.hashCalls
            XCTAssertEqual(try w.root(), run.current.root())
            XCTAssertEqual(w.hashCalls, calls)
        }
    }

    func testInterleavedWritesAndRootsMatchTheFullTree() throws {
        var rng = XorShift(99)
        for _ in 0..<20 {
            let (t, stems) = Self.randomTree(&rng, stems: 1 + rng.below(30))
            let run = Self.randomRun(&rng, t, stems, ops: 25)
            var w = try SHA256WitnessState(root: t.root().bytes, witness: run.witness().bytes)
            // Apply writes one at a time against a copy of the full tree, comparing roots after each write.
            var full = t
            for k in run.touched.sorted() {
                let v: Bytes32? = rng.below(3) == 0 ? nil : run.current.get(k)
                try w.write(key: k, value: v)
                full[k] = v
                do {
                    let r = try w.root()
                    XCTAssertEqual(r, full.root())
                } catch .incompleteSibling {
                    // Allowed: the witness only covers the shapes the final state needs.
                }
            }
        }
    }

    func testEmptyPreStateAndNothingTouched() throws {
        let t = Tree()
        let run = RecordingState(t)
        let wit = try run.witness()
        XCTAssertEqual(wit.bytes, [0])
        var w = try SHA256WitnessState(root: [UInt8](repeating: 0, count: 32), witness: wit.bytes)
        XCTAssertEqual(try w.root(), .zero)
        var t2 = Tree()
        t2.insert(key(rep(1, 31), 1), Bytes32(rep(2, 32))!)
        let w2 = try SHA256WitnessState(root: t2.root().bytes, witness: RecordingState(t2).witness().bytes)
        XCTAssertThrowsError(try w2.read(key: key(rep(1, 31), 1))) {
            XCTAssertEqual($0 as? WitnessError, .incomplete(key: key(rep(1, 31), 1)))
        }
    }
}
