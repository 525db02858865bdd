/*
 * initial_stack.S: the rvx initial process frame (rvx guest ABI): sp is 16-byte aligned and just below
 * the stack top 0x7FFF_FFF0, sp -> argc = 0, argv[0] = NULL, envp[0] = NULL, auxv[0] = AT_NULL (0);
 * every other integer register is zero. rvx-specific: qemu passes argv[0] and auxv, so it is not compared.
 */
#include "test.h"
    .text
    .globl _start
_start:
    /* registers other than sp (and gp/tp, which the ABI does not set) start at zero */
    li s11, 1
    bnez ra, test_fail
    bnez a0, test_fail
    bnez a1, test_fail
    bnez a7, test_fail
    bnez s0, test_fail
    bnez t0, test_fail
    bnez t6, test_fail
    li s11, 0
    andi t0, sp, 15
    CHECK(2, t0, 0)
    li t0, 0x7ffffff0
    li s11, 3
    bgtu sp, t0, test_fail
    li t1, 4096
    sub t0, t0, t1
    li s11, 4
    bltu sp, t0, test_fail
    LREG t0, 0(sp)
    CHECK(5, t0, 0)                 /* argc */
    LREG t0, REGBYTES(sp)
    CHECK(6, t0, 0)                 /* argv[0] */
    LREG t0, 2*REGBYTES(sp)
    CHECK(7, t0, 0)                 /* envp[0] */
    LREG t0, 3*REGBYTES(sp)
    CHECK(8, t0, 0)                 /* auxv[0].a_type = AT_NULL */
    /* the stack below sp is writable */
    li t1, -4096
    add t0, sp, t1
    SREG sp, 0(t0)
    LREG t2, 0(t0)
    CHECK_REG(9, t2, sp)
TEST_END
