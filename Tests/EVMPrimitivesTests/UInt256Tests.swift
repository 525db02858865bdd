import XCTest
import EVMPrimitives

final class UInt256Tests: XCTestCase {
    func h(_ s: String) -> UInt256 {
        var v = UInt256.zero
        for c in s.utf8 {
            let d: UInt64
            switch c {
            case 48...57: d = UInt64(c - 48)
            case 97...102: d = UInt64(c - 87)
            case 65...70: d = UInt64(c - 55)
            default: continue
            }
            v = (v << 4) | UInt256(d)
        }
        return v
    }

    let minInt = UInt256.signBit
    let minusOne = UInt256.max

    func testRandomAgainstReference() {
        var rng = SplitMix64(state: 0x5eed)
        for _ in 0..<3000 {
            let a = rng.word(), b = rng.word(), n = rng.word()
            let ra = RefNat(a), rb = RefNat(b), rn = RefNat(n)
            XCTAssertEqual(a &+ b, (ra + rb).u256, "add \(a.hexString) \(b.hexString)")
            XCTAssertEqual(a &- b, (ra + two256 - rb).u256, "sub")
            XCTAssertEqual(a &* b, (ra * rb).u256, "mul \(a.hexString) \(b.hexString)")
            if b.isZero {
                XCTAssertEqual(UInt256.div(a, b), .zero)
                XCTAssertEqual(UInt256.mod(a, b), .zero)
            } else {
                let (q, r) = RefNat.divMod(ra, rb)
                XCTAssertEqual(UInt256.div(a, b), q.u256, "div \(a.hexString) \(b.hexString)")
                XCTAssertEqual(UInt256.mod(a, b), r.u256, "mod \(a.hexString) \(b.hexString)")
            }
            if n.isZero {
                XCTAssertEqual(UInt256.addMod(a, b, n), .zero)
                XCTAssertEqual(UInt256.mulMod(a, b, n), .zero)
            } else {
                XCTAssertEqual(UInt256.addMod(a, b, n), RefNat.divMod(ra + rb, rn).1.u256, "addmod")
                XCTAssertEqual(UInt256.mulMod(a, b, n), RefNat.divMod(ra * rb, rn).1.u256,
                               "mulmod \(a.hexString) \(b.hexString) \(n.hexString)")
            }
            XCTAssertEqual(a < b, ra < rb)
            XCTAssertEqual(a == b, ra == rb)
            // Shifts against multiplication / division by powers of two.
            let s = Int(rng.next() % 300)
            if s < 256 {
                var pow2 = RefNat([1])
                for _ in 0..<s { pow2 = pow2 + pow2 }
                XCTAssertEqual(UInt256.shl(UInt256(UInt64(s)), a), (ra * pow2).u256, "shl \(s)")
                XCTAssertEqual(UInt256.shr(UInt256(UInt64(s)), a), RefNat.divMod(ra, pow2).0.u256, "shr \(s)")
            } else {
                XCTAssertEqual(UInt256.shl(UInt256(UInt64(s)), a), .zero)
                XCTAssertEqual(UInt256.shr(UInt256(UInt64(s)), a), .zero)
            }
            // Signed division via magnitudes computed by the reference.
            if !b.isZero {
                let ma = a.isNegative ? refNegate(a) : a
                let mb = b.isNegative ? refNegate(b) : b
                let (q, r) = RefNat.divMod(RefNat(ma), RefNat(mb))
                let sq = a.isNegative != b.isNegative ? refNegate(q.u256) : q.u256
                let sr = a.isNegative ? refNegate(r.u256) : r.u256
                XCTAssertEqual(UInt256.sdiv(a, b), sq, "sdiv")
                XCTAssertEqual(UInt256.smod(a, b), sr, "smod")
            }
        }
    }

