/* commit_huge.S: one COMMIT of 1 MiB + 1 bytes (more than the cap, from a buffer that is mostly unmapped):
 * output limit exceeded at once, before any byte is read. */
#include "hostile.h"
START
    li a0, 0x10000; li a1, 0x100001; SYS(RVX_SYS_COMMIT)
    EXIT(0)
