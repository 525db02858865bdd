/* debug_flood.S: DEBUG_PRINT of 4 KiB in a loop: debug output is capped (64 KiB kept, the rest dropped) and
 * never stops the run; it ends out of cycles. */
#include "hostile.h"
START
    li s0, 0x10000
    li s1, 4096
1:  mv a0, s0; mv a1, s1; SYS(RVX_SYS_DEBUG_PRINT)
    j 1b