    /// Single-limb divisors of every width (every normalisation shift) against the shift-subtract reference,
    /// over dividends of one to four limbs: DIV, MOD, ADDMOD, MULMOD.
    func testSingleLimbDivisorAgainstReference() {
        var rng = SplitMix64(state: 0x51d6)
        for _ in 0..<2000 {
            let a = rng.word(), b = rng.word()
            let n = UInt256(max(1, rng.next() >> (rng.next() % 64)))
            let ra = RefNat(a), rb = RefNat(b), rn = RefNat(n)
            let (q, r) = RefNat.divMod(ra, rn)
            XCTAssertEqual(UInt256.div(a, n), q.u256, "div \(a.hexString) \(n.hexString)")
            XCTAssertEqual(UInt256.mod(a, n), r.u256, "mod \(a.hexString) \(n.hexString)")
            XCTAssertEqual(UInt256.addMod(a, b, n), RefNat.divMod(ra + rb, rn).1.u256, "addmod")
            XCTAssertEqual(UInt256.mulMod(a, b, n), RefNat.divMod(ra * rb, rn).1.u256,
                           "mulmod \(a.hexString) \(b.hexString) \(n.hexString)")
        }
    }

    func testExpAgainstReference() {
        var rng = SplitMix64(state: 42)
        for _ in 0..<300 {
            let base = rng.word()
            let e = rng.next() % 300
            var acc = RefNat([1])
            for _ in 0..<e { acc = RefNat(((acc * RefNat(base)).u256)) }
            XCTAssertEqual(UInt256.exp(base, UInt256(e)), acc.u256)
        }
        XCTAssertEqual(UInt256.exp(2, UInt256.signBit), .zero)
        XCTAssertEqual(UInt256.exp(.max, .max), .max)  // (-1)^odd = -1
        XCTAssertEqual(UInt256.exp(.max, .max &- 1), .one)  // (-1)^even = 1
        XCTAssertEqual(UInt256.exp(0, 0), .one)
        XCTAssertEqual(UInt256.exp(0, 5), .zero)
        XCTAssertEqual(UInt256.exp(2, 255), UInt256.signBit)
        XCTAssertEqual(UInt256.exp(2, 256), .zero)
        // 3^(2^64) mod 2^256 by repeated squaring in the reference.
        var sq = RefNat([3])
        for _ in 0..<64 { sq = RefNat((sq * sq).u256) }
        XCTAssertEqual(UInt256.exp(3, UInt256(w0: 0, w1: 1, w2: 0, w3: 0)), sq.u256)
    }

    func testSignedEdgeCases() {
        XCTAssertEqual(UInt256.sdiv(minInt, minusOne), minInt)
        XCTAssertEqual(UInt256.smod(minInt, minusOne), .zero)
        XCTAssertEqual(UInt256.sdiv(minusOne, 2), .zero)  // -1/2 truncates to 0
        XCTAssertEqual(UInt256.sdiv(UInt256(7).negated, 2), UInt256(3).negated)
        XCTAssertEqual(UInt256.smod(UInt256(7).negated, 3), UInt256(1).negated)
        XCTAssertEqual(UInt256.smod(7, UInt256(3).negated), 1)
        XCTAssertEqual(UInt256.sdiv(5, 0), .zero)
        XCTAssertTrue(UInt256.slt(minusOne, 0))
        XCTAssertTrue(UInt256.sgt(0, minInt))
        XCTAssertFalse(UInt256.slt(minInt, minInt))
    }

    func testSarOfNegatives() {
        XCTAssertEqual(UInt256.sar(1, minusOne), minusOne)
        XCTAssertEqual(UInt256.sar(255, minInt), minusOne)
        XCTAssertEqual(UInt256.sar(256, minInt), minusOne)
        XCTAssertEqual(UInt256.sar(.max, minInt), minusOne)
        XCTAssertEqual(UInt256.sar(1, minInt), h("c000000000000000000000000000000000000000000000000000000000000000"))
        XCTAssertEqual(UInt256.sar(4, UInt256(16).negated), UInt256(1).negated)
        XCTAssertEqual(UInt256.sar(65, h("8000000000000000000000000000000000000000000000000000000000000001")),
                       h("ffffffffffffffffc00000000000000000000000000000000000000000000000"))
        XCTAssertEqual(UInt256.sar(1, h("4000000000000000000000000000000000000000000000000000000000000000")),
                       h("2000000000000000000000000000000000000000000000000000000000000000"))
        XCTAssertEqual(UInt256.sar(256, 1), .zero)
    }

