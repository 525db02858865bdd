/* input_read_offsets.S: INPUT_READ of the whole container at huge offsets copies nothing and returns the full
 * size (exit n = check n failed). The buffer is pre-filled with 0x5A bytes and must stay untouched.
 *  1 offset 2^31            2 offset -1 (all ones)        3 offset size (exactly the end)
 *  4 offset size - 1: copies one byte (the last padding byte of the container, 0)
 *  5 buffer untouched after 1-3 */
#include "hostile.h"
START
    addi s0, sp, -64
    li t0, 0x5a5a5a5a
    sw t0, 0(s0)
    li t0, 0x40000000
    lw s1, 16(t0)             /* s1 = total_length from the container header */
    li a0, 0; mv a1, s0; li a2, 4; li a3, 0x80000000; SYS(RVX_SYS_INPUT_READ); EXPECT_REG(1, a0, s1)
    li a0, 0; mv a1, s0; li a2, 4; li a3, -1; SYS(RVX_SYS_INPUT_READ); EXPECT_REG(2, a0, s1)
    li a0, 0; mv a1, s0; li a2, 4; mv a3, s1; SYS(RVX_SYS_INPUT_READ); EXPECT_REG(3, a0, s1)
    lw t0, 0(s0); EXPECT(5, t0, 0x5a5a5a5a)
    li a0, 0; mv a1, s0; li a2, 4; addi a3, s1, -1; SYS(RVX_SYS_INPUT_READ); EXPECT_REG(4, a0, s1)
    lw t0, 0(s0); EXPECT(4, t0, 0x5a5a5a00)
    EXIT(0)
