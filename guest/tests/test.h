/*
 * test.h: macros for the self-checking assembly test programs of guest/tests (no libc, no crt0).
 *
 * A test defines its checks between TEST_BEGIN and TEST_END. Each CHECK sets the current check
 * number; the first failing check exits with that number as the status (so status 0 = pass and
 * status n = check n failed), through exit_group (94). Registers s10/s11/t6 are reserved.
 */
#ifndef RVX_TEST_H
#define RVX_TEST_H

#define SYS_read        63
#define SYS_write       64
#define SYS_exit        93
#define SYS_exit_group  94
#define SYS_brk         214

#if __riscv_xlen == 64
#  define LREG ld
#  define SREG sd
#  define REGBYTES 8
#else
#  define LREG lw
#  define SREG sw
#  define REGBYTES 4
#endif

/* Select a constant by XLEN: X(v32, v64). */
#if __riscv_xlen == 64
#  define X(v32, v64) v64
#else
#  define X(v32, v64) v32
#endif

#define TEST_BEGIN            \
    .text;                    \
    .globl _start;            \
    .type _start, @function;  \
_start:                       \
    li s11, 0;

/*
 * Exit 0 if every check passed. On failure, write "FAIL <n>\n" to stderr and exit with n & 0xff
 * (or 255 when that is 0), so a failure can never look like a pass.
 */
#define TEST_END                   \
    li a0, 0;                      \
    li a7, SYS_exit_group;         \
    ecall;                         \
test_fail:                         \
    addi sp, sp, -32;              \
    addi a1, sp, 31;               \
    li t0, 10;                     \
    sb t0, 0(a1);                  \
    mv t1, s11;                    \
1:  addi a1, a1, -1;               \
    remu t2, t1, t0;               \
    addi t2, t2, '0';              \
    sb t2, 0(a1);                  \
    divu t1, t1, t0;               \
    bnez t1, 1b;                   \
    addi a1, a1, -5;               \
    li t2, 'F'; sb t2, 0(a1);      \
    li t2, 'A'; sb t2, 1(a1);      \
    li t2, 'I'; sb t2, 2(a1);      \
    li t2, 'L'; sb t2, 3(a1);      \
    li t2, ' '; sb t2, 4(a1);      \
    addi a2, sp, 32;               \
    sub a2, a2, a1;                \
    li a0, 2;                      \
    li a7, SYS_write;              \
    ecall;                         \
    andi a0, s11, 0xff;            \
    bnez a0, 2f;                   \
    li a0, 255;                    \
2:  li a7, SYS_exit_group;         \
    ecall;                         \
    .size _start, . - _start;

/* Check number n: register r must equal the constant v (loaded with li, so any XLEN value). */
#define CHECK(n, r, v)  li s11, n; li t6, v; bne r, t6, test_fail;
/* Check number n: registers r1 and r2 are equal. */
#define CHECK_REG(n, r1, r2)  li s11, n; bne r1, r2, test_fail;

/* Check number n: `op rd, a, b` with a, b constants gives v. Uses t0..t2. */
#define TEST_RR(n, op, a, b, v)  li t0, a; li t1, b; op t2, t0, t1; CHECK(n, t2, v)
/* Check number n: `op rd, a, imm` gives v. */
#define TEST_RI(n, op, a, imm, v)  li t0, a; op t2, t0, imm; CHECK(n, t2, v)

#endif
