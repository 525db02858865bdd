import XCTest
@testable import EVM
import EVMPrecompiles
import EVMPrimitives

/// Gas functions of the Cancun–Osaka precompiles against the EIPs (EIP-2537 §"Gas schedule" and its discount
/// tables, EIP-4844 constants, EIP-7883 and EIP-2565 formulas with values from ethereum-execution 2.20.0
/// `osaka`/`cancun` `modexp.gas_cost`, EIP-7823 bounds).
final class PrecompileGasTests: XCTestCase {
    func testBLS12FixedCosts() {
        XCTAssertEqual(Precompiles.bls12Pricing(.bls12G1Add, inputLength: 256)?.1, 375)
        XCTAssertEqual(Precompiles.bls12Pricing(.bls12G2Add, inputLength: 512)?.1, 600)
        XCTAssertEqual(Precompiles.bls12Pricing(.bls12MapFpToG1, inputLength: 64)?.1, 5500)
        XCTAssertEqual(Precompiles.bls12Pricing(.bls12MapFp2ToG2, inputLength: 128)?.1, 23800)
        XCTAssertEqual(Precompiles.bls12Pricing(.bls12PairingCheck, inputLength: 384)?.1, 32600 + 37700)
        XCTAssertEqual(Precompiles.bls12Pricing(.bls12PairingCheck, inputLength: 768)?.1, 2 * 32600 + 37700)
    }

    func testBLS12InputLengthRules() {
        XCTAssertNil(Precompiles.bls12Pricing(.bls12G1Add, inputLength: 255))
        XCTAssertNil(Precompiles.bls12Pricing(.bls12G2Add, inputLength: 513))
        XCTAssertNil(Precompiles.bls12Pricing(.bls12MapFpToG1, inputLength: 0))
        XCTAssertNil(Precompiles.bls12Pricing(.bls12G1MSM, inputLength: 0))
        XCTAssertNil(Precompiles.bls12Pricing(.bls12G1MSM, inputLength: 161))
        XCTAssertNil(Precompiles.bls12Pricing(.bls12G2MSM, inputLength: 160))
        XCTAssertNil(Precompiles.bls12Pricing(.bls12PairingCheck, inputLength: 0))
        XCTAssertNil(Precompiles.bls12Pricing(.bls12PairingCheck, inputLength: 383))
        XCTAssertEqual(Precompiles.bls12Pricing(.bls12G1MSM, inputLength: 160)?.0, .g1MSM)
        XCTAssertEqual(Precompiles.bls12Pricing(.bls12G2MSM, inputLength: 288)?.0, .g2MSM)
    }

    /// EIP-2537 discount tables: 128 entries, first and last values and the max discounts as the EIP lists them.
    func testMSMDiscountTables() {
        XCTAssertEqual(BLS12Gas.g1Discount.count, 128)
        XCTAssertEqual(BLS12Gas.g2Discount.count, 128)
        XCTAssertEqual(Array(BLS12Gas.g1Discount.prefix(4)), [1000, 949, 848, 797])
        XCTAssertEqual(Array(BLS12Gas.g2Discount.prefix(4)), [1000, 1000, 923, 884])
        XCTAssertEqual(BLS12Gas.g1Discount.last, 519)
        XCTAssertEqual(BLS12Gas.g2Discount.last, 524)
        XCTAssertEqual(BLS12Gas.g1MaxDiscount, 519)
        XCTAssertEqual(BLS12Gas.g2MaxDiscount, 524)
    }

    /// k · mul cost · discount / 1000, hand-computed.
    func testMSMGas() {
        XCTAssertEqual(BLS12Gas.g1MSM(pairs: 1), 12000)
        XCTAssertEqual(BLS12Gas.g1MSM(pairs: 2), 22776)  // 2·12000·949/1000
        XCTAssertEqual(BLS12Gas.g1MSM(pairs: 128), 797184)  // 128·12000·519/1000
        XCTAssertEqual(BLS12Gas.g1MSM(pairs: 129), 803412)  // max discount 519
        XCTAssertEqual(BLS12Gas.g2MSM(pairs: 1), 22500)
        XCTAssertEqual(BLS12Gas.g2MSM(pairs: 2), 45000)
        XCTAssertEqual(BLS12Gas.g2MSM(pairs: 3), 62302)  // 3·22500·923/1000 = 62302.5
        XCTAssertEqual(BLS12Gas.g2MSM(pairs: 200), 2358000)  // 200·22500·524/1000
        XCTAssertEqual(Precompiles.bls12Pricing(.bls12G1MSM, inputLength: 320)?.1, 22776)
    }

    /// EIP-4844: FIELD_ELEMENTS_PER_BLOB = 4096 and BLS_MODULUS (decimal in the EIP) as two 32-byte words.
    func testPointEvaluationConstants() {
        XCTAssertEqual(Precompiles.pointEvaluationGas, 50000)
        XCTAssertEqual(Precompiles.p256VerifyGas, 6900)
        let out = Precompiles.pointEvaluationOutput
        XCTAssertEqual(out.count, 64)
        XCTAssertEqual(UInt256(bigEndian: out[0..<32]), UInt256(4096))
        // 52435875175126190479447740508185965837690552500527637822603658699938581184513
        XCTAssertEqual(UInt256(bigEndian: out[32..<64]).hexString,
                       "0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001")
    }

    func header(_ b: UInt64, _ e: UInt64, _ m: UInt64, head: [UInt8]) -> ModExpHeader {
        ModExpHeader(baseLength: b, exponentLength: e, modulusLength: m,
                     exponentHead: [UInt8](repeating: 0, count: 32 - head.count) + head)
    }

    /// Values from ethereum-execution 2.20.0 `forks/osaka/.../modexp.gas_cost` (EIP-7883) and
    /// `forks/cancun/.../modexp.gas_cost` (EIP-2565).
    func testModExpPricingOsakaAndBerlin() {
        let cases: [(ModExpHeader, UInt64, UInt64)] = [
            (header(32, 32, 32, head: [UInt8](repeating: 0xff, count: 32)), 4080, 1360),
            (header(64, 1, 64, head: [0x03]), 500, 200),
            (header(32, 40, 32, head: [0x80] + [UInt8](repeating: 0, count: 31)), 6128, 1701),
            (header(1, 1, 1, head: [0x00]), 500, 200),
            (header(1024, 1024, 1024, head: [UInt8](repeating: 0xff, count: 32)), 528_449_536, 44_733_781),
            (header(33, 0, 1, head: []), 500, 200),
        ]
        for (h, osaka, berlin) in cases {
            XCTAssertEqual(ModExpPricing.gasEIP7883(h), osaka)
            XCTAssertEqual(ModExpPricing.gasEIP2565(h), berlin)
        }
    }

    func testModExpUpperBounds() {
        XCTAssertTrue(ModExpPricing.withinEIP7823Bounds(header(1024, 1024, 1024, head: [])))
        XCTAssertFalse(ModExpPricing.withinEIP7823Bounds(header(1025, 0, 1, head: [])))
        XCTAssertFalse(ModExpPricing.withinEIP7823Bounds(header(1, 1025, 1, head: [])))
        XCTAssertFalse(ModExpPricing.withinEIP7823Bounds(header(1024, 0, 1025, head: [])))
        XCTAssertTrue(Fork.osaka.spec.has(.eip7823) && Fork.osaka.spec.has(.eip7883))
        XCTAssertFalse(Fork.prague.spec.has(.eip7823) || Fork.prague.spec.has(.eip7883))
    }
}
