// BigModExp: MODEXP operands longer than the native call's 1024-byte bound (EIP-198 allows them before
// EIP-7823). Leading zero bytes do not change a value, so they are stripped; a base that is still too long
// is reduced modulo the modulus here (base^e ≡ (base mod m)^e mod m), bit by bit; then the native call
// does the rest and the result is left-padded to the modulus length. An exponent or modulus with more
// than 1024 significant bytes is not supported: the guest stops with exit status 7 (its gas cost under
// EIP-2565 is far beyond any test's gas limit for the exponent; for the modulus it is a known limit).

import CRVX
import RVX

enum BigModExp {
    static func modexp(base: [UInt8], exponent: [UInt8], modulus: [UInt8]) -> [UInt8] {
        let m = stripped(modulus)
        let e = stripped(exponent)
        var b = stripped(base)
        var out = [UInt8](repeating: 0, count: modulus.count)
        if m.isEmpty { return out }
        if e.count > 1024 || m.count > 1024 {
            RVX.debugPrint("evm-guest: MODEXP operand with more than 1024 significant bytes\n")
            RVX.exit(7)
        }
        if b.count > 1024 { b = reduce(b, m) }
        var r = [UInt8](repeating: 0, count: m.count)
        let status = b.withUnsafeBufferPointer { bp in
            e.withUnsafeBufferPointer { ep in
                m.withUnsafeBufferPointer { mp in
                    r.withUnsafeMutableBufferPointer { rp in
                        rvx_modexp(bp.baseAddress, bp.count, ep.baseAddress, ep.count, mp.baseAddress, mp.count, rp.baseAddress)
                    }
                }
            }
        }
        if status != 0 { RVX.exit(70) }
        for i in 0..<r.count { out[out.count - r.count + i] = r[i] }
        return out
    }

    static func stripped(_ x: [UInt8]) -> [UInt8] {
        var i = 0
        while i < x.count && x[i] == 0 { i += 1 }
        return Array(x[i...])
    }

    /// x mod m by shift-and-subtract over the bits of x (m non-empty, no leading zero byte).
    static func reduce(_ x: [UInt8], _ m: [UInt8]) -> [UInt8] {
        // Remainder as big-endian bytes of length m.count + 1 (room for one shifted-in bit).
        var r = [UInt8](repeating: 0, count: m.count + 1)
        let mm = [UInt8(0)] + m
        for byte in x {
            for bit in stride(from: 7, through: 0, by: -1) {
                // r = r * 2 + bit
                var carry = UInt8((byte >> UInt8(bit)) & 1)
                for i in stride(from: r.count - 1, through: 0, by: -1) {
                    let v = UInt16(r[i]) << 1 | UInt16(carry)
                    r[i] = UInt8(truncatingIfNeeded: v)
                    carry = UInt8(v >> 8)
                }
                if !less(r, mm) { subtract(&r, mm) }
            }
        }
        return Array(r[1...])
    }

    static func less(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        for i in 0..<a.count where a[i] != b[i] { return a[i] < b[i] }
        return false
    }

    static func subtract(_ a: inout [UInt8], _ b: [UInt8]) {
        var borrow: Int16 = 0
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            var v = Int16(a[i]) - Int16(b[i]) - borrow
            borrow = v < 0 ? 1 : 0
            if v < 0 { v += 256 }
            a[i] = UInt8(v)
        }
    }
}
