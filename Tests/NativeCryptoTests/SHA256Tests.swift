import NativeCrypto
import XCTest

/// FIPS 180-4 examples (NIST CSRC "Examples with intermediate values") and the empty string.
final class SHA256Tests: XCTestCase {
    let crypto = NativeCryptoProvider()

    func testVectors() {
        XCTAssertEqual(hexString(crypto.sha256([])),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(hexString(crypto.sha256(Array("abc".utf8))),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(hexString(crypto.sha256(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testKeccakIsWired() {
        // Keccak-256 of the empty string (Ethereum's well-known empty-code hash).
        XCTAssertEqual(hexString(crypto.keccak256([])),
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
    }
}
