import NativeCrypto
import XCTest

final class ModExpTests: XCTestCase {
    let crypto = NativeCryptoProvider()

    /// xorshift64 (13, 7, 17) byte stream, low byte of each state; the same generator produced the
    /// Python `pow()` oracle values below.
    private func stream(seed: UInt64, count: Int) -> [UInt8] {
        var x = seed
        var out = [UInt8]()
        for _ in 0..<count {
            x ^= x << 13
            x ^= x >> 7
            x ^= x << 17
            out.append(UInt8(truncatingIfNeeded: x))
        }
        return out
    }

    private func word(_ v: UInt8) -> [UInt8] { [UInt8](repeating: 0, count: 31) + [v] }

    func testFermatOnSecp256k1Prime() {
        // EIP-198 example 1: 3 ^ (p − 1) mod p = 1 for p = 2^256 − 2^32 − 977.
        let p = hex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f")
        let pMinus1 = hex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e")
        XCTAssertEqual(crypto.modexp(base: [3], exponent: pMinus1, modulus: p), word(1))
        // EIP-198 example 2: base of length 0 (= 0) gives 0.
        XCTAssertEqual(crypto.modexp(base: [], exponent: pMinus1, modulus: p), [UInt8](repeating: 0, count: 32))
    }

    func testEdgeCases() {
        // Modulus zero (any length) gives zeros of the modulus length.
        XCTAssertEqual(crypto.modexp(base: [2], exponent: [3], modulus: [0, 0, 0]), [0, 0, 0])
        XCTAssertEqual(crypto.modexp(base: [2], exponent: [3], modulus: []), [])
        // Modulus one gives zeros, even for exponent 0.
        XCTAssertEqual(crypto.modexp(base: [2], exponent: [3], modulus: [0, 1]), [0, 0])
        XCTAssertEqual(crypto.modexp(base: [2], exponent: [], modulus: [0, 1]), [0, 0])
        // Exponent zero gives 1 mod m, and 0^0 = 1.
        XCTAssertEqual(crypto.modexp(base: [7], exponent: [0, 0], modulus: [0, 0, 5]), [0, 0, 1])
        XCTAssertEqual(crypto.modexp(base: [], exponent: [], modulus: [9]), [1])
        // Base larger than the modulus, result left-padded: 300^2 mod 7 = 90000 mod 7 = 1.
        XCTAssertEqual(crypto.modexp(base: [1, 44], exponent: [2], modulus: [0, 0, 0, 7]), [0, 0, 0, 1])
        // Leading zero bytes everywhere: 2^10 mod 1000 = 24.
        XCTAssertEqual(crypto.modexp(base: [0, 0, 2], exponent: [0, 10], modulus: [0, 3, 232]), [0, 0, 24])
    }

    func testHugeExponentAgainstSmallModulus() {
        // 2^(2^2048 − 1) mod 2^61 − 1 (a Mersenne prime): exponent of 256 0xff bytes. Since 2^61 ≡ 1,
        // the result is 2^((2^2048 − 1) mod 61); 2^2048 mod 61: ord(2) = 60, 2048 mod 60 = 8, so
        // 2^2048 ≡ 256 ≡ 12 (mod 61), exponent ≡ 11, result 2^11 = 2048.
        let m = hex("1fffffffffffffff")
        XCTAssertEqual(crypto.modexp(base: [2], exponent: [UInt8](repeating: 0xFF, count: 256), modulus: m),
            hex("0000000000000800"))
    }

    func testGethNagydaniVectors() {
        // go-ethereum core/vm/testdata/precompiles/modexp_eip2565.json (LGPL-3.0, credited):
        // nagydani-1-square / -qube / -pow0x10001 (64-byte base and modulus).
        let base = hex("e09ad9675465c53a109fac66a445c91b292d2bb2c5268addb30cd82f80fcb0033ff97c80a5fc6f39193ae969c6ede6710a6b7ac27078a06d90ef1c72e5c85fb5")
        let modulus = hex("fc9e1f6beb81516545975218075ec2af118cd8798df6e08a147c60fd6095ac2bb02c2908cf4dd7c81f11c289e4bce98f3553768f392a80ce22bf5c4f4a248c6b")
        XCTAssertEqual(hexString(crypto.modexp(base: base, exponent: [2], modulus: modulus)),
            "60008f1614cc01dcfb6bfb09c625cf90b47d4468db81b5f8b7a39d42f332eab9b2da8f2d95311648a8f243f4bb13cfb3d8f7f2a3c014122ebb3ed41b02783adc")
        XCTAssertEqual(hexString(crypto.modexp(base: base, exponent: [3], modulus: modulus)),
            "4834a46ba565db27903b1c720c9d593e84e4cbd6ad2e64b31885d944f68cd801f92225a8961c952ddf2797fa4701b330c85c4b363798100b921a1a22a46a7fec")
        XCTAssertEqual(hexString(crypto.modexp(base: base, exponent: [1, 0, 1], modulus: modulus)),
            "c36d804180c35d4426b57b50c5bfcca5c01856d104564cd513b461d3c8b8409128a5573e416d0ebe38f5f736766d9dc27143e4da981dfa4d67f7dc474cbee6d2")
    }

