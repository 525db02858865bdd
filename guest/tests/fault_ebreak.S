/* fault_ebreak.S: MUST FAULT. ebreak raises a breakpoint exception, which ends the guest. */
#include "test.h"
    .text
    .globl _start
_start:
    ebreak
    li a0, 0
    li a7, SYS_exit_group
    ecall
