/* commit_cap.S: COMMIT of 4 KiB from the code page, over and over: the 257th call would pass the 1 MiB
 * output cap and stops the run with output limit exceeded (after 256 × 4 KiB were accepted). */
#include "hostile.h"
START
    li s0, 0x10000
    li s1, 4096
1:  mv a0, s0; mv a1, s1; SYS(RVX_SYS_COMMIT)
    j 1b
