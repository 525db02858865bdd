/* fault_load_unmapped.S: MUST FAULT. A load from the unmapped gap between the heap and the input region
 * (0x2000_0000, far above the initial break) is a load access fault. */
#include "test.h"
    .text
    .globl _start
_start:
    li t0, 0x20000000
    lw t1, 0(t0)
    li a0, 0
    li a7, SYS_exit_group
    ecall
