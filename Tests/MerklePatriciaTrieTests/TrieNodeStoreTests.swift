import XCTest
import EVMPrimitives
@testable import MerklePatriciaTrie

final class TrieNodeStoreTests: XCTestCase {
    func testLookupAddAndDuplicates() {
        let nodes: [[UInt8]] = (0..<50).map { [UInt8](repeating: UInt8($0), count: 40 + $0) }
        var store = TrieNodeStore(nodes: nodes + nodes.prefix(10), hasher: T.keccak)
        XCTAssertEqual(store.count, 50)
        for n in nodes { XCTAssertEqual(store.node(forHash: T.keccak.keccak256(n)), n) }
        XCTAssertNil(store.node(forHash: [UInt8](repeating: 0, count: 32)))
        XCTAssertNil(store.node(forHash: []))
        let extra: [UInt8] = [0xc0]
        XCTAssertNil(store.node(forHash: T.keccak.keccak256(extra)))
        store.add(extra, hasher: T.keccak)
        store.add(extra, hasher: T.keccak)
        XCTAssertEqual(store.count, 51)
        XCTAssertEqual(store.node(forHash: T.keccak.keccak256(extra)), extra)
        for n in nodes { XCTAssertEqual(store.node(forHash: T.keccak.keccak256(n)), n) }
    }
}
