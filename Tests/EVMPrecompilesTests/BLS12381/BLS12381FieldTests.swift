import CryptoVectors
import XCTest
@testable import EVMPrecompiles

/// Field and tower identities for BLS12-381: inverses, square roots, the Frobenius against exponentiation
/// by p, cyclotomic squaring, the generators on their curves and of order r.
final class BLS12381FieldTests: XCTestCase {
    static let p: [UInt64] = [0xB9FE_FFFF_FFFF_AAAB, 0x1EAB_FFFE_B153_FFFF, 0x6730_D2A0_F6B0_F624,
                              0x6477_4B84_F385_12BF, 0x4B1B_A7B6_434B_ACD7, 0x1A01_11EA_397F_E69A]

    static func fp(_ seed: inout UInt64) -> BLS12Fp {
        func next() -> UInt64 { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return seed }
        return BLS12Fp(next(), next(), next(), next(), next(), next() >> 8) * BLS12Fp.r2
    }
    static func fp2(_ seed: inout UInt64) -> BLS12Fp2 { BLS12Fp2(c0: fp(&seed), c1: fp(&seed)) }
    static func fp12(_ seed: UInt64) -> BLS12Fp12 {
        var s = seed
        func six() -> BLS12Fp6 { BLS12Fp6(c0: fp2(&s), c1: fp2(&s), c2: fp2(&s)) }
        return BLS12Fp12(c0: six(), c1: six())
    }

    static func pow(_ f: BLS12Fp12, _ limbs: [UInt64]) -> BLS12Fp12 {
        var result = BLS12Fp12.one
        for limb in limbs.reversed() {
            for bit in (0..<64).reversed() {
                result = result.squared()
                if (limb >> UInt64(bit)) & 1 == 1 { result = result * f }
            }
        }
        return result
    }

    func testEncodingRoundTripAndModulus() {
        var bytes = [UInt8](repeating: 0, count: 48)
        bytes[47] = 7
        let seven = BLS12Fp.fromBigEndian48(bytes, at: 0)!
        XCTAssertEqual(seven, BLS12Fp.one + BLS12Fp.one + BLS12Fp.one + BLS12Fp.one.doubled().doubled())
        var out = [UInt8]()
        seven.appendBigEndian48(to: &out)
        XCTAssertEqual(out, bytes)
        // p itself is rejected, p − 1 accepted.
        let pHex = "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab"
        XCTAssertNil(BLS12Fp.fromBigEndian48(hex(pHex), at: 0))
        var pm1 = hex(pHex)
        pm1[47] -= 1
        XCTAssertEqual(BLS12Fp.fromBigEndian48(pm1, at: 0), BLS12Fp.one.negated())
    }

    func testInverseAndSquareRoot() {
        var seed: UInt64 = 1
        for _ in 0..<8 {
            let a = Self.fp(&seed)
            XCTAssertEqual(a * a.inverse(), .one)
            let sq = a.squared()
            XCTAssertEqual(sq.squareRoot()!.squared(), sq)
            XCTAssertTrue(sq.isSquare)
            let b = Self.fp2(&seed)
            XCTAssertEqual(b * b.inverse(), .one)
            let b2 = b.squared()
            XCTAssertEqual(b2.squareRoot()!.squared(), b2)
            XCTAssertTrue(b2.isSquare)
        }
        // −1 is not a square in F_p (p ≡ 3 mod 4), and u·(1 + u) = ξ·u is not a square in F_p².
        XCTAssertNil(BLS12Fp.one.negated().squareRoot())
        XCTAssertFalse(BLS12Fp.one.negated().isSquare)
        let xi = BLS12Fp2(c0: .one, c1: .one)
        XCTAssertNil(xi.squareRoot())
        XCTAssertFalse(xi.isSquare)
    }

    func testFrobeniusAndCyclotomicSquare() {
        let f = Self.fp12(42)
        XCTAssertEqual(f * f.inverse(), .one)
        XCTAssertEqual(f.frobenius(), Self.pow(f, Self.p))
        var m = f.conjugate() * f.inverse()
        m = m.frobenius().frobenius() * m
        XCTAssertEqual(m.cyclotomicSquared(), m.squared())
        XCTAssertNotEqual(f.cyclotomicSquared(), f.squared())
    }

    func testGenerators() {
        let (x1, y1) = BLS12Curve.g1.affine()!
        XCTAssertTrue(BLS12Curve.isOnCurve(x1, y1))
        XCTAssertTrue(BLS12Curve.isInSubgroup(BLS12Curve.g1))
        let (x2, y2) = BLS12Curve.g2.affine()!
        XCTAssertTrue(BLS12Curve.isOnTwist(x2, y2))
        XCTAssertTrue(BLS12Curve.isInSubgroup(BLS12Curve.g2))
        XCTAssertFalse(BLS12Curve.isInSubgroup(BLS12Codec.decodeG1(hex(BLS12381Vectors.g1OutsideSubgroup), at: 0, subgroupCheck: false)!))
        XCTAssertFalse(BLS12Curve.isInSubgroup(BLS12Codec.decodeG2(hex(BLS12381Vectors.g2OutsideSubgroup), at: 0, subgroupCheck: false)!))
    }
}
