import CryptoVectors
import XCTest
@testable import EVMPrecompiles
import NativeCrypto

/// EIP-7951 P256VERIFY: the pure-Swift `Secp256r1.verify` (guest path) and swift-crypto's `NativeP256`
/// (host path) against OpenSSL's verdicts (P256Vectors.swift) and against each other on mutated inputs.
final class P256VerifyTests: XCTestCase {
    func testSwiftAndNativeMatchOpenSSL() {
        for v in P256Vectors.cases {
            let args = (hex(v.hash), hex(v.r), hex(v.s), hex(v.x), hex(v.y))
            XCTAssertEqual(Secp256r1.verify(hash: args.0, r: args.1, s: args.2, x: args.3, y: args.4), v.expected, "Swift \(v.name)")
            XCTAssertEqual(NativeP256.verify(hash: args.0, r: args.1, s: args.2, x: args.3, y: args.4), v.expected, "native \(v.name)")
        }
    }

    /// Agreement on every single-byte mutation class of a valid case (hash, r, s, x, y bytes), deterministic.
    func testSwiftAgreesWithNativeOnMutations() {
        var seed: UInt64 = 0x7951
        for v in P256Vectors.cases where v.expected {
            for field in 0..<5 {
                var args = [hex(v.hash), hex(v.r), hex(v.s), hex(v.x), hex(v.y)]
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                args[field][Int(seed >> 59)] ^= UInt8(truncatingIfNeeded: seed >> 32) | 1
                let swift = Secp256r1.verify(hash: args[0], r: args[1], s: args[2], x: args[3], y: args[4])
                let native = NativeP256.verify(hash: args[0], r: args[1], s: args[2], x: args[3], y: args[4])
                XCTAssertEqual(swift, native, "\(v.name) field \(field)")
                XCTAssertFalse(swift, "\(v.name) field \(field) mutated")
            }
        }
    }
}