    func testSignExtendEveryByte() {
        for b in 0..<32 {
            let garbage = h("abababababababababababababababababababababababababababababababab")
            let bit = b * 8 + 7
            let lowMask = b == 31 ? UInt256.max : (UInt256.one << (bit + 1)) &- 1
            let negVal = (garbage & ~lowMask) | (UInt256(0x80) << (b * 8))
            let posVal = (garbage & ~lowMask) | (UInt256(0x7f) << (b * 8))
            let expectedNeg = b == 31 ? negVal : (~lowMask | (UInt256(0x80) << (b * 8)))
            let expectedPos = b == 31 ? posVal : (UInt256(0x7f) << (b * 8))
            XCTAssertEqual(UInt256.signExtend(UInt256(UInt64(b)), negVal), expectedNeg, "byte \(b)")
            XCTAssertEqual(UInt256.signExtend(UInt256(UInt64(b)), posVal), expectedPos, "byte \(b)")
        }
        XCTAssertEqual(UInt256.signExtend(0, 0xff), .max)
        XCTAssertEqual(UInt256.signExtend(0, 0x7f), 0x7f)
        XCTAssertEqual(UInt256.signExtend(1, 0xff), 0xff)
        XCTAssertEqual(UInt256.signExtend(.max, 0xff), 0xff)
    }

    func testMulModFullProduct() {
        // (2^256-1)^2 mod (2^256-2): since 2^256-1 ≡ 1, result is 1.
        XCTAssertEqual(UInt256.mulMod(.max, .max, .max &- 1), 1)
        // 2^256 mod 12 = 4, so 2^256-1 ≡ 3 and the square ≡ 9.
        XCTAssertEqual(UInt256.mulMod(.max, .max, 12), 9)
        XCTAssertEqual(UInt256.mulMod(.max, .max, .max), .zero)
        XCTAssertEqual(UInt256.addMod(.max, .max, .max), .zero)
        XCTAssertEqual(UInt256.addMod(.max, 1, 10), 6)  // 2^256 mod 10 = 6
        XCTAssertEqual(UInt256.addMod(.max, 2, 3), 2)  // 2^256 + 1 ≡ 1 + 1
    }

    /// A 512-bit product or dividend that is one limb after its zero limbs are dropped, divided by one limb
    /// (the hardware-division case of `LongDivision`): 9·10^18 mod (10^9 + 7) = 441 and (2^64 − 1) = 3 ·
    /// 6148914691236517205 (Python).
    func testOneLimbByOneLimb() {
        XCTAssertEqual(UInt256.mulMod(UInt256(3_000_000_000), UInt256(3_000_000_000), UInt256(1_000_000_007)), 441)
        let (q, r) = UInt256.divMod(UInt256(UInt64.max), UInt256(3))
        XCTAssertEqual(q, UInt256(6_148_914_691_236_517_205))
        XCTAssertEqual(r, .zero)
        XCTAssertEqual(UInt256.mod(UInt256(w0: .max, w1: 0, w2: 0, w3: 0), UInt256(1000)), 615)
    }

