/* fault_store_input.S: MUST FAULT. The input region at 0x4000_0000 is read-only (or, with no input,
 * unmapped): a store there is a store access fault. */
#include "test.h"
    .text
    .globl _start
_start:
    li t0, 0x40000000
    sw t0, 0(t0)
    li a0, 0
    li a7, SYS_exit_group
    ecall
