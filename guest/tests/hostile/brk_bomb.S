/* brk_bomb.S: grows the break 1 MiB at a time and touches every new page, until brk refuses (returns the
 * old break, the Linux way). Exits 0 after a refusal, 2 if brk returned anything else. With a 32 MiB memory
 * limit the guest gets < 32 MiB and the host stays bounded. */
#include "hostile.h"
START
    li a0, 0
    SYS(RVX_SYS_LINUX_BRK)
    mv s0, a0                 /* s0 = current break */
grow:
    li t0, 0x100000
    add s1, s0, t0            /* s1 = wanted break */
    mv a0, s1
    SYS(RVX_SYS_LINUX_BRK)
    bne a0, s1, refused
    mv t1, s0
touch:
    sw t1, 0(t1)
    li t0, 4096
    add t1, t1, t0
    bltu t1, s1, touch
    mv s0, s1
    j grow
refused:
    bne a0, s0, 1f            /* a refusal returns the unchanged break */
    EXIT(0)
1:  EXIT(2)