    /// Four-limb operands over a single-limb divisor (the locals-only 2-by-1 path), values from Python `int`:
    /// M = 2**256 - 1; x = 2**255 + 1; hex(M // 7), hex(M % 7), hex(x // (2**64 - 1)), hex(x % (2**64 - 1)),
    /// hex(M * M % (2**64 - 59)), hex((M + M - 1) % (2**64 - 59)), hex((2**200 + 12345) * (2**100 + 1) % 1000000007),
    /// hex((2**255 + 5 + 2**255 + 7) % (2**192 + 3)).
    func testSingleLimbDivisorVectors() {
        let x = UInt256(w0: 1, w1: 0, w2: 0, w3: 1 << 63)
        XCTAssertEqual(UInt256.div(.max, 7), h("2492492492492492492492492492492492492492492492492492492492492492"))
        XCTAssertEqual(UInt256.mod(.max, 7), 1)
        XCTAssertEqual(UInt256.div(x, UInt256(UInt64.max)), h("800000000000000080000000000000008000000000000000"))
        XCTAssertEqual(UInt256.mod(x, UInt256(UInt64.max)), h("8000000000000001"))
        XCTAssertEqual(UInt256.div(x, UInt256(1 << 63)), UInt256(w0: 0, w1: 0, w2: 0, w3: 1))  // 2^255 / 2^63 = 2^192
        XCTAssertEqual(UInt256.mod(x, UInt256(1 << 63)), 1)
        XCTAssertEqual(UInt256.mulMod(.max, .max, UInt256(UInt64.max - 58)), h("858a9ea19100"))
        XCTAssertEqual(UInt256.addMod(.max, .max &- 1, UInt256(UInt64.max - 58)), h("171cadf"))
        let a = (UInt256.one << 200) &+ 12345, b = (UInt256.one << 100) &+ 1
        XCTAssertEqual(UInt256.mulMod(a, b, UInt256(1_000_000_007)), h("77263a3"))
        XCTAssertEqual(UInt256.addMod(UInt256.signBit &+ 5, UInt256.signBit &+ 7, (UInt256.one << 192) &+ 3),
                       h("fffffffffffffffffffffffffffffffd000000000000000f"))
        // Signed: -7 / 2 = -3 and -7 smod 2 = -1 (truncation towards zero); n = 1 gives 0 and the dividend.
        XCTAssertEqual(UInt256.sdiv(UInt256(7).negated, 2), UInt256(3).negated)
        XCTAssertEqual(UInt256.smod(UInt256(7).negated, 2), UInt256.one.negated)
        XCTAssertEqual(UInt256.mod(.max, 1), .zero)
        XCTAssertEqual(UInt256.div(.max, 1), .max)
        XCTAssertEqual(UInt256.mulMod(.max, .max, 1), .zero)
        XCTAssertEqual(UInt256.addMod(.max, .max, 1), .zero)
        XCTAssertEqual(UInt256.div(.max, 0), .zero)
        XCTAssertEqual(UInt256.mulMod(.max, .max, 0), .zero)
    }

    func testByteAndBytes() {
        let v = h("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20")
        for i in 0..<32 { XCTAssertEqual(UInt256.byte(UInt256(UInt64(i)), v), UInt256(UInt64(i + 1))) }
        XCTAssertEqual(UInt256.byte(32, v), .zero)
        XCTAssertEqual(UInt256.byte(.max, v), .zero)
        XCTAssertEqual(v.bigEndianBytes, Array(1...32))
        XCTAssertEqual(UInt256(bigEndian: Array(1...32)), v)
        XCTAssertEqual(UInt256(bigEndian: [1, 0]), 256)
        XCTAssertEqual(UInt256(256).minimalBigEndianBytes, [1, 0])
        XCTAssertEqual(UInt256.zero.minimalBigEndianBytes, [])
        XCTAssertEqual(UInt256(0x1234).hexString, "0x1234")
        XCTAssertEqual(UInt256.zero.hexString, "0x0")
        XCTAssertEqual(UInt256(1).byteWidth, 1)
        XCTAssertEqual(UInt256(256).byteWidth, 2)
        XCTAssertEqual(UInt256.max.byteWidth, 32)
        XCTAssertEqual(UInt256.zero.byteWidth, 0)
        XCTAssertEqual(UInt256(w0: 5, w1: 0, w2: 0, w3: 0).uint64, 5)
        XCTAssertNil(UInt256(w0: 5, w1: 1, w2: 0, w3: 0).uint64)
    }
}
