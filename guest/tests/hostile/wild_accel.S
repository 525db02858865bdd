/* wild_accel.S: the other accelerators and DEBUG_PRINT with wild arguments (exit n = check n failed):
 *  1 SECP256K1_ECRECOVER(hash = sp, sig = 0, 0, out = sp)   -EFAULT
 *  2 SECP256K1_VERIFY(sp, sp, pubkey = -32 wrapping)        -EFAULT
 *  3 MODEXP(base_len = 1025) on stack memory                0: no length cap (the EVM applies EIP-7823);
 *    charged 10 x EIP-2565 gas = 10 x floor(ceil(1025/8)^2 x 1 / 3) = 55,470 cycles
 *  4 MODEXP(mod = 0x7FFFFFF0, mod_len 32, out = sp)          -EFAULT
 *  5 U256_MULMOD(sp, sp, sp, out = _start)                   -EFAULT
 *  6 DEBUG_PRINT(0, 5)                                       -EFAULT
 *  7 DEBUG_PRINT(-4, 8)                                      -EFAULT
 *  8 SECP256K1_ECRECOVER with recid 7 on valid buffers       -1 (status ERROR) */
#include "hostile.h"
START
    addi s0, sp, -512
    mv a0, s0; li a1, 0; li a2, 0; mv a3, s0; SYS(RVX_SYS_SECP256K1_ECRECOVER); EFAULT(1)
    mv a0, s0; mv a1, s0; li a2, -32; SYS(RVX_SYS_SECP256K1_VERIFY); EFAULT(2)
    addi a0, sp, -1600; li a1, 1025; mv a2, s0; li a3, 1; mv a4, s0; li a5, 1; mv a6, s0; SYS(RVX_SYS_MODEXP); EXPECT(3, a0, 0)
    mv a0, s0; li a1, 1; mv a2, s0; li a3, 1; li a4, 0x7ffffff0; li a5, 32; mv a6, s0; SYS(RVX_SYS_MODEXP); EFAULT(4)
    mv a0, s0; mv a1, s0; mv a2, s0; la a3, _start; SYS(RVX_SYS_U256_MULMOD); EFAULT(5)
    li a0, 0; li a1, 5; SYS(RVX_SYS_DEBUG_PRINT); EFAULT(6)
    li a0, -4; li a1, 8; SYS(RVX_SYS_DEBUG_PRINT); EFAULT(7)
    mv a0, s0; mv a1, s0; li a2, 7; mv a3, s0; SYS(RVX_SYS_SECP256K1_ECRECOVER); EXPECT(8, a0, -1)
    EXIT(0)
