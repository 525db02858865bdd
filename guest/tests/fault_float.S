/* fault_float.S: MUST FAULT. An F-extension instruction (fadd.s f0, f0, f0 = 0x00007053) is illegal:
 * rvx guests are soft-float (qemu is run with f=false,d=false to agree). */
#include "test.h"
    .text
    .globl _start
_start:
    .word 0x00007053
    li a0, 0
    li a7, SYS_exit_group
    ecall
