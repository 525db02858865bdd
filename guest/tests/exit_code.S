/*
 * exit_code.S: exit (93) terminates with status & 0xff: exit(0x12a) must give status 42 (0x2a).
 */
#include "test.h"
    .text
    .globl _start
_start:
    li a0, 0x12a
    li a7, SYS_exit
    ecall
    li a0, 1                   /* unreachable */
    li a7, SYS_exit_group
    ecall
