import CryptoVectors
import XCTest
@testable import EVMPrecompiles

/// EIP-2537 MAP_FP_TO_G1 / MAP_FP2_TO_G2 (RFC 9380 map_to_curve + clear_cofactor) against py_ecc's
/// `map_to_curve_G1/G2` + `clear_cofactor_G1/G2` (BLS12381Vectors.mapG1/mapG2), and the encoding checks.
final class BLS12381MapTests: XCTestCase {
    func testMapFpToG1MatchesPyECC() {
        for v in BLS12381Vectors.mapG1 {
            XCTAssertEqual(BLS12381.run(.mapFpToG1, hex(v.input)).map(hexString), v.expected, v.name)
        }
    }

    func testMapFp2ToG2MatchesPyECC() {
        for v in BLS12381Vectors.mapG2 {
            XCTAssertEqual(BLS12381.run(.mapFp2ToG2, hex(v.input)).map(hexString), v.expected, v.name)
        }
    }

    /// The output lies in the order-r subgroup.
    func testMappedPointsAreInSubgroup() {
        let g1 = BLS12381.run(.mapFpToG1, hex(BLS12381Vectors.mapG1[0].input))!
        XCTAssertNotNil(BLS12Codec.decodeG1(g1, at: 0, subgroupCheck: true))
        let g2 = BLS12381.run(.mapFp2ToG2, hex(BLS12381Vectors.mapG2[0].input))!
        XCTAssertNotNil(BLS12Codec.decodeG2(g2, at: 0, subgroupCheck: true))
    }

    /// EIP-2537: a field element ≥ p, non-zero top 16 bytes, or a wrong length fails.
    func testEncodingErrors() {
        let p = "000000000000000000000000000000001a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab"
        let zero = String(repeating: "0", count: 128)
        XCTAssertNil(BLS12381.run(.mapFpToG1, hex(p)), "u = p")
        XCTAssertNil(BLS12381.run(.mapFpToG1, hex("01" + String(zero.dropFirst(2)))), "non-zero padding")
        XCTAssertNil(BLS12381.run(.mapFpToG1, hex(zero + "00")), "65 bytes")
        XCTAssertNil(BLS12381.run(.mapFpToG1, []), "empty")
        XCTAssertNil(BLS12381.run(.mapFp2ToG2, hex(zero + p)), "c1 = p")
        XCTAssertNil(BLS12381.run(.mapFp2ToG2, hex(p + zero)), "c0 = p")
        XCTAssertNil(BLS12381.run(.mapFp2ToG2, hex(zero)), "64 bytes")
        XCTAssertNotNil(BLS12381.run(.mapFpToG1, hex(zero)), "u = 0 maps")
    }
}
