import XCTest
@testable import EVMPrecompiles

/// ECMUL vectors from go-ethereum's core/vm/testdata/precompiles/bn256ScalarMul.json (LGPL-3.0,
/// credited; originally by chfast and cdetrio for the Ethereum tests), plus invalid-input cases.
final class BN254MulTests: XCTestCase {
    static let p1 = "1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe3"
        + "1a2f3c951f6dadcc7ee9007dff81504b0fcd6d7cf59996efdc33d92bf7f9f8f6"
    static let p2 = "17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa9"
        + "01e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c"
    static let p3 = "039730ea8dff1254c0fee9c0ea777d29a9c710b7e616683f194f18c43b43b869"
        + "073a5ffcc6fc7a28c30723d6e58ce577356982d65b833a5a5c15bf9024b43d98"
    static let maxScalar = String(repeating: "ff", count: 32)
    static let rMinus1 = "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000000"
    static let twoTo128 = "0000000000000000000000000000000100000000000000000000000000000000"
    static let nine = String(repeating: "0", count: 63) + "9"
    static let one = String(repeating: "0", count: 63) + "1"

    static let vectors: [(name: String, input: String, expected: String)] = [
        ("chfast1",
         "2bd3e6d0f3b142924f5ca7b49ce5b9d54c4703d7ae5648e61d02268b1a0a9fb721611ce0a6af85915e2f1d70300909ce2e49dfad4a4619c8390cae66cefdb204"
            + "00000000000000000000000000000000000000000000000011138ce750fa15c2",
         "070a8d6a982153cae4be29d434e8faef8a47b274a053f5a4ee2a6c9c13c31e5c031b8ce914eba3a9ffb989f9cdd5b0f01943074bf4f0f315690ec3cec6981afc"),
        ("chfast2",
         "070a8d6a982153cae4be29d434e8faef8a47b274a053f5a4ee2a6c9c13c31e5c031b8ce914eba3a9ffb989f9cdd5b0f01943074bf4f0f315690ec3cec6981afc"
            + "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd46",
         "025a6f4181d2b4ea8b724290ffb40156eb0adb514c688556eb79cdea0752c2bb2eff3f31dea215f1eb86023a133a996eb6300b44da664d64251d05381bb8a02e"),
        ("chfast3",
         "025a6f4181d2b4ea8b724290ffb40156eb0adb514c688556eb79cdea0752c2bb2eff3f31dea215f1eb86023a133a996eb6300b44da664d64251d05381bb8a02e"
            + "183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea3",
         "14789d0d4a730b354403b5fac948113739e276c23e0258d8596ee72f9cd9d3230af18a63153e0ec25ff9f2951dd3fa90ed0197bfef6e2a1a62b5095b9d2b4a27"),
        ("cdetrio1", p1 + maxScalar,
         "2cde5879ba6f13c0b5aa4ef627f159a3347df9722efce88a9afbb20b763b4c411aa7e43076f6aee272755a7f9b84832e71559ba0d2e0b17d5f9f01755e5b0d11"),
        ("cdetrio2", p1 + rMinus1,
         "1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe3163511ddc1c3f25d396745388200081287b3fd1472d8339d5fecb2eae0830451"),
        ("cdetrio3", p1 + twoTo128,
         "1051acb0700ec6d42a88215852d582efbaef31529b6fcbc3277b5c1b300f5cf0135b2394bb45ab04b8bd7611bd2dfe1de6a4e6e2ccea1ea1955f577cd66af85b"),
        ("cdetrio4", p1 + nine,
         "1dbad7d39dbc56379f78fac1bca147dc8e66de1b9d183c7b167351bfe0aeab742cd757d51289cd8dbd0acf9e673ad67d0f0a89f912af47ed1be53664f5692575"),
        ("cdetrio5", p1 + one, p1),
        ("cdetrio6", p2 + maxScalar,
         "29e587aadd7c06722aabba753017c093f70ba7eb1f1c0104ec0564e7e3e21f6022b1143f6a41008e7755c71c3d00b6b915d386de21783ef590486d8afa8453b1"),
        ("cdetrio7", p2 + rMinus1,
         "17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa92e83f8d734803fc370eba25ed1f6b8768bd6d83887b87165fc2434fe11a830cb"),
        ("cdetrio8", p2 + twoTo128,
         "221a3577763877920d0d14a91cd59b9479f83b87a653bb41f82a3f6f120cea7c2752c7f64cdd7f0e494bff7b60419f242210f2026ed2ec70f89f78a4c56a1f15"),
        ("cdetrio9", p2 + nine,
         "228e687a379ba154554040f8821f4e41ee2be287c201aa9c3bc02c9dd12f1e691e0fd6ee672d04cfd924ed8fdc7ba5f2d06c53c1edc30f65f2af5a5b97f0a76a"),
        ("cdetrio11", p3 + maxScalar,
         "00a1a234d08efaa2616607e31eca1980128b00b415c845ff25bba3afcb81dc00242077290ed33906aeb8e42fd98c41bcb9057ba03421af3f2d08cfc441186024"),
        ("cdetrio12", p3 + rMinus1,
         "039730ea8dff1254c0fee9c0ea777d29a9c710b7e616683f194f18c43b43b8692929ee761a352600f54921df9bf472e66217e7bb0cee9032e00acc86b3c8bfaf"),
        ("cdetrio13", p3 + twoTo128,
         "1071b63011e8c222c5a771dfa03c2e11aac9666dd097f2c620852c3951a4376a2f46fe2f73e1cf310a168d56baa5575a8319389d7bfa6b29ee2d908305791434"),
        ("cdetrio14", p3 + nine,
         "19f75b9dd68c080a688774a6213f131e3052bd353a304a189d7a2ee367e3c2582612f545fb9fc89fde80fd81c68fc7dcb27fea5fc124eeda69433cf5c46d2d7f"),
        ("cdetrio15", p3 + one, p3),
    ]

    func testGethVectors() {
        for v in Self.vectors {
            XCTAssertEqual(BN254.mul(hex(v.input)).map(hexString), v.expected, v.name)
        }
    }

    func testPaddingAndSpecialScalars() {
        let zero64 = String(repeating: "00", count: 64)
        // Empty input: infinity × 0.
        XCTAssertEqual(BN254.mul([]).map(hexString), zero64)
        // Missing scalar reads as 0.
        XCTAssertEqual(BN254.mul(hex(Self.p1)).map(hexString), zero64)
        // Extra trailing bytes are ignored.
        XCTAssertEqual(BN254.mul(hex(Self.p1 + Self.one + "ffff")).map(hexString), Self.p1)
        // Scalar r gives infinity; r + 1 gives the point back.
        let r = "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001"
        let rPlus1 = "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000002"
        XCTAssertEqual(BN254.mul(hex(Self.p1 + r)).map(hexString), zero64)
        XCTAssertEqual(BN254.mul(hex(Self.p1 + rPlus1)).map(hexString), Self.p1)
        // Infinity × anything is infinity.
        XCTAssertEqual(BN254.mul(hex(zero64 + Self.maxScalar)).map(hexString), zero64)
    }

    func testInvalidPoints() {
        let one = Self.one
        let three = String(repeating: "0", count: 63) + "3"
        XCTAssertNil(BN254.mul(hex(one + three + Self.nine)))
        let pPlus1 = "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd48"
        let two = String(repeating: "0", count: 63) + "2"
        XCTAssertNil(BN254.mul(hex(pPlus1 + two + Self.nine)))
    }
}
