/* fault_misaligned_jump.S: MUST FAULT. Without the C extension a jump target must be 4-byte aligned;
 * jalr to an address that is 2 mod 4 raises instruction-address-misaligned. */
#include "test.h"
    .text
    .globl _start
_start:
    la t0, 1f
    addi t0, t0, 2
    jalr ra, 0(t0)
1:  li a0, 0
    li a7, SYS_exit_group
    ecall
    li a0, 0
    li a7, SYS_exit_group
    ecall
