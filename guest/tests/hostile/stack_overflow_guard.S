/* stack_overflow_guard.S: pushes 2 KiB frames until it leaves the 256 MiB stack. With a 512 MiB memory limit
 * every stack page fits, so the first store below 0x7000_0000 is a store access fault. */
#include "hostile.h"
START
1:  addi sp, sp, -2048
    sw zero, 0(sp)
    j 1b
