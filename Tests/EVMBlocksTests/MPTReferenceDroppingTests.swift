import EVMPrimitives
import StatelessEVM
import XCTest
@testable import EVMBlocks

/// The dropped-references layout (docs/STATE.md §9.2) against a decoder written here from the layout's
/// definition: every dropped reference is the Keccak-256 of the item it names, and restoring them gives back
/// exactly the witness's nodes and codes.
final class MPTReferenceDroppingTests: XCTestCase {
    /// Restores a node: 1–3-byte strings in reference positions become the hash of the item they index.
    static func restore(_ node: [UInt8], _ hashes: [[UInt8]], restored: inout Int) throws -> [UInt8] {
        guard case .list(var items) = try RLP.decode(node) else { return node }
        func fix(_ item: RLPItem) -> RLPItem {
            guard case .bytes(let b) = item, (1...3).contains(b.count) else { return item }
            restored += 1
            return .bytes(hashes[b.reduce(0) { $0 << 8 | Int($1) }])
        }
        if items.count == 17 {
            for i in 0..<16 { items[i] = fix(items[i]) }
        } else if case .bytes(let path) = items[0], let flag = path.first.map({ $0 >> 4 }), flag < 2 {
            items[1] = fix(items[1])
        } else if case .bytes(let v) = items[1], case .list(var account)? = try? RLP.decode(v), account.count == 4 {
            account[2] = fix(account[2])
            account[3] = fix(account[3])
            items[1] = .bytes(MPTReferenceDropping.rlp(.list(account)))
        }
        return MPTReferenceDropping.rlp(.list(items))
    }

    func testRestoringTheReferencesGivesBackTheWitness() throws {
        for g in [ExecuteBlockTests.block, WitnessReportTests.block] {
            let w = try g.mptProof().witness
            let (bytes, dropped) = MPTReferenceDropping.encode(w)
            let layout = try ExecutionWitness.decode(bytes)
            XCTAssertEqual(layout.codes, w.codes)
            var hashes = layout.codes.map { Keccak256.hash($0) }
            var nodes: [[UInt8]] = [], restored = 0
            for n in layout.nodes {
                let node = try Self.restore(n, hashes, restored: &restored)
                hashes.append(Keccak256.hash(node))
                nodes.append(node)
            }
            XCTAssertEqual(Set(nodes), Set(w.nodes))
            XCTAssertEqual(nodes.count, w.nodes.count)
            XCTAssertEqual(restored, dropped)
            // Every reference to a node or code of the witness is dropped, each saving 32 bytes less its index.
            XCTAssertEqual(32 * dropped, MPTWitnessSavings.recomputableHashBytes(nodes: w.nodes, codes: w.codes))
            XCTAssertLessThan(bytes.count, w.encode().count - 29 * dropped)
        }
    }

    func testHandVectorLeafUnderABranch() {
        // Leaf L = rlp([0x20, "v"]) = c2 20 76; branch B = rlp([keccak(L), "" ×16]) = f1 a0 keccak(L) 80×16,
        // listed before it.
        let leaf: [UInt8] = [0xc2, 0x20, 0x76]
        var branch: [UInt8] = [0xf1, 0xa0] + Keccak256.hash(leaf)
        branch += [UInt8](repeating: 0x80, count: 16)
        let (bytes, dropped) = MPTReferenceDropping.encode(ExecutionWitness(nodes: [branch, leaf], codes: []))
        XCTAssertEqual(dropped, 1)
        // rlp([[L, B'], []]) with L first and B' = rlp([0x00, "" ×16]) = d1 00 80×16 (index 0 = L).
        let expected: [UInt8] = [0xd9, 0xd7, 0x83, 0xc2, 0x20, 0x76, 0x92, 0xd1, 0x00]
            + [UInt8](repeating: 0x80, count: 16) + [0xc0]
        XCTAssertEqual(bytes, expected)
    }
}
