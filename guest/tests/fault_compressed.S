/* fault_compressed.S: MUST FAULT. A 16-bit RVC instruction (c.nop, 0x0001) is illegal: rvx implements
 * RV32IM/RV64IM without the C extension (qemu is run with -cpu ...,c=false to agree). */
#include "test.h"
    .text
    .globl _start
_start:
    .half 0x0001
    .half 0x0001
    li a0, 0
    li a7, SYS_exit_group
    ecall
