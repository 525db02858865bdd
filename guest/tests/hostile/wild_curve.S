/* wild_curve.S: the curve and hash accelerators with wild pointers, wrong lengths and malformed inputs
 * (exit n = check n failed). s0 is a zero-filled stack buffer 4 KiB below sp.
 *  1 RIPEMD160(data = 0, len 5, out = s0)                         -EFAULT
 *  2 BN254_G1_ADD(p1 = -32 wrapping, p2 = s0, out = s0)           -EFAULT
 *  3 BN254_G1_ADD(∞, ∞, out = _start, read-only text)             -EFAULT
 *  4 BN254_PAIRING(n = 0)                                          0 (the empty product holds, EIP-197)
 *  5 BLAKE2F(rounds 1, h = 0)                                     -EFAULT
 *  6 BLAKE2F(rounds 0, f = 2)                                     -1 (status ERROR)
 *  7 KZG_POINT_EVAL(all-zero commitment and proof)                -1 (no compression flag: malformed)
 *  8 SECP256R1_VERIFY(public key (0, 0), the point at infinity)   -1 (malformed key)
 *  9 BLS12_G1_ADD(len 255)                                        -1 (EIP-2537 wants 256)
 * 10 BLS12_G1_ADD(∞ + ∞, len 256, out = s0)                        0 (the sum is ∞)
 * 11 BLS12_PAIRING(len 2^31 - 1): its per-pair cost is charged before the input is read, so the run ends
 *    out of cycles at the limit; a return is a failure (exit 11). */
#include "hostile.h"
START
    li t0, 4096
    sub s0, sp, t0
    li a0, 0; li a1, 5; mv a2, s0; SYS(RVX_SYS_RIPEMD160); EFAULT(1)
    li a0, -32; mv a1, s0; mv a2, s0; SYS(RVX_SYS_BN254_G1_ADD); EFAULT(2)
    mv a0, s0; mv a1, s0; la a2, _start; SYS(RVX_SYS_BN254_G1_ADD); EFAULT(3)
    mv a0, s0; li a1, 0; SYS(RVX_SYS_BN254_PAIRING); EXPECT(4, a0, 0)
    li a0, 1; li a1, 0; mv a2, s0; mv a3, s0; li a4, 0; SYS(RVX_SYS_BLAKE2F); EFAULT(5)
    li a0, 0; mv a1, s0; mv a2, s0; mv a3, s0; li a4, 2; SYS(RVX_SYS_BLAKE2F); EXPECT(6, a0, -1)
    mv a0, s0; mv a1, s0; mv a2, s0; mv a3, s0; SYS(RVX_SYS_KZG_POINT_EVAL); EXPECT(7, a0, -1)
    mv a0, s0; mv a1, s0; mv a2, s0; SYS(RVX_SYS_SECP256R1_VERIFY); EXPECT(8, a0, -1)
    mv a0, s0; li a1, 255; mv a2, s0; SYS(RVX_SYS_BLS12_G1_ADD); EXPECT(9, a0, -1)
    mv a0, s0; li a1, 256; mv a2, s0; SYS(RVX_SYS_BLS12_G1_ADD); EXPECT(10, a0, 0)
    mv a0, s0; li a1, 0x7fffffff; SYS(RVX_SYS_BLS12_PAIRING)
    EXIT(11)
