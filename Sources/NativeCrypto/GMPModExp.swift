import CGMP

/// Big-integer modular exponentiation for the MODEXP precompile (EIP-198), through GMP's `mpz_powm`.
public enum GMPModExp {
    /// base ^ exponent mod modulus, all big-endian of any length, with EIP-198's edge cases: the result
    /// is left-padded to `modulus.count` bytes; modulus 0 (any length, all zero bytes) gives all zeros;
    /// modulus 1 gives zeros; exponent 0 gives 1 mod modulus (so 0^0 = 1). Bounding the operand sizes
    /// (and hence time and memory) is the caller's job, through gas.
    public static func modexp(base: [UInt8], exponent: [UInt8], modulus: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: modulus.count)
        guard modulus.contains(where: { $0 != 0 }) else { return out }

        var b = __mpz_struct(), e = __mpz_struct(), m = __mpz_struct(), r = __mpz_struct()
        __gmpz_init(&b); __gmpz_init(&e); __gmpz_init(&m); __gmpz_init(&r)
        defer { __gmpz_clear(&b); __gmpz_clear(&e); __gmpz_clear(&m); __gmpz_clear(&r) }
        load(&b, base)
        load(&e, exponent)
        load(&m, modulus)
        __gmpz_powm(&r, &b, &e, &m)  // m > 0 here; r is in [0, m), so 1^anything mod 1 is 0.

        guard r._mp_size != 0 else { return out }
        let byteCount = (__gmpz_sizeinbase(&r, 2) + 7) / 8
        guard byteCount <= out.count else { return out }  // unreachable: r < m
        var written = 0
        let offset = out.count - byteCount
        out.withUnsafeMutableBytes { buffer in
            guard let start = buffer.baseAddress else { return }
            _ = __gmpz_export(start + offset, &written, 1, 1, 1, 0, &r)
        }
        return out
    }

    private static func load(_ z: inout __mpz_struct, _ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }  // mpz_init already set z to 0
        bytes.withUnsafeBytes { buffer in
            __gmpz_import(&z, buffer.count, 1, 1, 1, 0, buffer.baseAddress)
        }
    }
}
