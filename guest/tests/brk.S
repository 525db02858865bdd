/*
 * brk.S: the Linux brk syscall (214) of the rvx guest ABI. brk(0) returns the initial break, at or above
 * the end of the image (_end) and within a page of it; growing by 64 KiB returns the new break and the
 * new memory is zeroed and writable; shrinking works; a request below the initial break fails and
 * returns the current break unchanged.
 */
#include "test.h"
TEST_BEGIN
    li a0, 0
    li a7, SYS_brk
    ecall
    mv s0, a0                   /* s0 = initial break */
    la t0, _end
    li s11, 1
    bltu s0, t0, test_fail      /* break >= _end */
    li t1, 4096
    add t0, t0, t1
    li s11, 2
    bgtu s0, t0, test_fail      /* break <= _end + 4096 */

    li t1, 0x10000
    add s1, s0, t1              /* grow by 64 KiB */
    mv a0, s1
    li a7, SYS_brk
    ecall
    CHECK_REG(3, a0, s1)

    /* the new memory reads as zero and is writable */
    mv t0, s0
    li s11, 4
5:  lw t1, 0(t0)
    bnez t1, test_fail
    sw s11, 0(t0)
    lw t2, 0(t0)
    bne t2, s11, test_fail
    addi t0, t0, 252
    bltu t0, s1, 5b
    li t1, -1
    sb t1, -1(s1)               /* last byte below the break */
    lbu t2, -1(s1)
    CHECK(5, t2, 0xff)

    /* shrink by 32 KiB */
    li t1, 0x8000
    sub s2, s1, t1
    mv a0, s2
    li a7, SYS_brk
    ecall
    CHECK_REG(6, a0, s2)

    /* below the initial break: refused, the break stays where it is */
    li t1, 4096
    sub a0, s0, t1
    li a7, SYS_brk
    ecall
    CHECK_REG(7, a0, s2)

    /* brk(0) reports the current break */
    li a0, 0
    li a7, SYS_brk
    ecall
    CHECK_REG(8, a0, s2)
TEST_END
