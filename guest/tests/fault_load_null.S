/* fault_load_null.S: MUST FAULT. A load from page 0 (below the image at 0x10000) is a load access fault. */
#include "test.h"
    .text
    .globl _start
_start:
    li t0, 0x100
    lw t1, 0(t0)
    li a0, 0
    li a7, SYS_exit_group
    ecall
