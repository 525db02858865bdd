import XCTest
@testable import EVMPrimitives

/// Keccak-256 vectors. Expected digests were computed independently with pycryptodome
/// (`Crypto.Hash.keccak.new(digest_bits=256)`); the empty-string and "abc" digests are also the
/// well-known published values.
final class KeccakTests: XCTestCase {
    private func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }

    /// Byte `i` of the test pattern is `i % 251`.
    private func pattern(_ n: Int) -> [UInt8] { (0..<n).map { UInt8($0 % 251) } }

    func testEmpty() {
        XCTAssertEqual(hex(Keccak256.hash([])), "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
    }

    func testABC() {
        XCTAssertEqual(hex(Keccak256.hash(Array("abc".utf8))), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
    }

    /// The word form, and the default `KeccakHasher.keccak256Word` through `keccak256(_:)`, on the published
    /// digests above: the word's big-endian bytes are the digest.
    func testWordForm() {
        struct ArrayOnly: KeccakHasher {
            func keccak256(_ data: [UInt8]) -> [UInt8] { Keccak256.hash(data) }
        }
        for (msg, digest) in [("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
                              ("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")] {
            let bytes = Array(msg.utf8)
            bytes.withUnsafeBytes { buf in
                XCTAssertEqual(hex(Keccak256.hashWord(buf).bigEndianBytes), digest, msg)
                XCTAssertEqual(hex(SwiftKeccak().keccak256Word(buf).bigEndianBytes), digest, msg)
                XCTAssertEqual(hex(ArrayOnly().keccak256Word(buf).bigEndianBytes), digest, msg)
            }
        }
    }

    /// `hashWord` pads inputs shorter than the rate as one block (whole lanes, then the tail with 0x01, 0x80 at
    /// byte 135) and hashes longer ones through `Hasher`: lengths on each side of the lane and rate boundaries
    /// (digests from pycryptodome, 135–137 as in `testRateBoundary`).
    func testWordFormAtLaneAndRateBoundaries() {
        let expected: [(Int, String)] = [
            (8, "59e7c99f6be4fd053d7c99f54e371304a33213473dc41f1825b7f3ceb33841a6"),
            (64, "002030bde3d4cf89919649775cd71875c4d0ab1708a380e03fefc3a28aa24831"),
            (135, "cbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62"),
            (136, "7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e"),
            (137, "ac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db"),
        ]
        for (n, digest) in expected {
            pattern(n).withUnsafeBytes { XCTAssertEqual(hex(Keccak256.hashWord($0).bigEndianBytes), digest, "length \(n)") }
        }
        let fox = Array("The quick brown fox jumps over the lazy dog".utf8)
        fox.withUnsafeBytes {
            XCTAssertEqual(hex(Keccak256.hashWord($0).bigEndianBytes), "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")
        }
    }

    func testQuickBrownFox() {
        let msg = Array("The quick brown fox jumps over the lazy dog".utf8)
        XCTAssertEqual(hex(Keccak256.hash(msg)), "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")
    }

    func testRateBoundary() {
        let expected: [(Int, String)] = [
            (135, "cbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62"),
            (136, "7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e"),
            (137, "ac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db"),
            (272, "8e2476e65823b24d96ebe239f2c1534cdf763e689e2410c3b1cb0c74e6177bfc"),
        ]
        for (n, digest) in expected {
            XCTAssertEqual(hex(Keccak256.hash(pattern(n))), digest, "length \(n)")
        }
    }

    /// Byte `i` is `(7·i + 3) mod 256`.
    func testOneMebibyte() {
        let data = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        XCTAssertEqual(hex(Keccak256.hash(data)), "f2e34ac5feedafab149d3a2b3ed837fc240cc93748a48dd1cf739c1435b8af77")
        let viaBuffer = data.withUnsafeBytes { Keccak256.hash($0) }
        XCTAssertEqual(hex(viaBuffer), "f2e34ac5feedafab149d3a2b3ed837fc240cc93748a48dd1cf739c1435b8af77")
    }

    /// Every way of splitting the 272-byte message into two updates gives the one-shot digest.
    func testIncrementalSplits() {
        let data = pattern(272)
        for split in 0...data.count {
            var h = Keccak256.Hasher()
            h.update(Array(data[..<split]))
            h.update(Array(data[split...]))
            XCTAssertEqual(hex(h.finalize()), "8e2476e65823b24d96ebe239f2c1534cdf763e689e2410c3b1cb0c74e6177bfc", "split \(split)")
        }
    }

    func testByteAtATime() {
        var h = Keccak256.Hasher()
        for b in pattern(137) { h.update([b]) }
        XCTAssertEqual(hex(h.finalize()), "ac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db")
    }

    /// Keccak-f[1600] on the all-zero state. Lanes as in the Keccak team's
    /// KeccakF-1600-IntermediateValues.txt, re-checked with an independent loop-based Python model.
    func testPermutationOfZeroState() {
        var s = KeccakState()
        Keccak256.keccakF1600(&s)
        XCTAssertEqual(s[0], 0xF125_8F79_40E1_DDE7)
        XCTAssertEqual(s[1], 0x84D5_CCF9_33C0_478A)
        XCTAssertEqual(s[24], 0xEAF1_FF7B_5CEC_A249)
    }

    func testSwiftKeccakConformance() {
        XCTAssertEqual(hex(SwiftKeccak().keccak256(Array("abc".utf8))), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
    }
}
