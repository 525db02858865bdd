/*
 * base.S: self-checking RV32I/RV64I integer checks (unprivileged ISA, "RV32I Base Integer Instruction
 * Set" and "RV64I"): x0 is hard-wired to zero, shift amounts use only the low log2(XLEN) bits, slt/sltu,
 * lui/auipc sign extension, jal/jalr link values and jalr clearing bit 0, branches, fence as a no-op,
 * and on RV64 the *W forms (addiw/addw/subw/sllw/srlw/sraw/slliw/srliw/sraiw) sign-extending bit 31.
 * Expected values are computed by hand from the spec.
 */
#include "test.h"
TEST_BEGIN
    /* x0 */
    li t0, 5
    add x0, t0, t0
    addi x0, x0, 7
    CHECK(1, x0, 0)
    la t1, scratch
    lw x0, 0(t1)
    CHECK(2, x0, 0)

    /* add/sub wrap-around */
    TEST_RR(3, add, -1, 1, 0)
    TEST_RR(4, sub, 0, 1, -1)
    TEST_RR(5, add, X(0x7fffffff, 0x7fffffffffffffff), 1, X(0x80000000, 0x8000000000000000))

    /* shifts: only the low 5 (RV32) or 6 (RV64) bits of rs2 count */
    TEST_RR(6, sll, 1, X(33, 65), 2)
    TEST_RR(7, srl, -1, X(31, 63), 1)
    TEST_RR(8, sra, X(0x80000000, 0x8000000000000000), X(31, 63), -1)
    TEST_RR(9, srl, X(0x80000000, 0x8000000000000000), X(32 + 31, 64 + 63), 1)
    TEST_RI(10, srai, -16, 2, -4)
    TEST_RI(11, srli, -16, 2, X(0x3ffffffc, 0x3ffffffffffffffc))
    TEST_RI(12, slli, 3, X(31, 63), X(0x80000000, 0x8000000000000000))

    /* comparisons */
    TEST_RR(13, slt, -1, 1, 1)
    TEST_RR(14, sltu, -1, 1, 0)
    TEST_RI(15, slti, -5, -4, 1)
    TEST_RI(16, sltiu, 5, -1, 1)          /* -1 sign-extends to the largest unsigned value */
    TEST_RI(17, sltiu, 0, 1, 1)           /* seqz */
    TEST_RI(18, xori, 0x0f0, -1, ~0x0f0)
    TEST_RI(19, andi, -1, -2048, -2048)
    TEST_RI(20, ori, 0, 0x7ff, 0x7ff)

    /* lui / auipc: on RV64 the 32-bit result is sign-extended */
    lui t2, 0x80000
    CHECK(21, t2, X(0x80000000, 0xffffffff80000000))
    lui t2, 0x12345
    CHECK(22, t2, 0x12345000)
1:  auipc t2, 0
    la t1, 1b
    CHECK_REG(23, t2, t1)
14: auipc t2, 0x1
    la t1, 14b
    li t0, 0x1000
    add t1, t1, t0
    CHECK_REG(24, t2, t1)

    /* jal/jalr: link = pc + 4; jalr clears bit 0 of the target */
    jal ra, 2f
3:  j 4f
2:  la t1, 3b
    CHECK_REG(25, ra, t1)
    la t0, 5f
    addi t0, t0, 1          /* odd target: bit 0 is ignored */
    jalr t2, 0(t0)
6:  j 7f
5:  la t1, 6b
    CHECK_REG(26, t2, t1)
    jr t2
4:  li s11, 27
    j test_fail             /* must not get here before 5f ran */
7:
    /* jalr with rd == rs1 uses the old rs1 value */
    la t0, 8f
    jalr t0, 0(t0)
9:  j 10f
8:  la t1, 9b
    CHECK_REG(28, t0, t1)
    jr t0
10:
    /* branches, both directions, signed/unsigned */
    li t0, -1
    li t1, 1
    li s11, 29
    bge t0, t1, test_fail
    bltu t0, t1, test_fail
    blt t0, t1, 11f
    j test_fail
11: bgeu t0, t1, 12f
    j test_fail
12: beq t0, t0, 13f
    j test_fail
13: bne t0, t0, test_fail
    fence
    fence rw, rw

#if __riscv_xlen == 64
    /* RV64 *W forms: operate on the low 32 bits, sign-extend the 32-bit result */
    TEST_RI(40, addiw, 0x7fffffff, 1, 0xffffffff80000000)
    TEST_RI(41, addiw, 0xffffffff00000001, -2, -1)
    TEST_RR(42, addw, 0x123456780000ffff, 1, 0x10000)
    TEST_RR(43, subw, 0, 0x180000000, 0xffffffff80000000)
    TEST_RR(44, sllw, 1, 31, 0xffffffff80000000)
    TEST_RR(45, sllw, 1, 33, 2)                      /* shamt is rs2[4:0] */
    TEST_RR(46, srlw, 0xffffffff80000000, 31, 1)
    TEST_RR(47, srlw, 0x00000000ffffffff, 0, -1)     /* srlw by 0 still sign-extends */
    TEST_RR(48, sraw, 0x0000000080000000, 4, 0xfffffffff8000000)
    TEST_RI(49, slliw, 0x40000000, 1, 0xffffffff80000000)
    TEST_RI(50, srliw, 0xfedcba9880000000, 0, 0xffffffff80000000)
    TEST_RI(51, srliw, 0xfedcba9880000000, 1, 0x40000000)
    TEST_RI(52, sraiw, 0x1234567880000000, 31, -1)
    TEST_RI(53, addiw, 0x1234567800000005, 0, 5)     /* sext.w */
#endif
TEST_END

    .data
scratch: .word 0x12345678
