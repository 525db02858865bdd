import XCTest
@testable import EVMPrecompiles

/// Invalid pairing inputs, G2 subgroup membership, and bilinearity e(aP, bQ) = e(abP, Q).
final class BN254PairingValidationTests: XCTestCase {
    typealias V = BN254PairingTests
    static let p = "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47"

    /// On the twist (x = 2 + i) but not in the order-r subgroup; found and checked ([r]P ≠ O) with an
    /// independent Python implementation of F_p² arithmetic.
    static let twistPointOutsideG2 =
        "0000000000000000000000000000000000000000000000000000000000000001"
        + "0000000000000000000000000000000000000000000000000000000000000002"
        + "2b76c179599bb92a963dac85546a005a777f7c13f6a7b75d5918b6b5808f5fde"
        + "101f7278419308b95099eca02dcee0c5381f4d26d1d62313f057167f064101ce"

    func testLengthMustBeMultipleOf192() {
        XCTAssertNil(BN254.pairing(hex("00")))
        XCTAssertNil(BN254.pairing(hex(V.g1 + V.g2 + "00")))
        XCTAssertNil(BN254.pairing(hex(String((V.g1 + V.g2).dropLast(2)))))
        XCTAssertNil(BN254.pairing([UInt8](repeating: 0, count: 191)))
    }

    func testInfinityPairsContributeOne() {
        let zeroG1 = String(repeating: "00", count: 64), zeroG2 = String(repeating: "00", count: 128)
        XCTAssertEqual(BN254.pairing(hex(zeroG1 + zeroG2)).map(hexString), V.trueWord)
        XCTAssertEqual(BN254.pairing(hex(zeroG1 + V.g2)).map(hexString), V.trueWord)
        XCTAssertEqual(BN254.pairing(hex(V.g1 + zeroG2)).map(hexString), V.trueWord)
        XCTAssertEqual(BN254.pairing(hex(V.g1 + zeroG2 + V.g1 + V.g2)).map(hexString), V.falseWord)
    }

    func testInvalidG1() {
        let three = String(repeating: "0", count: 63) + "3"
        let one = String(repeating: "0", count: 63) + "1"
        XCTAssertNil(BN254.pairing(hex(one + three + V.g2)), "G1 not on curve")
        XCTAssertNil(BN254.pairing(hex(Self.p + one + V.g2)), "G1 x = p")
    }

    func testInvalidG2() {
        // A coordinate ≥ p (each of the four words in turn).
        let g2 = hex(V.g2)
        for word in 0..<4 {
            var bad = g2
            for i in 0..<32 { bad[32 * word + i] = hex(Self.p)[i] }
            XCTAssertNil(BN254.pairing(hex(V.g1) + bad), "G2 word \(word) = p")
        }
        // Not on the twist: perturb y.re.
        var off = g2
        off[127] ^= 1
        XCTAssertNil(BN254.pairing(hex(V.g1) + off), "G2 not on twist")
        // Swapped real/imaginary order is not on the twist either.
        let swapped = Array(g2[32..<64] + g2[0..<32] + g2[96..<128] + g2[64..<96])
        XCTAssertNil(BN254.pairing(hex(V.g1) + swapped), "G2 with re/im swapped")
        // On the twist but outside the order-r subgroup.
        XCTAssertNil(BN254.pairing(hex(V.g1 + Self.twistPointOutsideG2)), "G2 not in subgroup")
        XCTAssertNil(BN254.pairing(hex(V.g1 + V.g2 + V.g1 + Self.twistPointOutsideG2)))
        // The decoder agrees: on the curve, rejected for the subgroup only.
        let bytes = hex(Self.twistPointOutsideG2)
        let x = Fp2(c0: Fp.fromBigEndian(bytes, at: 32)!, c1: Fp.fromBigEndian(bytes, at: 0)!)
        let y = Fp2(c0: Fp.fromBigEndian(bytes, at: 96)!, c1: Fp.fromBigEndian(bytes, at: 64)!)
        XCTAssertTrue(G2Point.isOnCurve(x: x, y: y, b: BN254Curve.twistB))
        XCTAssertNil(BN254Curve.decodeG2(bytes, at: 0))
    }

    private func encodeG2(_ q: G2Point) -> [UInt8] {
        guard let (x, y) = q.affine() else { return [UInt8](repeating: 0, count: 128) }
        var out = [UInt8]()
        x.c1.appendBigEndian(to: &out)
        x.c0.appendBigEndian(to: &out)
        y.c1.appendBigEndian(to: &out)
        y.c0.appendBigEndian(to: &out)
        return out
    }

    private func scalar(_ v: UInt64) -> [UInt8] {
        [UInt8](repeating: 0, count: 24) + (0..<8).map { UInt8(truncatingIfNeeded: v >> (56 - 8 * UInt64($0))) }
    }

    func testBilinearity() throws {
        let g1 = try XCTUnwrap(BN254Curve.decodeG1(hex(V.g1), at: 0))
        let g2 = try XCTUnwrap(BN254Curve.decodeG2(hex(V.g2), at: 0))
        let a: UInt64 = 0x1234_5678_9ABC_DEF1, b: UInt64 = 0xFEDC_BA98_7654_3211
        let aP = BN254Curve.encodeG1(g1.multiplied(byBigEndian: scalar(a), at: 0))
        let bQ = encodeG2(g2.multiplied(byBigEndian: scalar(b), at: 0))
        // −(ab)P computed as (ab)·(−P) in two steps.
        let minusP = g1.negated()
        let abMinusP = BN254Curve.encodeG1(
            minusP.multiplied(byBigEndian: scalar(a), at: 0).multiplied(byBigEndian: scalar(b), at: 0))
        // e(aP, bQ) · e(−abP, Q) = 1.
        XCTAssertEqual(BN254.pairing(aP + bQ + abMinusP + hex(V.g2)).map(hexString), V.trueWord)
        // e(aP, bQ) · e(−abP, 2Q) ≠ 1.
        let twoQ = encodeG2(g2.doubled())
        XCTAssertEqual(BN254.pairing(aP + bQ + abMinusP + twoQ).map(hexString), V.falseWord)
        // The subgroup check accepts multiples of the generator.
        XCTAssertNotNil(BN254Curve.decodeG2(bQ, at: 0))
    }
}
