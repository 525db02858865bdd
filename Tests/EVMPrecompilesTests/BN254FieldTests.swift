import XCTest
@testable import EVMPrecompiles

/// Internal consistency of the BN254 tower: field axioms on sample values, the Frobenius map against
/// plain exponentiation by p, and the fast final exponentiation against plain exponentiation by
/// (p¹² − 1)/r (split as (p⁶ − 1) and (p⁶ + 1)/r).
final class BN254FieldTests: XCTestCase {
    /// p, little-endian limbs.
    static let p: [UInt64] = [0x3C20_8C16_D87C_FD47, 0x9781_6A91_6871_CA8D, 0xB850_45B6_8181_585D, 0x3064_4E72_E131_A029]
    /// (p⁶ + 1)/r, little-endian limbs (computed with Python big integers).
    static let p6Plus1OverR: [UInt64] = [
        0x5250_A540_36E3_F812, 0xA563_5F15_9678_9051, 0xD113_8BF5_4D5B_D1D4, 0xA8CE_2533_BE36_C7A2,
        0x94F6_9F6B_84E0_9BF6, 0x42AD_1F5E_50EF_3644, 0x0FCC_420E_48C3_454C, 0x758E_4408_ECC9_952C,
        0xC901_BF18_87C6_042C, 0xA733_CD65_B14B_B3B5, 0xDF6D_76BD_CF51_B0D8, 0xCA64_C0FD_82EB_59E1,
        0x1D2E_5726_E392_76A1, 0xC2D1_EA74_A391_CAE9, 0x0740_9206_C82D_647E, 0x051C_6D1A_A5AF_DD17,
        0xB37F_6019_1966_7AF5, 0x150E_578C_5084_015B, 0xFBDE_A556_C239_98E4, 0x000F_D14C_C52F_5B83,
    ]

    static func pow(_ f: Fp12, _ limbs: [UInt64]) -> Fp12 {
        var result = Fp12.one
        for limb in limbs.reversed() {
            for bit in (0..<64).reversed() {
                result = result.squared()
                if (limb >> UInt64(bit)) & 1 == 1 { result = result * f }
            }
        }
        return result
    }

    /// A sample element with all twelve coefficients distinct and non-trivial.
    static func sample(_ seed: UInt64) -> Fp12 {
        var s = seed
        func next() -> Fp {
            s = s &* 6364136223846793005 &+ 1442695040888963407
            return Fp(s, s >> 3, s >> 7, (s >> 11) & 0x0FFF_FFFF_FFFF_FFFF)
        }
        func fp2() -> Fp2 { Fp2(c0: next(), c1: next()) }
        return Fp12(c0: Fp6(c0: fp2(), c1: fp2(), c2: fp2()), c1: Fp6(c0: fp2(), c1: fp2(), c2: fp2()))
    }

    func testFpBasics() {
        let a = Fp.fromBigEndian(hex(String(repeating: "0", count: 62) + "07"), at: 0)!
        let b = Fp.fromBigEndian(hex(String(repeating: "0", count: 62) + "05"), at: 0)!
        var out = [UInt8]()
        (a * b).appendBigEndian(to: &out)
        XCTAssertEqual(hexString(out), String(repeating: "0", count: 62) + "23")  // 35
        out = []
        (b - a).appendBigEndian(to: &out)  // −2 = p − 2
        XCTAssertEqual(hexString(out), "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45")
        XCTAssertEqual(a * a.inverse(), Fp.one)
        XCTAssertEqual(Fp.zero.inverse(), Fp.zero)
        XCTAssertNil(Fp.fromBigEndian(hex("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47"), at: 0))
    }

    func testTowerInverses() {
        let f = Self.sample(1)
        XCTAssertEqual(f * f.inverse(), Fp12.one)
        XCTAssertEqual(f.c0 * f.c0.inverse(), Fp6.one)
        XCTAssertEqual(f.c0.c0 * f.c0.c0.inverse(), Fp2.one)
        XCTAssertEqual(f.squared(), f * f)
    }

    func testFrobeniusIsPowerP() {
        let f = Self.sample(2)
        XCTAssertEqual(f.frobenius(), Self.pow(f, Self.p))
    }

    func testFinalExponentiationMatchesPlainExponentiation() {
        let f = Self.sample(3)
        let easy = f.conjugate() * f.inverse()
        let reference = Self.pow(easy, Self.p6Plus1OverR)
        XCTAssertEqual(BN254FinalExponentiation.apply(f), reference)
        XCTAssertNotEqual(reference, Fp12.one)
    }

    func testCyclotomicSquareMatchesSquare() {
        let f = Self.sample(4)
        // Into the cyclotomic subgroup: f^((p⁶ − 1)(p² + 1)).
        var m = f.conjugate() * f.inverse()
        m = m.frobenius().frobenius() * m
        XCTAssertEqual(m.cyclotomicSquared(), m.squared())
        let m2 = m.cyclotomicSquared()
        XCTAssertEqual(m2.cyclotomicSquared(), m2.squared())
        XCTAssertNotEqual(f.cyclotomicSquared(), f.squared())  // not cyclotomic
    }
}
