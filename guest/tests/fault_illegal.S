/* fault_illegal.S: MUST FAULT. The all-zero word is an illegal instruction (unprivileged ISA: "defined
 * to be illegal"). The code before it writes "before\n" so the runner can see the fault is not early. */
#include "test.h"
    .text
    .globl _start
_start:
    li a0, 1
    la a1, msg
    li a2, 7
    li a7, SYS_write
    ecall
    .word 0x00000000
    li a0, 0
    li a7, SYS_exit_group
    ecall
    .section .rodata
msg: .ascii "before\n"
