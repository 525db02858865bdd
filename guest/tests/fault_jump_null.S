/* fault_jump_null.S: MUST FAULT. Jumping to address 0 (unmapped) is an instruction fetch fault. */
#include "test.h"
    .text
    .globl _start
_start:
    li t0, 0
    jalr ra, 0(t0)
    li a0, 0
    li a7, SYS_exit_group
    ecall
