/*
 * hostile.h: macros for the adversarial assembly guests of guest/tests/hostile (no libc, no crt0).
 * Syscall numbers come from the generated ABI header. t5/t6 are scratch for the macros.
 */
#ifndef RVX_HOSTILE_H
#define RVX_HOSTILE_H
#include "rvx/syscalls.h"

#if __riscv_xlen == 64
#  define LREG ld
#  define SREG sd
#else
#  define LREG lw
#  define SREG sw
#endif

#define START        .text; .globl _start; .type _start, @function; _start:
/* exit_group(code) */
#define EXIT(code)   li a0, code; li a7, RVX_SYS_LINUX_EXIT_GROUP; ecall
/* ecall number n */
#define SYS(n)       li a7, n; ecall
/* If register r differs from the constant v, exit with status n (so status n names the failed check). */
#define EXPECT(n, r, v)  li t6, v; beq r, t6, 9f; li a0, n; li a7, RVX_SYS_LINUX_EXIT_GROUP; ecall; 9:
/* Check n: the last call returned -EFAULT. */
#define EXPECT_REG(n, r, s)  beq r, s, 9f; li a0, n; li a7, RVX_SYS_LINUX_EXIT_GROUP; ecall; 9:
#define EFAULT(n)    EXPECT(n, a0, -RVX_EFAULT)
#endif
