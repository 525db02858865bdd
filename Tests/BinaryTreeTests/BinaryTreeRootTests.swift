import XCTest
@testable import BinaryTree

/// Roots of tiny trees against the independent oracle reference/binary_tree_ref.py (EIP-7864 pseudocode, SHA-256).
final class BinaryTreeRootTests: XCTestCase {
    let v1 = Bytes32(rep(0xAA, 32))!, v2 = Bytes32(rep(0xBB, 32))!, v3 = Bytes32.zero
    let s1 = rep(0x55, 31), s2 = rep(0x55, 30) + [0x54], s3 = rep(0x55, 15) + [0xD5] + rep(0x55, 15)

    func testSHA256KnownAnswer() {
        // FIPS 180-4 style check of the hasher itself: SHA-256 of 32 zero bytes.
        XCTAssertEqual(SHA256TreeHasher.hash(.zero).description,
                       "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925")
    }

    func testZeroRule() {
        var th = TreeHash<SHA256TreeHasher>()
        XCTAssertEqual(th.node(.zero, .zero), .zero)
        XCTAssertEqual(th.calls, 0)
        XCTAssertNotEqual(th.node(.zero, Bytes32(0, 0, 0, 1)), .zero)
        XCTAssertEqual(th.calls, 1)
        XCTAssertEqual(th.bytes, 64)
    }

    func testEmptyTree() {
        XCTAssertEqual(Tree().root(), .zero)
    }

    func testOneKey() {
        var t = Tree()
        t.insert(key(rep(0x01, 31), 3), v1)
        XCTAssertEqual(t.root().description, "2542d3d8268852b365736011731c92997c1aff77c6720ec55af2ea80f81a2085")
    }

    func testStemsDifferingInFirstBit() {
        var t = Tree()
        t.insert(key(rep(0x00, 31), 0), v1)
        t.insert(key([0x80] + rep(0x00, 30), 255), v2)
        XCTAssertEqual(t.root().description, "d5560486518f1daa468c573731005c03bf45d2b3bc5976f9d187f38c601670d3")
    }

    func testKeysInSameStemIncludingPresentZeroValue() {
        var t = Tree()
        t.insert(key(rep(0x11, 31), 0), v1)
        t.insert(key(rep(0x11, 31), 255), v2)
        t.insert(key(rep(0x11, 31), 128), v3)
        XCTAssertEqual(t.root().description, "97b925a389529a1defa291108e2bfe03afca3590101cb6f3e51f79611535bc3f")
    }

    func testThreeStemsWithSharedPrefix() {
        var t = Tree()
        t.insert(key(s1, 1), v1)
        t.insert(key(s2, 2), v2)
        t.insert(key(s3, 3), v3)
        XCTAssertEqual(t.root().description, "71a3f727e4ca21b70d2c0958476e76eafac46abe3918b3d887c2d47869359515")
        // Removing S2's only value removes the stem; S1 moves up.
        t.remove(key(s2, 2))
        XCTAssertEqual(t.root().description, "0dc737a1c766538624d37a033eddde755699e563c340655cc4b5017639ffc71c")
        t.remove(key(s3, 3))
        t.insert(key(s2, 2), v2)
        XCTAssertEqual(t.root().description, "a195500b8639dbd67d055c4c3537e3aad9f721ea8cd9880d14b918f07799838c")
    }

    func testRootIsIndependentOfInsertionOrder() {
        var rng = XorShift(7)
        var entries: [(Bytes32, Bytes32)] = []
        for _ in 0..<200 {
            let k = rng.below(4) == 0 && !entries.isEmpty
                ? Bytes32(stem: entries[rng.below(entries.count)].0, subindex: UInt8(rng.below(256)))
                : rng.bytes32()
            entries.append((k, rng.bytes32()))
        }
        var a = Tree(), b = Tree()
        for (k, v) in entries { a.insert(k, v) }
        var seen = Set<Bytes32>()
        for (k, v) in entries.reversed() where !seen.contains(k) { seen.insert(k); b.insert(k, v) }
        // b inserted the last value of each key first; a overwrote in order: same map.
        XCTAssertEqual(a.root(), b.root())
    }

    func testBytes32Helpers() {
        let k = b32("80000000000000000000000000000000000000000000000000000000000000ff")
        XCTAssertEqual(k.bit(0), 1)
        XCTAssertEqual(k.bit(1), 0)
        XCTAssertEqual(k.subindex, 0xFF)
        XCTAssertEqual(k.stem, b32("8000000000000000000000000000000000000000000000000000000000000000"))
        XCTAssertEqual(k.commonPrefixLength(.zero), 0)
        XCTAssertEqual(k.stem.commonPrefixLength(.zero), 0)
        XCTAssertEqual(Bytes32.zero.settingBit(255, to: 1), Bytes32(0, 0, 0, 1))
        XCTAssertEqual(Bytes32(0, 0, 0, 1).commonPrefixLength(.zero), 255)
        XCTAssertEqual(k.prefix(bits: 1), b32("8000000000000000000000000000000000000000000000000000000000000000"))
        XCTAssertEqual(Bytes32(~0, ~0, ~0, ~0).prefix(bits: 130), Bytes32(~0, ~0, 0xC000_0000_0000_0000, 0))
        XCTAssertEqual(k.bytes, hexBytes("80000000000000000000000000000000000000000000000000000000000000ff"))
        XCTAssertNil(Bytes32([1, 2, 3]))
    }
}
