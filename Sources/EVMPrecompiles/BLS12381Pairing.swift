/// The BLS12-381 tower (EIP-2537 §"Curve parameters"), ξ = 1 + u.
typealias BLS12Fp6 = Fp6Tower<BLS12Fp2>
typealias BLS12Fp12 = Fp12Tower<BLS12Fp2>

/// The optimal ate pairing on BLS12-381 and EIP-2537's BLS12_PAIRING_CHECK (§"ABI for pairing check").
///
/// The Miller loop runs over |x| = 0xd201000000010000 with the running points on the M-type twist
/// E': y² = x³ + 4ξ, untwisted by (x', y') ↦ (x'/w², y'/w³); lines are scaled by w³ and by factors in F_p²,
/// all in proper subfields that the final exponentiation erases. One Miller loop accumulates every pair and
/// one final exponentiation follows.
enum BLS12Pairing {
    /// 3b' for the doubling step.
    static let threeTwistB = BLS12Curve.twistB + BLS12Curve.twistB + BLS12Curve.twistB

    /// EIP-2537 pairing check over k × (G1 ‖ G2); nil for a bad length or an invalid point (both points are
    /// subgroup-checked). Pairs with a point at infinity contribute 1.
    static func check(_ input: [UInt8]) -> Bool? {
        let pairSize = BLS12Codec.g1Size + BLS12Codec.g2Size
        guard !input.isEmpty, input.count % pairSize == 0 else { return nil }
        var pairs = [(p: BLS12G1, q: BLS12G2)]()
        var offset = 0
        while offset < input.count {
            guard let p = BLS12Codec.decodeG1(input, at: offset, subgroupCheck: true),
                  let q = BLS12Codec.decodeG2(input, at: offset + BLS12Codec.g1Size, subgroupCheck: true)
            else { return nil }
            pairs.append((p, q))
            offset += pairSize
        }
        return productIsOne(pairs)
    }

    /// Whether Π e(P_i, Q_i) = 1 for points in G1 × G2.
    static func productIsOne(_ pairs: [(p: BLS12G1, q: BLS12G2)]) -> Bool {
        finalExponentiation(millerLoop(pairs)) == .one
    }

    /// The M-type untwisting of a line: constant + x·px·w² + y·py·w³ (after scaling by w³), i.e. the sparse
    /// element with c0 = (constant, x·px, 0) and c1 = (0, y·py, 0), multiplied into f.
    @inline(__always)
    static func multiply(_ f: inout BLS12Fp12, by line: LineCoefficients<BLS12Fp2>?, px: BLS12Fp, py: BLS12Fp) {
        guard let line else { return }
        let a0 = line.constant, a2 = line.xCoefficient.scaled(by: px), a3 = line.yCoefficient.scaled(by: py)
        let t0 = f.c0.multiplied(by01: a0, a2)
        let t1 = f.c1.multiplied(by1: a3)
        let c1 = (f.c0 + f.c1).multiplied(by01: a0, a2 + a3) - t0 - t1
        f = BLS12Fp12(c0: t0 + t1.mulByV(), c1: c1)
    }

    /// Π f_{|x|,Q_i}(P_i), conjugated because x < 0; pairs with a point at infinity are skipped.
    static func millerLoop(_ pairs: [(p: BLS12G1, q: BLS12G2)]) -> BLS12Fp12 {
        var ps = [(x: BLS12Fp, y: BLS12Fp)](), qs = [(x: BLS12Fp2, y: BLS12Fp2)]()
        for pair in pairs {
            guard let p = pair.p.affine(), let q = pair.q.affine() else { continue }
            ps.append(p)
            qs.append(q)
        }
        if ps.isEmpty { return .one }
        var ts = qs.map { TwistPoint(x: $0.x, y: $0.y, z: BLS12Fp2.one) }
        var f = BLS12Fp12.one
        var bit = 62  // bit 63 of |x| is the leading one
        while bit >= 0 {
            f = f.squared()
            for i in 0..<ts.count {
                multiply(&f, by: MillerSteps.double(&ts[i], threeB: threeTwistB), px: ps[i].x, py: ps[i].y)
            }
            if (BLS12Curve.x >> UInt64(bit)) & 1 == 1 {
                for i in 0..<ts.count {
                    let line = MillerSteps.add(&ts[i], qx: qs[i].x, qy: qs[i].y, threeB: threeTwistB)
                    multiply(&f, by: line, px: ps[i].x, py: ps[i].y)
                }
            }
            bit -= 1
        }
        return f.conjugate()
    }

    /// f^x for cyclotomic f (x < 0, so the conjugate of f^|x|).
    @inline(__always)
    static func powX(_ f: BLS12Fp12) -> BLS12Fp12 { f.cyclotomicPower(BLS12Curve.x).conjugate() }

    /// f^(3(p¹² − 1)/r): the easy part f^((p⁶ − 1)(p² + 1)), then the hard part through
    /// 3(p⁴ − p² + 1)/r = (x − 1)²(x + p)(x² + p² − 1) + 3 (Hayashida, Hayasaka and Teruya, "Efficient final
    /// exponentiation via cyclotomic structure for pairings over families of elliptic curves", 2020). The
    /// cube of the reduced pairing is a bijection on μ_r, so a product is 1 exactly when its pairing is.
    static func finalExponentiation(_ f: BLS12Fp12) -> BLS12Fp12 {
        var m = f.conjugate() * f.inverse()
        m = m.frobenius().frobenius() * m
        let t = powX(m) * m.conjugate()  // m^(x−1)
        let a = powX(t) * t.conjugate()  // m^((x−1)²)
        let b = powX(a) * a.frobenius()  // a^(x+p)
        let c = powX(powX(b)) * b.frobenius().frobenius() * b.conjugate()  // b^(x²+p²−1)
        return c * m.cyclotomicSquared() * m
    }
}
