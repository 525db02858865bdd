import XCTest
@testable import BinaryTree

/// Minimality (removing any part of a built witness makes the run fail) and tamper evidence (flipping any bit
/// makes verification fail or the root differ).
final class WitnessMinimalityTests: XCTestCase {
    /// The hash of a witness node (independent of whether it stands in the main trie or a stem subtree).
    static func hash(_ n: WitnessTree) -> Bytes32 {
        var th = TreeHash<SHA256TreeHasher>()
        switch n {
        case .empty: return .zero
        case let .opaque(h): return h
        case let .internal(l, r): return th.node(hash(l), hash(r))
        case let .stem(s, sub): return th.stemNode(s, hash(sub))
        case let .value(v): return th.leaf(v)
        }
    }

    /// Every variant of `n` with exactly one non-empty, non-opaque node replaced by its opaque hash.
    static func collapsed(_ n: WitnessTree) -> [WitnessTree] {
        var out: [WitnessTree] = []
        switch n {
        case .empty, .opaque: return []
        case let .internal(l, r):
            out += collapsed(l).map { .internal($0, r) }
            out += collapsed(r).map { .internal(l, $0) }
        case let .stem(s, sub):
            out += collapsed(sub).map { .stem(s, $0) }
        case .value: break
        }
        out.append(.opaque(hash(n)))
        return out
    }

    func testRemovingAnyNodeMakesTheRunFail() throws {
        var rng = XorShift(0xA11CE)
        var checked = 0
        for _ in 0..<15 {
            let (t, stems) = WitnessPropertyTests.randomTree(&rng, stems: 1 + rng.below(12))
            let run = WitnessPropertyTests.randomRun(&rng, t, stems, ops: 1 + rng.below(8))
            let witness = try run.witness()
            let preRoot = t.root()
            XCTAssertNoThrow(try WitnessPropertyTests.replay(run, witness.bytes, preRoot: preRoot))
            for variant in Self.collapsed(witness.tree) {
                checked += 1
                // Smaller, or (a value replaced by its leaf hash) the same size but with less information.
                XCTAssertLessThanOrEqual(variant.encodedSize, witness.size)
                XCTAssertThrowsError(try WitnessPropertyTests.replay(run, variant.encoded(), preRoot: preRoot)) { e in
                    switch e as? WitnessError {
                    case .incomplete?, .incompleteSibling?, .redundantInternal?: break
                    default: XCTFail("unexpected \(e)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    func testRemovalsThatCompressNeedOnlyTheSiblingShape() throws {
        // Three stems: S1 and S2 share 247 bits, S3 differs at bit 120. Removing S3 makes the S1/S2 internal
        // node move up; removing S2 makes S1 move up next to S3.
        let s1 = rep(0x55, 31), s2 = rep(0x55, 30) + [0x54], s3 = rep(0x55, 15) + [0xD5] + rep(0x55, 15)
        var t = Tree()
        t.insert(key(s1, 1), Bytes32(rep(1, 32))!)
        t.insert(key(s2, 2), Bytes32(rep(2, 32))!)
        t.insert(key(s3, 3), Bytes32(rep(3, 32))!)
        for victim in [key(s2, 2), key(s3, 3), key(s1, 1)] {
            var run = RecordingState(t)
            run.write(key: victim, value: nil)
            let w = try run.witness()
            var state = try WitnessPropertyTests.replay(run, w.bytes)
            XCTAssertEqual(try state.root(), run.current.root())
            for variant in Self.collapsed(w.tree) {
                XCTAssertThrowsError(try WitnessPropertyTests.replay(run, variant.encoded()))
            }
        }
    }

    func testFlippingAnyBitIsDetected() throws {
        var rng = XorShift(0xB17)
        for round in 0..<4 {
            let (t, stems) = WitnessPropertyTests.randomTree(&rng, stems: 3 + rng.below(10))
            let run = WitnessPropertyTests.randomRun(&rng, t, stems, ops: 6)
            let bytes = try run.witness().bytes
            let postRoot = run.current.root()
            let preRoot = t.root()
            let step = bytes.count * 8 > 4000 ? 11 : 1
            for bit in stride(from: round, to: bytes.count * 8, by: step) {
                var tampered = bytes
                tampered[bit >> 3] ^= UInt8(1) << UInt8(bit & 7)
                do {
                    let w = try WitnessPropertyTests.replay(run, tampered, preRoot: preRoot)
                    var w2 = w
                    XCTAssertNotEqual(try w2.root(), postRoot, "bit \(bit) went unnoticed")
                } catch {
                    // Rejected: expected.
                }
            }
        }
    }
}
