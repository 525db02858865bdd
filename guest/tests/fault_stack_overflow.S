/* fault_stack_overflow.S: MUST FAULT. A store just below the 256 MiB stack
 * (0x7FFF_FFF0 - 256 MiB - 4096) is a store access fault. rvx-specific addresses. */
#include "test.h"
    .text
    .globl _start
_start:
    li t0, 0x7ffffff0 - 0x10000000 - 4096
    sw t0, 0(t0)
    li a0, 0
    li a7, SYS_exit_group
    ecall
