/* load_unmapped.S: loads from 0x2000_0000, in the unmapped heap range above the break: load access fault. */
#include "hostile.h"
START
    li t0, 0x20000000
    lw a0, 0(t0)
    EXIT(0)
