/* wild_input_read.S: INPUT_READ / INPUT_MAP with wild arguments (exit n = check n failed):
 *  1 INPUT_READ(0, buf = 0, 16, 0)            -EFAULT (guard page)
 *  2 INPUT_READ(0, _start, 16, 0)             -EFAULT (code is not writable)
 *  3 INPUT_READ(0, -8, 16, 0)                 -EFAULT (wraps)
 *  4 INPUT_READ(0, 0x40000000, 16, 0)         -EFAULT (the input itself is read-only)
 *  5 INPUT_READ(9, sp, 16, 0)                 -ENOENT (unknown kind)
 *  6 INPUT_READ(0, 0, 0, 0)                   container size (zero-length buffer, any pointer)
 *  7 INPUT_MAP(0x10000)                       -ENOENT
 *  8 INPUT_READ(0, 0x7FFFFFF8, 16, 0)         -EFAULT (past the end of the address space) */
#include "hostile.h"
START
    li a0, 0; li a1, 0; li a2, 16; li a3, 0; SYS(RVX_SYS_INPUT_READ); EFAULT(1)
    li a0, 0; la a1, _start; li a2, 16; li a3, 0; SYS(RVX_SYS_INPUT_READ); EFAULT(2)
    li a0, 0; li a1, -8; li a2, 16; li a3, 0; SYS(RVX_SYS_INPUT_READ); EFAULT(3)
    li a0, 0; li a1, 0x40000000; li a2, 16; li a3, 0; SYS(RVX_SYS_INPUT_READ); EFAULT(4)
    li a0, 9; addi a1, sp, -64; li a2, 16; li a3, 0; SYS(RVX_SYS_INPUT_READ); EXPECT(5, a0, -RVX_ENOENT)
    li a0, 0; li a1, 0; li a2, 0; li a3, 0; SYS(RVX_SYS_INPUT_READ)
    li t0, 0x40000000; lw t0, 16(t0); EXPECT_REG(6, a0, t0)
    li a0, 0x10000; SYS(RVX_SYS_INPUT_MAP); EXPECT(7, a0, -RVX_ENOENT)
    li a0, 0; li a1, 0x7ffffff8; li a2, 16; li a3, 0; SYS(RVX_SYS_INPUT_READ); EFAULT(8)
    EXIT(0)
