/* jump_data.S: jumps into the RW data segment (valid instructions there): instruction fetch fault. */
#include "hostile.h"
START
    la t0, code_in_data
    jr t0
    .data
    .balign 4
code_in_data:
    EXIT(0)
