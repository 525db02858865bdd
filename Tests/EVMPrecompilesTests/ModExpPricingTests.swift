import XCTest
@testable import EVMPrecompiles

/// Gas vectors from go-ethereum's core/vm/testdata/precompiles/modexp_eip2565.json and
/// modexp_eip7883.json (LGPL-3.0, credited), plus hand-computed saturation cases.
final class ModExpPricingTests: XCTestCase {
    private func word(_ n: UInt64) -> String {
        String(repeating: "0", count: 48) + {
            let s = String(n, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }()
    }

    /// Builds an input with the given lengths, a base of `baseLength` 0xAB bytes, the exponent bytes
    /// as given, and a modulus of `modLength` 0xCD bytes.
    private func input(_ baseLength: UInt64, _ exponentHex: String, _ modLength: UInt64) -> [UInt8] {
        let exponent = hex(exponentHex)
        return hex(word(baseLength) + word(UInt64(exponent.count)) + word(modLength))
            + [UInt8](repeating: 0xAB, count: Int(baseLength)) + exponent
            + [UInt8](repeating: 0xCD, count: Int(modLength))
    }

    func testGethVectors() {
        // (name, baseLength, exponent, modLength, EIP-2565 gas, EIP-7883 gas or nil when not in the file)
        let secp256k1PMinus1 = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e"
        let cases: [(String, UInt64, String, UInt64, UInt64, UInt64?)] = [
            ("eip_example1", 1, secp256k1PMinus1, 32, 1360, nil),
            ("eip_example2", 0, secp256k1PMinus1, 32, 1360, nil),
            ("nagydani-1-square", 64, "02", 64, 200, 500),
            ("nagydani-1-qube", 64, "03", 64, 200, 500),
            ("nagydani-1-pow0x10001", 64, "010001", 64, 341, 2048),
            ("nagydani-2-square", 128, "02", 128, 200, 512),
            ("nagydani-2-qube", 128, "03", 128, 200, 512),
            ("nagydani-2-pow0x10001", 128, "010001", 128, 1365, 8192),
            ("nagydani-3-square", 256, "02", 256, 341, 2048),
            ("nagydani-3-qube", 256, "03", 256, 341, 2048),
            ("nagydani-3-pow0x10001", 256, "010001", 256, 5461, 32768),
            ("nagydani-4-square", 512, "02", 512, 1365, 8192),
        ]
        for (name, b, e, m, gas2565, gas7883) in cases {
            let header = ModExpPricing.parseHeader(input(b, e, m))
            XCTAssertEqual(header.baseLength, b, name)
            XCTAssertEqual(header.modulusLength, m, name)
            XCTAssertEqual(ModExpPricing.gasEIP2565(header), gas2565, name)
            if let gas7883 { XCTAssertEqual(ModExpPricing.gasEIP7883(header), gas7883, name) }
        }
    }

    func testHeaderParsing() {
        let header = ModExpPricing.parseHeader(input(3, "010001", 2))
        XCTAssertEqual(header.exponentLength, 3)
        XCTAssertEqual(header.exponentHead, [UInt8](repeating: 0, count: 29) + [1, 0, 1])
        let ops = ModExpPricing.operands(input(3, "010001", 2), header)
        XCTAssertEqual(ops?.base, [0xAB, 0xAB, 0xAB])
        XCTAssertEqual(ops?.exponent, [1, 0, 1])
        XCTAssertEqual(ops?.modulus, [0xCD, 0xCD])

        // Truncated input: missing bytes read as zeros, including in the length words.
        let short = hex(word(1) + word(2))
        let h2 = ModExpPricing.parseHeader(short)
        XCTAssertEqual(h2.baseLength, 1)
        XCTAssertEqual(h2.exponentLength, 2)
        XCTAssertEqual(h2.modulusLength, 0)
        XCTAssertEqual(h2.exponentHead, [UInt8](repeating: 0, count: 32))
        // Modulus length 0: the output is empty, so nothing is materialised.
        XCTAssertEqual(ModExpPricing.operands(short, h2)?.base, [])
        XCTAssertEqual(ModExpPricing.operands(short, h2)?.exponent, [])
        // Lengths present, operands missing: zeros.
        let noOperands = hex(word(1) + word(2) + word(3))
        let h2b = ModExpPricing.parseHeader(noOperands)
        XCTAssertEqual(ModExpPricing.operands(noOperands, h2b)?.base, [0])
        XCTAssertEqual(ModExpPricing.operands(noOperands, h2b)?.exponent, [0, 0])
        XCTAssertEqual(ModExpPricing.operands(noOperands, h2b)?.modulus, [0, 0, 0])
        // Operands cut short in the middle of the exponent.
        let cut = hex(word(1) + word(2) + word(1) + "07" + "05")
        XCTAssertEqual(ModExpPricing.operands(cut, ModExpPricing.parseHeader(cut))?.exponent, [5, 0])
        XCTAssertEqual(ModExpPricing.parseHeader(cut).exponentHead.suffix(2), [5, 0])

        // Long exponent: the head is its first 32 bytes.
        let longExp = "ff" + String(repeating: "00", count: 31) + "77"
        let h3 = ModExpPricing.parseHeader(input(1, longExp, 1))
        XCTAssertEqual(h3.exponentLength, 33)
        XCTAssertEqual(h3.exponentHead, [0xFF] + [UInt8](repeating: 0, count: 31))
        XCTAssertEqual(ModExpPricing.operands([], ModExpPricing.parseHeader([]))?.modulus, [])
    }

    func testIterationCountForLongExponents() {
        // 33-byte exponent with a zero head: 8 × 1 + 0 = 8 iterations; 256-byte modulus: 1024 × 8 / 3.
        let zeroHead = String(repeating: "00", count: 32) + "01"
        XCTAssertEqual(ModExpPricing.gasEIP2565(ModExpPricing.parseHeader(input(0, zeroHead, 256))), 2730)
        // EIP-7883: 2 × 32² × 16 = 32768.
        XCTAssertEqual(ModExpPricing.gasEIP7883(ModExpPricing.parseHeader(input(0, zeroHead, 256))), 32768)
        // 40-byte exponent with top bit set: 8 × 8 + 255 = 319 iterations; 64-byte modulus: 64 × 319 / 3.
        let topBit = "80" + String(repeating: "00", count: 39)
        XCTAssertEqual(ModExpPricing.gasEIP2565(ModExpPricing.parseHeader(input(0, topBit, 64))), 6805)
        // Zero exponent of ≤ 32 bytes: iteration count clamps to 1.
        XCTAssertEqual(ModExpPricing.gasEIP2565(ModExpPricing.parseHeader(input(0, "00", 2048))), 21845)
    }

    func testHugeDeclaredLengthsSaturate() {
        let huge = String(repeating: "ff", count: 32)
        // Base length 2^256 − 1.
        let h1 = ModExpPricing.parseHeader(hex(huge + word(0) + word(1)))
        XCTAssertEqual(h1.baseLength, UInt64.max)
        XCTAssertEqual(ModExpPricing.gasEIP2565(h1), UInt64.max)
        XCTAssertEqual(ModExpPricing.gasEIP7883(h1), UInt64.max)
        XCTAssertFalse(ModExpPricing.withinEIP7823Bounds(h1))
        XCTAssertNil(ModExpPricing.operands([], h1))
        // Exponent length 2^255 with a one-byte modulus.
        let h2 = ModExpPricing.parseHeader(hex(word(0) + "80" + String(repeating: "00", count: 31) + word(1)))
        XCTAssertEqual(ModExpPricing.gasEIP2565(h2), UInt64.max)
        XCTAssertEqual(ModExpPricing.gasEIP7883(h2), UInt64.max)
        // Exponent length 2^64 − 1 exactly (fits the word): still far beyond UInt64 gas.
        let h3 = ModExpPricing.parseHeader(hex(word(0) + word(UInt64.max) + word(1)))
        XCTAssertEqual(h3.exponentLength, UInt64.max)
        XCTAssertEqual(ModExpPricing.gasEIP2565(h3), UInt64.max)
        // Huge exponent but empty base and modulus: complexity 0, so the minimum price.
        let h4 = ModExpPricing.parseHeader(hex(word(0) + huge + word(0)))
        XCTAssertEqual(ModExpPricing.gasEIP2565(h4), 200)
        // Huge exponent, empty base and modulus: priced at the minimum, and `operands` must not
        // materialise the exponent (the output is empty anyway).
        let h4b = ModExpPricing.parseHeader(hex(word(0) + word(1 << 40) + word(0)))
        XCTAssertEqual(ModExpPricing.gasEIP2565(h4b), 200)
        XCTAssertEqual(ModExpPricing.operands([], h4b)?.exponent, [])
        XCTAssertEqual(ModExpPricing.operands([], h4)?.modulus, [])
        // Modulus length 2^32: ⌈2^32/8⌉² = 2^58; × 1 / 3.
        let h5 = ModExpPricing.parseHeader(hex(word(0) + word(0) + word(1 << 32)))
        XCTAssertEqual(ModExpPricing.gasEIP2565(h5), (UInt64(1) << 58) / 3)
        // Modulus length 2^36: 2^66 overflows.
        let h6 = ModExpPricing.parseHeader(hex(word(0) + word(0) + word(1 << 36)))
        XCTAssertEqual(ModExpPricing.gasEIP2565(h6), UInt64.max)
        XCTAssertEqual(ModExpPricing.gasEIP7883(h6), UInt64.max)
        // Empty input: all zero, minimum price.
        XCTAssertEqual(ModExpPricing.gasEIP2565(ModExpPricing.parseHeader([])), 200)
        XCTAssertEqual(ModExpPricing.gasEIP7883(ModExpPricing.parseHeader([])), 500)
    }

    func testEIP7823Bounds() {
        XCTAssertTrue(ModExpPricing.withinEIP7823Bounds(ModExpPricing.parseHeader(input(1024, "02", 1024))))
        XCTAssertFalse(ModExpPricing.withinEIP7823Bounds(ModExpPricing.parseHeader(input(1025, "02", 1))))
        XCTAssertFalse(ModExpPricing.withinEIP7823Bounds(ModExpPricing.parseHeader(input(1, "02", 1025))))
    }
}
