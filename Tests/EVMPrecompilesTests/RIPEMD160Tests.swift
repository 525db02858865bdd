import XCTest
@testable import EVMPrecompiles

/// Test vectors from the RIPEMD-160 home page (Bosselaers, "The hash function RIPEMD-160", KU Leuven).
final class RIPEMD160Tests: XCTestCase {
    private func digest(_ s: String) -> String { hexString(RIPEMD160.hash(Array(s.utf8))) }

    func testOfficialVectors() {
        XCTAssertEqual(digest(""), "9c1185a5c5e9fc54612808977ee8f548b2258d31")
        XCTAssertEqual(digest("a"), "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe")
        XCTAssertEqual(digest("abc"), "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc")
        XCTAssertEqual(digest("message digest"), "5d0689ef49d2fae572b881b123a85ffa21595f36")
        XCTAssertEqual(digest("abcdefghijklmnopqrstuvwxyz"), "f71c27109c692c1b56bbdceb5b9d2865b3708dbc")
        XCTAssertEqual(
            digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "12a053384a9c0c88e405a06c27dcf49ada62eb2b")
        XCTAssertEqual(
            digest("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
            "b0e20b6e3116640286ed3a87a5713079b21f5189")
        XCTAssertEqual(
            digest(String(repeating: "1234567890", count: 8)), "9b752e45573d4b39f4dbd3323cab82bf63326bfb")
    }

    func testMillionA() {
        let data = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        XCTAssertEqual(hexString(RIPEMD160.hash(data)), "52783243c1697bdbe16d37f97f68f08325dc1528")
    }

    func testBlockBoundaryLengths() {
        // Lengths around the 56-byte padding boundary; message byte i is i mod 251.
        // Expected digests from Python's hashlib (OpenSSL) RIPEMD-160.
        let expected: [(Int, String)] = [
            (55, "3c86963b3ff646a65ae42996e9664c747cc7e5e6"),
            (56, "ebdd79cfd4fd9949ef8089673d2620427f487cfb"),
            (63, "6d31d3d634b4a7aa15914c239576eb1956f2d9a4"),
            (64, "2581f5e9f957b44b0fa24d31996de47409dd1e0f"),
            (65, "109949b95341eeea7365e8ac4d0d3883d98f709a"),
            (119, "ad430b4283203a7b7f338b9d252dfdbf807402bf"),
            (120, "b89cdc109009f1982c8b34fca446953584d3f6c4"),
            (128, "7c4d36070c1e1176b2960a1b0dd2319d547cf8eb"),
        ]
        for (n, digest) in expected {
            let message = (0..<n).map { UInt8($0 % 251) }
            XCTAssertEqual(hexString(RIPEMD160.hash(message)), digest, "length \(n)")
        }
    }
}
