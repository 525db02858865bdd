import BinaryTree
import Execute
import InputContainer
import XCTest

/// Minimality of the prover's witness node by node (docs/STATE.md §6): replacing any expanded node by an opaque
/// node with the same hash (the root still verifies) makes the call fail, normally with "witness incomplete".
final class WitnessNodeDropTests: XCTestCase {
    static func hash(_ t: WitnessTree, _ th: inout TreeHash<SHA256TreeHasher>) -> Bytes32 {
        switch t {
        case .empty: return .zero
        case .opaque(let h): return h
        case .value(let v): return th.leaf(v)
        case let .internal(l, r): return th.node(hash(l, &th), hash(r, &th))
        case let .stem(s, sub): return th.stemNode(s, hash(sub, &th))
        }
    }

    /// Every tree obtained by making one expanded node (internal, stem or value) opaque.
    static func drops(_ t: WitnessTree) -> [WitnessTree] {
        var th = TreeHash<SHA256TreeHasher>()
        switch t {
        case .empty, .opaque: return []
        case .value: return [.opaque(hash(t, &th))]
        case let .internal(l, r):
            return [.opaque(hash(t, &th))] + drops(l).map { .internal($0, r) } + drops(r).map { .internal(l, $0) }
        case let .stem(s, sub):
            return [.opaque(hash(t, &th))] + drops(sub).map { .stem(s, $0) }
        }
    }

    func testDroppingAnyNodeFails() throws {
        let key1 = RuntimeStateTests.key(5), key2 = RuntimeStateTests.key(500), value = RuntimeStateTests.key(501)
        let batch = key2.bytes + value.bytes + key1.bytes
        let pre = SHA256BinaryTree(RuntimeStateTests.preEntries)
        let elf = RuntimeStateTests.stf().elf()
        let proof = try Prover.prove(ProverInput(program: .elf(elf), sections: [(.batch, batch)], preState: pre))
        var rec = RecordingState(pre)
        _ = rec.read(key: key1)
        rec.write(key: key2, value: value)
        rec.write(key: key1, value: key2)
        let witness = try rec.witness()
        XCTAssertEqual(witness.bytes, Array(try InputContainer(decoding: proof.container).witness))
        var th = TreeHash<SHA256TreeHasher>()
        XCTAssertEqual(Self.hash(witness.tree, &th), pre.root())

        let variants = Self.drops(witness.tree)
        XCTAssertGreaterThan(variants.count, 10)
        var incomplete = 0
        for v in variants {
            let c = container(batch: batch, pre: pre.root().bytes, extra: [(.witness, v.encoded())])
            let r = execute(ExecuteRequest(program: .elf(elf), container: c, claimedPostRoot: proof.postRoot))
            XCTAssertFalse(r.verdict)
            let name = r.reason?.name ?? "true"
            XCTAssertTrue(name == "witnessIncomplete" || name == "witnessInvalid", name)
            if name == "witnessIncomplete" { incomplete += 1 }
        }
        // Every drop keeps the root (so the witness still verifies) and loses coverage.
        XCTAssertEqual(incomplete, variants.count)
    }
}
