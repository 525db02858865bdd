/* fault_store_null.S: MUST FAULT. A store to address 8 (page 0) is a store access fault. */
#include "test.h"
    .text
    .globl _start
_start:
    li t1, 1
    sw t1, 8(zero)
    li a0, 0
    li a7, SYS_exit_group
    ecall
