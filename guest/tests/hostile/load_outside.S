/* load_outside.S: loads 4 bytes at 0x7FFF_FFFE, crossing the end of the guest's 2 GiB (the second half is
 * outside the address space): load access fault, nothing read. */
#include "hostile.h"
START
    li t0, 0x7fffffff
    addi t0, t0, -1
    sw zero, -16(t0)          /* touch the top stack page so only the part beyond 2 GiB is missing */
    lw a0, 0(t0)
    EXIT(0)
