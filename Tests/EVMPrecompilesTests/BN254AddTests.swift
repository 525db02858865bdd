import XCTest
@testable import EVMPrecompiles

/// ECADD vectors from go-ethereum's core/vm/testdata/precompiles/bn256Add.json (LGPL-3.0, credited;
/// originally by chfast and cdetrio for the Ethereum tests), plus invalid-input cases.
final class BN254AddTests: XCTestCase {
    static let g = "0000000000000000000000000000000000000000000000000000000000000001"
        + "0000000000000000000000000000000000000000000000000000000000000002"
    static let zero64 = String(repeating: "00", count: 64)
    static let twoG = "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
        + "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4"

    static let vectors: [(name: String, input: String, expected: String)] = [
        ("chfast1",
         "18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f37266"
            + "07c2b7f58a84bd6145f00c9c2bc0bb1a187f20ff2c92963a88019e7c6a014eed06614e20c147e940f2d70da3f74c9a17df361706a4485c742bd6788478fa17d7",
         "2243525c5efd4b9c3d3c45ac0ca3fe4dd85e830a4ce6b65fa1eeaee202839703301d1d33be6da8e509df21cc35964723180eed7532537db9ae5e7d48f195c915"),
        ("chfast2",
         "2243525c5efd4b9c3d3c45ac0ca3fe4dd85e830a4ce6b65fa1eeaee202839703301d1d33be6da8e509df21cc35964723180eed7532537db9ae5e7d48f195c915"
            + "18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f37266",
         "2bd3e6d0f3b142924f5ca7b49ce5b9d54c4703d7ae5648e61d02268b1a0a9fb721611ce0a6af85915e2f1d70300909ce2e49dfad4a4619c8390cae66cefdb204"),
        ("cdetrio1", String(repeating: "00", count: 128 + 64), zero64),
        ("cdetrio2", String(repeating: "00", count: 64), zero64),
        ("cdetrio3", String(repeating: "00", count: 80), zero64),
        ("cdetrio4", "", zero64),
        ("cdetrio5", String(repeating: "00", count: 192), zero64),
        ("cdetrio6", zero64 + g, g),
        ("cdetrio7", zero64 + g + zero64, g),
        ("cdetrio8", g, g),
        ("cdetrio9", g + zero64, g),
        ("cdetrio10", g + zero64 + zero64, g),
        ("cdetrio11", g + g, twoG),
        ("cdetrio12", g + g + zero64, twoG),
        ("cdetrio13",
         "17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa901e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c"
            + "039730ea8dff1254c0fee9c0ea777d29a9c710b7e616683f194f18c43b43b869073a5ffcc6fc7a28c30723d6e58ce577356982d65b833a5a5c15bf9024b43d98",
         "15bf2bb17880144b5d1cd2b1f46eff9d617bffd1ca57c37fb5a49bd84e53cf66049c797f9ce0d17083deb32b5e36f2ea2a212ee036598dd7624c168993d1355f"),
        ("cdetrio14",
         "17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa901e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c"
            + "17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa92e83f8d734803fc370eba25ed1f6b8768bd6d83887b87165fc2434fe11a830cb"
            + zero64,
         zero64),
    ]

    func testGethVectors() {
        for v in Self.vectors {
            XCTAssertEqual(BN254.add(hex(v.input)).map(hexString), v.expected, v.name)
        }
    }

    func testInvalidPoints() {
        let p = "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47"
        let one = "0000000000000000000000000000000000000000000000000000000000000001"
        let two = "0000000000000000000000000000000000000000000000000000000000000002"
        let three = "0000000000000000000000000000000000000000000000000000000000000003"
        // (1, 3) is not on y² = x³ + 3.
        XCTAssertNil(BN254.add(hex(one + three + Self.g)))
        XCTAssertNil(BN254.add(hex(Self.g + one + three)))
        // (0, 1) is neither infinity nor on the curve.
        XCTAssertNil(BN254.add(hex(String(repeating: "00", count: 32) + one)))
        // x = 1 + p: the same residue as G's x, but a coordinate ≥ p is rejected.
        let onePlusP = "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd48"
        XCTAssertNil(BN254.add(hex(onePlusP + two + Self.g)))
        // y = p (≡ 0) and x = p.
        XCTAssertNil(BN254.add(hex(one + p)))
        XCTAssertNil(BN254.add(hex(p + two)))
        // All-ones coordinates.
        XCTAssertNil(BN254.add(hex(String(repeating: "ff", count: 64))))
    }

    func testPointPlusNegationIsInfinity() {
        // G + (−G) = O, with −G = (1, p − 2).
        let minusG = "0000000000000000000000000000000000000000000000000000000000000001"
            + "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45"
        XCTAssertEqual(BN254.add(hex(Self.g + minusG)).map(hexString), Self.zero64)
    }
}
