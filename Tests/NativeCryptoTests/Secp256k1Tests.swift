import Dispatch
import EVMPrimitives
import NativeCrypto
import XCTest

final class Secp256k1Tests: XCTestCase {
    let crypto = NativeCryptoProvider()

    // go-ethereum core/vm/testdata/precompiles/ecRecover.json, "ValidKey" (LGPL-3.0, credited): the
    // well-known test account a94f…bf0b. Its s is high (0xee…), which ECRECOVER must accept.
    let validHash = hex("18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c")
    let validR = hex("73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f")
    let validS = hex("eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549")
    let validAddress = "a94f5374fce5edbc8e2a8697c15331677e6ebf0b"
    let validSecret = hex("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8")

    func testEcrecoverKnownSignature() throws {
        let key = try XCTUnwrap(crypto.ecrecover(hash: validHash, recid: 1, r: validR, s: validS))  // v = 28
        XCTAssertEqual(key.count, 64)
        XCTAssertEqual(hexString(crypto.address(ofPublicKey: key)), validAddress)
        XCTAssertEqual(crypto.secp256k1PublicKey(fromSecretKey: validSecret), key)
        XCTAssertFalse(Secp256k1.isLowS(validS))
    }

    func testEcrecoverWrongRecidGivesAnotherKey() throws {
        // recid 0 selects R with even y: Q = r⁻¹(sR − eG), computed independently with python-ecdsa's
        // curve arithmetic and pycryptodome's Keccak-256.
        let other = try XCTUnwrap(crypto.ecrecover(hash: validHash, recid: 0, r: validR, s: validS))
        XCTAssertEqual(hexString(other),
            "81f6a0541e9df6c76a333add01769d3ac2c6ab76590febe65b2d0132ccdffe27"
                + "18874084095863b5bf730946898aeaabf5f7a838effa06f5de168748e7cce38c")
        XCTAssertEqual(hexString(crypto.address(ofPublicKey: other)), "d1554bb6114b61b5427d841a799776d3c065aa19")
    }

    func testEcrecoverInvalidSignatures() {
        let zero = [UInt8](repeating: 0, count: 32)
        let n = Secp256k1.order
        var nPlus1 = n
        nPlus1[31] += 1
        XCTAssertNil(crypto.ecrecover(hash: validHash, recid: 1, r: zero, s: validS), "r = 0")
        XCTAssertNil(crypto.ecrecover(hash: validHash, recid: 1, r: validR, s: zero), "s = 0")
        XCTAssertNil(crypto.ecrecover(hash: validHash, recid: 1, r: n, s: validS), "r = n")
        XCTAssertNil(crypto.ecrecover(hash: validHash, recid: 1, r: nPlus1, s: validS), "r > n")
        XCTAssertNil(crypto.ecrecover(hash: validHash, recid: 1, r: validR, s: n), "s = n")
        XCTAssertNil(crypto.ecrecover(hash: validHash, recid: 4, r: validR, s: validS), "recid 4")
        XCTAssertNil(crypto.ecrecover(hash: validHash, recid: 255, r: validR, s: validS), "recid 255")
        // x = 5: 5³ + 7 is not a square mod p, so no curve point has x = r.
        let five = [UInt8](repeating: 0, count: 31) + [5]
        XCTAssertNil(crypto.ecrecover(hash: validHash, recid: 0, r: five, s: validS), "r not an x-coordinate")
        XCTAssertNil(crypto.ecrecover(hash: validHash, recid: 1, r: five, s: validS), "r not an x-coordinate")
        // Wrong lengths never crash.
        XCTAssertNil(crypto.ecrecover(hash: [], recid: 0, r: validR, s: validS))
        XCTAssertNil(crypto.ecrecover(hash: validHash, recid: 0, r: [1], s: validS))
        // go-ethereum ecRecover.json "CallEcrecoverUnrecoverableKey".
        let unrecoverable = hex(
            "a8b53bdf3306a35a7103ab5504a0c9b492295564b6202b1942a84ef300107281"
                + "000000000000000000000000000000000000000000000000000000000000001b"
                + "3078356531653033663533636531386237373263636230303933666637316633"
                + "6635336635633735623734646362333161383561613862383839326234653862"
                + "1122334455667788991011121314151617181920212223242526272829303132")
        XCTAssertNil(crypto.ecrecover(
            hash: Array(unrecoverable[0..<32]), recid: 0,
            r: Array(unrecoverable[64..<96]), s: Array(unrecoverable[96..<128])))
    }

    func testPublicKeyOfOneIsGenerator() {
        let one = [UInt8](repeating: 0, count: 31) + [1]
        XCTAssertEqual(crypto.secp256k1PublicKey(fromSecretKey: one).map(hexString),
            "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8")
        XCTAssertEqual(
            crypto.secp256k1PublicKey(fromSecretKey: one).map { hexString(crypto.address(ofPublicKey: $0)) },
            "7e5f4552091a69125d5dfcb7b8c2659029395bdf")
        XCTAssertNil(crypto.secp256k1PublicKey(fromSecretKey: [UInt8](repeating: 0, count: 32)))
        XCTAssertNil(crypto.secp256k1PublicKey(fromSecretKey: Secp256k1.order))
        XCTAssertNil(crypto.secp256k1PublicKey(fromSecretKey: one + [0]))
    }

