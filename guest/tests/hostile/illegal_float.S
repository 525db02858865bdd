/* illegal_float.S: fadd.s f0, f1, f2 (rm = RNE) = 0x00208053 (F extension): illegal instruction. */
#include "hostile.h"
START
    .word 0x00208053
    EXIT(0)
