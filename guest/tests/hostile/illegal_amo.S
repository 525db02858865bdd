/* illegal_amo.S: amoadd.w a0, a1, (a2) = 0x00b6252f (A extension): illegal instruction. */
#include "hostile.h"
START
    mv a2, sp
    .word 0x00b6252f
    EXIT(0)
