/// EIP-2537 BLS12_G1MSM and BLS12_G2MSM (§"ABI for G1 MSM", §"ABI for G2 MSM"): k ≥ 1 pairs of a
/// subgroup-checked point and a 32-byte scalar, summed Σ [s_i]P_i by Pippenger's bucket method.
enum BLS12MSM {
    static func g1(_ input: [UInt8]) -> BLS12G1? {
        let pairSize = BLS12Codec.g1Size + BLS12Codec.scalarSize
        guard !input.isEmpty, input.count % pairSize == 0 else { return nil }
        var terms = [(x: BLS12Fp, y: BLS12Fp, scalar: Scalar)]()
        terms.reserveCapacity(input.count / pairSize)
        var offset = 0
        while offset < input.count {
            guard let point = BLS12Codec.decodeG1(input, at: offset, subgroupCheck: true) else { return nil }
            let scalar = Scalar(BLS12Codec.decodeScalar(input, at: offset + BLS12Codec.g1Size))
            if let (x, y) = point.affine(), !scalar.isZero { terms.append((x, y, scalar)) }
            offset += pairSize
        }
        return sum(terms)
    }

    static func g2(_ input: [UInt8]) -> BLS12G2? {
        let pairSize = BLS12Codec.g2Size + BLS12Codec.scalarSize
        guard !input.isEmpty, input.count % pairSize == 0 else { return nil }
        var terms = [(x: BLS12Fp2, y: BLS12Fp2, scalar: Scalar)]()
        terms.reserveCapacity(input.count / pairSize)
        var offset = 0
        while offset < input.count {
            guard let point = BLS12Codec.decodeG2(input, at: offset, subgroupCheck: true) else { return nil }
            let scalar = Scalar(BLS12Codec.decodeScalar(input, at: offset + BLS12Codec.g2Size))
            if let (x, y) = point.affine(), !scalar.isZero { terms.append((x, y, scalar)) }
            offset += pairSize
        }
        return sum(terms)
    }

    /// A 256-bit scalar as little-endian limbs.
    struct Scalar {
        var limbs: (UInt64, UInt64, UInt64, UInt64)
        init(_ limbs: (UInt64, UInt64, UInt64, UInt64)) { self.limbs = limbs }
        var isZero: Bool { (limbs.0 | limbs.1 | limbs.2 | limbs.3) == 0 }

        /// The `width` bits starting at bit `offset` (width ≤ 16).
        @inline(__always)
        func window(at offset: Int, width: Int) -> Int {
            let limb = offset >> 6, shift = UInt64(offset & 63)
            var v = word(limb) >> shift
            if shift != 0 && Int(shift) + width > 64 { v |= word(limb + 1) << (64 - shift) }
            return Int(truncatingIfNeeded: v & ((1 << UInt64(width)) - 1))
        }

        @inline(__always)
        private func word(_ i: Int) -> UInt64 {
            switch i {
            case 0: return limbs.0
            case 1: return limbs.1
            case 2: return limbs.2
            case 3: return limbs.3
            default: return 0
            }
        }
    }

    /// The window width for n terms (about log₂ n, the usual Pippenger optimum).
    static func windowWidth(_ n: Int) -> Int {
        if n < 4 { return 2 }
        let log2n = Int.bitWidth - n.leadingZeroBitCount - 1
        return min(log2n + 1, 16)
    }

    /// Σ [s_i]P_i over affine P_i. Windows of c bits from the top: acc ← 2^c·acc + Σ_d d·B_d, where
    /// bucket B_d holds the points whose current digit is d, summed by the running-sum trick.
    static func sum<F>(_ terms: [(x: F, y: F, scalar: Scalar)]) -> JacobianPoint<F> {
        if terms.isEmpty { return .infinity }
        if terms.count == 1 {
            return JacobianPoint(affineX: terms[0].x, affineY: terms[0].y).multiplied(byLimbs: terms[0].scalar.limbs)
        }
        let c = windowWidth(terms.count)
        var buckets = [JacobianPoint<F>](repeating: .infinity, count: 1 << c)
        var acc = JacobianPoint<F>.infinity
        var window = (256 + c - 1) / c - 1
        while window >= 0 {
            for _ in 0..<c { acc = acc.doubled() }
            for i in 1..<buckets.count { buckets[i] = .infinity }
            for term in terms {
                let d = term.scalar.window(at: window * c, width: c)
                if d != 0 { buckets[d] = buckets[d].adding(affineX: term.x, affineY: term.y) }
            }
            var running = JacobianPoint<F>.infinity, windowSum = JacobianPoint<F>.infinity
            for d in stride(from: buckets.count - 1, through: 1, by: -1) {
                running = running + buckets[d]
                windowSum = windowSum + running
            }
            acc = acc + windowSum
            window -= 1
        }
        return acc
    }
}
