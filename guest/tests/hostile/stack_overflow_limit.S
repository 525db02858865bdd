/* stack_overflow_limit.S: the same push loop under a 16 MiB memory limit: the first touch of a stack page past
 * the limit stops the run with out of memory, at that store (which does not retire). */
#include "hostile.h"
START
1:  addi sp, sp, -2048
    sw zero, 0(sp)
    j 1b
