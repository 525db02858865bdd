/* fault_store_text.S: MUST FAULT. A store into the RX text segment is a store access fault (W^X). */
#include "test.h"
    .text
    .globl _start
_start:
    la t0, _start
    li t1, 0x13
    sw t1, 0(t0)
    li a0, 0
    li a7, SYS_exit_group
    ecall