    func test1024ByteOperandsAgainstPython() {
        // Python 3.11: pow(int(base), int(exponent), int(modulus)) with base/exponent/modulus the
        // 1024-byte streams of seeds 1/2/3 (odd modulus).
        let expected = "216eedbf965d9cc4b428b85f9f0292b7aab30d118525d7526d4aa8ccedcfecd2e80b2a07718641bfcd51dfc06f6b60b4"
            + "7aacfba1a1af122b6f44a3ad57d0f5cbf27abf4d32c84823436a1db04c23a274a3f8e61b531a79127839a7328c6b0f62"
            + "359076efceadffb7af380ad8467553d17cf94caac7fe83b1b10b97160e01bfd33b61855394afbadf6037387bfa07ac79"
            + "3c3b769ffe494652b47ed41d56e2cc787bf671a91620226545dbf263cf8e8fd8bb990509463a855e0b52d64899b267e0"
            + "95d1b1e78c14098b2b8e41152087c7215e9773f56157140a55a9301ca524c9522642192d96404e33d7b5be5f268faf44"
            + "71a2e8760ef0ce3001a46bd2df7e6e2a11da5f7276dc5f462e92078495462429136317b288d1066c5be80cfc33d422ce"
            + "9d225af7974be0d4ceebbe99f7f0011d00fa6c0ae3a456406987019dbcf743cc8478ac8dea2ffc609e010493e22a4ef4"
            + "748e0de19f863bd64b3a8bf06328b6faea4fffe66d38ef00b03984b2d3c7ac30f3f2bdc0443f09d6219562a5cbedeff9"
            + "92569e477cf2b344b1896790dce33ca9fee0799bf9477522bc336d610e5de5408e20f2fe80abb4942231fd4624b8d87c"
            + "b5e42772058db009e16c8e313e2d9448d13118a18a604f335c0a9546e5910dbccd3b599525e161e09011bd6579ed0b5e"
            + "cad6044f1cf80c851931dcd56434a3291ed990dc8c9eae218530540b352707c1258aa028308a5c0c3f912ea8af229a73"
            + "59e442c4e835da65f193ce58de13e550f5dae63062beb72442dfe9d8c018d1601ac80b267e8349cabd4f788e783956db"
            + "8ee94061aa87348f87e56419f706366c5a32fc50f0e4d700e617fe4282878b04e3525ed0567bf725869063e7e6e8014c"
            + "c5d1c76d4f93484cf66fbe03eda63224889ec0f6caf92eed76cebf0626f7b5044252ad6b18c8e34cfb7f50bdb6d1f4b6"
            + "da2ab955d37103f41466376767999d80cc609ab3668777c4362dd881108149864830e159356d13ae31d293d1715a6761"
            + "6d61b43291208e7c58b496a716a145cce5274b5f8f1cdd3fd3fc869c50360695c57a62acc7ec93c87e36101148637c17"
            + "ccd464d6b04e7a53d0bac36c0a27dd4e86e624fe1288e6ecf4789f732bc13337608d9f5146e9f89775295d34c7559e7f"
            + "6711efd3bea6af09d7c7e280b1699dd48bbece3e92328e21019fe54279771944ad11f44bdaa0e47b2cbfdae48b1ed58e"
            + "d396c6b420c85550c5c3fe46a2577339cb95221afdf8ff884d71e691361d12322dc30ecae4e9078c2d31beb796a130c0"
            + "da71fe7bc2e27c45a189b609b9439c73a486ef3d9e75b0243f7efe76e8a8b62a245b7ec055b2dc5565b8eef2eb1dce2f"
            + "fc84227f2cc9a5bdf38f995957f6276a6ef5b4667f742850b666f9a7c9af0422b0cd61f39d0a5091d6ed42c3700efe80"
            + "0ed055dfca62865adac9431241f6420e"
        let result = crypto.modexp(
            base: stream(seed: 1, count: 1024), exponent: stream(seed: 2, count: 1024),
            modulus: stream(seed: 3, count: 1024))
        XCTAssertEqual(hexString(result), expected)
    }

    func testEvenModulusAgainstPython() {
        // Base: 100 bytes of seed 4; exponent: 40 bytes of seed 5; modulus: 128 bytes of seed 6 with
        // the lowest bit cleared (even, so not the Montgomery path).
        var modulus = stream(seed: 6, count: 128)
        modulus[127] &= 0xFE
        let expected = "2c4415ff343c3e04b15387481e3122a758aeb6505cc8b4f3fed3b704f68bf0fd56f869da337bfd175f5cd2b527498e2f"
            + "4689944f9e598c86791bff80ac734d441387ff900ae20f402b918cbcde974667b92dbe1acd3432fdd4337f5bb97acadf"
            + "ab0bcb7df37a0e1f060e96d341282a6cd7a671235c66d9898cdee0f286cb735c"
        let result = crypto.modexp(
            base: stream(seed: 4, count: 100), exponent: stream(seed: 5, count: 40), modulus: modulus)
        XCTAssertEqual(hexString(result), expected)
    }
}
