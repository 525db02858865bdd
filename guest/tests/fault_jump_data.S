/* fault_jump_data.S: MUST FAULT. Jumping into the RW data segment is an instruction fetch fault (W^X),
 * even though the bytes there are valid instructions that would exit with status 0. */
#include "test.h"
    .text
    .globl _start
_start:
    la t0, code_in_data
    jr t0
    .data
    .balign 4
code_in_data:
    li a0, 0
    li a7, SYS_exit_group
    ecall