    /// RFC 6979 signatures computed independently with python-ecdsa 0.19.2
    /// (`sign_digest_deterministic(sha256(msg), hashfunc=sha256)`, then s normalised to low s).
    func testDeterministicSignaturesMatchIndependentImplementation() throws {
        let vectors: [(secret: String, hash: String, r: String, s: String, recid: UInt8, publicKey: String)] = [
            ("0000000000000000000000000000000000000000000000000000000000000001",
             "fd9c20a30c2bd4fadcd4c772e57734104d66b65b6730f33eb88e55d88567d264",  // sha256("rvx")
             "3e8b7478aada75bafac522ba80cef115271bc598d536a273a9b689b0bbcfa9dd",
             "5d490e3599132c2ae81f9a949705101e260941778e32b6099b328cd0b28dcc10", 1,
             "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8"),
            ("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8",
             "459e850aa64e27a048feb77a7d1f99d227d0c0a264bc49ba158d38241dc2757a",  // sha256("native rollups")
             "a80e22d0e51de4f364c3ae128ade0c984f74720a956af5ecbc40e34325163840",
             "1dc1e9d1e53e90a78760e42e73f916326137d6338c2209ff85659ea70cf7a3b1", 1,
             "3a514176466fa815ed481ffad09110a2d344f6c9b78c1d14afc351c3a51be33d"
                + "8072e77939dc03ba44790779b7a1025baf3003f6732430e20cd9b76d953391b3"),
            ("c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4",
             "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",  // sha256("")
             "8c5b4cb7bb7e812f6d98d095be198b24cca9859b53a8c1c5dc0925ddafbbf487",
             "1141fcea6c883afea710c0e4775c3b3d2cd9e42843ef62a13b260810e3154203", 0,
             "0947751e3022ecf3016be03ec77ab0ce3c2662b4843898cb068d74f698ccc8ad"
                + "75aa17564ae80a20bb044ee7a6d903e8e8df624b089c95d66a0570f051e5a05b"),
        ]
        for v in vectors {
            let sig = try XCTUnwrap(crypto.secp256k1Sign(hash: hex(v.hash), secretKey: hex(v.secret)))
            XCTAssertEqual(hexString(sig.r), v.r)
            XCTAssertEqual(hexString(sig.s), v.s)
            XCTAssertEqual(sig.recid, v.recid)
            XCTAssertTrue(Secp256k1.isLowS(sig.s))
            // Round trip: recover and verify.
            XCTAssertEqual(crypto.ecrecover(hash: hex(v.hash), recid: sig.recid, r: sig.r, s: sig.s).map(hexString),
                v.publicKey)
            XCTAssertTrue(crypto.secp256k1Verify(hash: hex(v.hash), signature64: sig.r + sig.s,
                publicKey: hex(v.publicKey)))
        }
    }

    func testVerify() throws {
        let key = try XCTUnwrap(crypto.secp256k1PublicKey(fromSecretKey: validSecret))
        // High s is accepted by verify (normalised), as by ECRECOVER.
        XCTAssertTrue(crypto.secp256k1Verify(hash: validHash, signature64: validR + validS, publicKey: key))
        XCTAssertTrue(crypto.secp256k1Verify(hash: validHash, signature64: validR + validS, publicKey: [4] + key))
        var flipped = validHash
        flipped[0] ^= 1
        XCTAssertFalse(crypto.secp256k1Verify(hash: flipped, signature64: validR + validS, publicKey: key))
        var badKey = key
        badKey[63] ^= 1  // no longer on the curve
        XCTAssertFalse(crypto.secp256k1Verify(hash: validHash, signature64: validR + validS, publicKey: badKey))
        XCTAssertFalse(crypto.secp256k1Verify(hash: validHash, signature64: validR, publicKey: key))
        XCTAssertFalse(crypto.secp256k1Verify(
            hash: validHash, signature64: [UInt8](repeating: 0, count: 64), publicKey: key))
    }

    func testScalarRangeHelpers() {
        let zero = [UInt8](repeating: 0, count: 32)
        var nMinus1 = Secp256k1.order
        nMinus1[31] -= 1
        XCTAssertFalse(Secp256k1.isValidScalar(zero))
        XCTAssertTrue(Secp256k1.isValidScalar(nMinus1))
        XCTAssertFalse(Secp256k1.isValidScalar(Secp256k1.order))
        XCTAssertTrue(Secp256k1.isLowS(Secp256k1.halfOrder))
        var halfPlus1 = Secp256k1.halfOrder
        halfPlus1[31] += 1
        XCTAssertFalse(Secp256k1.isLowS(halfPlus1))
        XCTAssertFalse(Secp256k1.isLowS(zero))
    }

    func testConcurrentUseOfTheSharedContext() {
        // Recovery, verification and signing from many threads at once on the one shared context.
        let crypto = self.crypto
        let (hash, r, s, secret, address) = (validHash, validR, validS, validSecret, validAddress)
        var results = [Bool](repeating: false, count: 64)
        results.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let base = out.baseAddress!
            DispatchQueue.concurrentPerform(iterations: 64) { i in
                let key = crypto.ecrecover(hash: hash, recid: 1, r: r, s: s)
                let ok1 = key.map { hexString(crypto.address(ofPublicKey: $0)) } == address
                let ok2 = key.map { crypto.secp256k1Verify(hash: hash, signature64: r + s, publicKey: $0) } == true
                let sig = crypto.secp256k1Sign(hash: hash, secretKey: secret)
                let ok3 = sig.flatMap { crypto.ecrecover(hash: hash, recid: $0.recid, r: $0.r, s: $0.s) } == key
                (base + i).pointee = ok1 && ok2 && ok3
            }
        }
        XCTAssertEqual(results, [Bool](repeating: true, count: 64))
    }
}
