import XCTest
import EVMPrimitives

/// The table hashing of `UInt256` and `Address` (`WordHash`): equal values hash equally, the seed changes the
/// hash, and structured keys (counters, single bits, mapping-like keys) do not collide in 64 bits.
final class WordHashingTests: XCTestCase {
    func testEqualValuesHashEquallyAndSeedMatters() {
        let a = UInt256(w0: 1, w1: 2, w2: 3, w3: 4), b = UInt256(w0: 1, w1: 2, w2: 3, w3: 4)
        XCTAssertEqual(a._rawHashValue(seed: 7), b._rawHashValue(seed: 7))
        XCTAssertNotEqual(a._rawHashValue(seed: 7), a._rawHashValue(seed: 8))
        let x = Address(low: 0xc0de), y = Address(hi: 0, mid: 0, lo: 0xc0de)
        XCTAssertEqual(x._rawHashValue(seed: 1), y._rawHashValue(seed: 1))
        XCTAssertNotEqual(x._rawHashValue(seed: 1), x._rawHashValue(seed: 2))
    }

    func testStructuredKeysDoNotCollide() {
        var words: [UInt256] = []
        for i in 0..<20_000 { words.append(UInt256(UInt64(i))) }                      // slot counters
        for bit in 0..<256 { words.append(UInt256.one << bit) }                         // single bits
        for i in 0..<4_000 { words.append(UInt256(w0: 0, w1: 0, w2: 0, w3: UInt64(i) << 32)) }  // high limb only
        var seen = Set<Int>()
        for w in words { seen.insert(w._rawHashValue(seed: 0)) }
        XCTAssertEqual(seen.count, Set(words).count)  // the families overlap (1, 2, 4, … are counters and bits)
        var addrs = Set<Int>()
        for i in 0..<20_000 { addrs.insert(Address(hi: UInt32(i & 7), mid: UInt64(i >> 3), lo: UInt64(i))._rawHashValue(seed: 0)) }
        XCTAssertEqual(addrs.count, 20_000)
    }

    func testDictionaryUsesTheValues() {
        var d: [UInt256: Int] = [:]
        for i in 0..<5_000 { d[UInt256(UInt64(i)) << 128] = i }
        for i in 0..<5_000 { XCTAssertEqual(d[UInt256(UInt64(i)) << 128], i) }
        XCTAssertNil(d[UInt256(5_000) << 128])
    }
}
