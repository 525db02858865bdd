typealias P256Fp = P256Residue<P256BaseModulus>
typealias P256Scalar = P256Residue<P256OrderModulus>

/// secp256r1 (NIST P-256) ECDSA verification in Swift (SEC 1 §4.1.4; EIP-7951 input rules), for the guest
/// without accelerators; the host verifies with swift-crypto (`NativeP256`).
public enum Secp256r1 {
    /// b of y² = x³ − 3x + b (SEC 2 §2.4.2), Montgomery form via the big-endian constant.
    static let bBytes: [UInt8] = [
        0x5a, 0xc6, 0x35, 0xd8, 0xaa, 0x3a, 0x93, 0xe7, 0xb3, 0xeb, 0xbd, 0x55, 0x76, 0x98, 0x86, 0xbc,
        0x65, 0x1d, 0x06, 0xb0, 0xcc, 0x53, 0xb0, 0xf6, 0x3b, 0xce, 0x3c, 0x3e, 0x27, 0xd2, 0x60, 0x4b,
    ]
    /// The base point G (SEC 2 §2.4.2), x ‖ y big-endian.
    static let generatorBytes: [UInt8] = [
        0x6b, 0x17, 0xd1, 0xf2, 0xe1, 0x2c, 0x42, 0x47, 0xf8, 0xbc, 0xe6, 0xe5, 0x63, 0xa4, 0x40, 0xf2,
        0x77, 0x03, 0x7d, 0x81, 0x2d, 0xeb, 0x33, 0xa0, 0xf4, 0xa1, 0x39, 0x45, 0xd8, 0x98, 0xc2, 0x96,
        0x4f, 0xe3, 0x42, 0xe2, 0xfe, 0x1a, 0x7f, 0x9b, 0x8e, 0xe7, 0xeb, 0x4a, 0x7c, 0x0f, 0x9e, 0x16,
        0x2b, 0xce, 0x33, 0x57, 0x6b, 0x31, 0x5e, 0xce, 0xcb, 0xb6, 0x40, 0x68, 0x37, 0xbf, 0x51, 0xf5,
    ]

    /// EIP-7951 verification of 32-byte `hash`, `r`, `s`, `x`, `y`: r, s ∈ [1, n−1]; (x, y) with x, y < p on
    /// the curve (so not the point at infinity); R = [h·s⁻¹]G + [r·s⁻¹]Q not infinity and R.x ≡ r (mod n).
    /// No low-s rule.
    public static func verify(hash: [UInt8], r: [UInt8], s: [UInt8], x: [UInt8], y: [UInt8]) -> Bool {
        guard hash.count == 32, r.count == 32, s.count == 32, x.count == 32, y.count == 32,
              let rn = P256Scalar.fromBigEndian(r, at: 0), !rn.isZero,
              let sn = P256Scalar.fromBigEndian(s, at: 0), !sn.isZero,
              let qx = P256Fp.fromBigEndian(x, at: 0), let qy = P256Fp.fromBigEndian(y, at: 0),
              let b = P256Fp.fromBigEndian(bBytes, at: 0),
              let gx = P256Fp.fromBigEndian(generatorBytes, at: 0), let gy = P256Fp.fromBigEndian(generatorBytes, at: 32)
        else { return false }
        let three = P256Fp.one + P256Fp.one + P256Fp.one
        guard qy.squared() == (qx.squared() - three) * qx + b else { return false }
        let w = sn.inverse()
        let u1 = P256Scalar.reducing(hash, at: 0) * w, u2 = rn * w
        let point = P256Point.shamir(u1.integer, P256Point(x: gx, y: gy, z: .one),
                                     u2.integer, P256Point(x: qx, y: qy, z: .one))
        guard let affineX = point.affineX() else { return false }
        // R.x < p < 2n: reduce once mod n by re-reading its bytes.
        var bytes = [UInt8]()
        let xl = affineX.integer
        for limb in [xl.3, xl.2, xl.1, xl.0] { for i in (0..<8).reversed() { bytes.append(UInt8(truncatingIfNeeded: limb >> (8 * UInt64(i)))) } }
        return P256Scalar.reducing(bytes, at: 0) == rn
    }
}

/// A P-256 point in Jacobian coordinates, with the a = −3 doubling (EFD "dbl-2001-b") and the general
/// addition (EFD "add-2007-bl"); z = 0 is the point at infinity.
struct P256Point {
    var x: P256Fp, y: P256Fp, z: P256Fp

    static var infinity: P256Point { P256Point(x: P256Fp.one, y: P256Fp.one, z: P256Fp.zero) }

    func doubled() -> P256Point {
        if z.isZero || y.isZero { return .infinity }
        let delta = z.squared(), gamma = y.squared(), beta = x * gamma
        let t = (x - delta) * (x + delta)
        let alpha = t + t.doubled()
        let beta4 = beta.doubled().doubled()
        let x3 = alpha.squared() - beta4.doubled()
        let z3 = (y + z).squared() - gamma - delta
        let y3 = alpha * (beta4 - x3) - gamma.squared().doubled().doubled().doubled()
        return P256Point(x: x3, y: y3, z: z3)
    }

    static func + (p: P256Point, q: P256Point) -> P256Point {
        if p.z.isZero { return q }
        if q.z.isZero { return p }
        let z1z1 = p.z.squared(), z2z2 = q.z.squared()
        let u1 = p.x * z2z2, u2 = q.x * z1z1
        let s1 = p.y * q.z * z2z2, s2 = q.y * p.z * z1z1
        let h = u2 - u1, rr = (s2 - s1).doubled()
        if h.isZero { return rr.isZero ? p.doubled() : .infinity }
        let i = h.doubled().squared(), j = h * i, v = u1 * i
        let x3 = rr.squared() - j - v.doubled()
        let y3 = rr * (v - x3) - (s1 * j).doubled()
        let z3 = ((p.z + q.z).squared() - z1z1 - z2z2) * h
        return P256Point(x: x3, y: y3, z: z3)
    }

    /// [a]P + [b]Q by one double-and-add pass over both scalars (Shamir's trick).
    static func shamir(_ a: (UInt64, UInt64, UInt64, UInt64), _ p: P256Point,
                       _ b: (UInt64, UInt64, UInt64, UInt64), _ q: P256Point) -> P256Point {
        let pq = p + q
        var acc = P256Point.infinity
        let al = [a.3, a.2, a.1, a.0], bl = [b.3, b.2, b.1, b.0]
        for limb in 0..<4 {
            for bit in (0..<64).reversed() {
                acc = acc.doubled()
                switch ((al[limb] >> UInt64(bit)) & 1, (bl[limb] >> UInt64(bit)) & 1) {
                case (1, 1): acc = acc + pq
                case (1, 0): acc = acc + p
                case (0, 1): acc = acc + q
                default: break
                }
            }
        }
        return acc
    }

    func affineX() -> P256Fp? { z.isZero ? nil : x * z.squared().inverse() }
}
