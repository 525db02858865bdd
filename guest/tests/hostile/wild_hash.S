/* wild_hash.S: hash accelerators with wild buffers answer -EFAULT (exit n = check n failed), then a KECCAK256
 * of a huge length stops with out of cycles before hashing anything (its cost is charged first):
 *  1 KECCAK256(0, 1, sp)              2 KECCAK256(sp, 64, _start)          3 KECCAK256(0x7FFFFFF0, 32, sp)
 *  4 SHA256(-8, 16, sp)               5 SHA256(sp, 8, 0x40000000)          6 KECCAK_F1600(0x40000000)
 *  7 KECCAK_F1600(0x7FFFFF80) (200 bytes past 2 GiB)
 * then KECCAK256(0x10000, 0x7FFF0000, sp): 50 + 200 × ⌈(len + 1) / 136⌉ cycles > the limit. */
#include "hostile.h"
START
    addi s0, sp, -256
    li a0, 0; li a1, 1; mv a2, s0; SYS(RVX_SYS_KECCAK256); EFAULT(1)
    mv a0, s0; li a1, 64; la a2, _start; SYS(RVX_SYS_KECCAK256); EFAULT(2)
    li a0, 0x7ffffff0; li a1, 32; mv a2, s0; SYS(RVX_SYS_KECCAK256); EFAULT(3)
    li a0, -8; li a1, 16; mv a2, s0; SYS(RVX_SYS_SHA256); EFAULT(4)
    mv a0, s0; li a1, 8; li a2, 0x40000000; SYS(RVX_SYS_SHA256); EFAULT(5)
    li a0, 0x40000000; SYS(RVX_SYS_KECCAK_F1600); EFAULT(6)
    li a0, 0x7fffff80; SYS(RVX_SYS_KECCAK_F1600); EFAULT(7)
    li a0, 0x10000; li a1, 0x7fff0000; mv a2, s0; SYS(RVX_SYS_KECCAK256)
    EXIT(3)
