/* ecall_loop.S: a tight loop of CYCLE_COUNT ecalls (each 1 cycle + 50 base). Out of cycles. */
#include "hostile.h"
START
    li a7, RVX_SYS_CYCLE_COUNT
1:  ecall
    j 1b
