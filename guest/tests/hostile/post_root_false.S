/* post_root_false.S: guest-managed: declares 0xAB × 32 as its post root without computing anything and exits
 * 0; the claim is 0 × 32: false, root mismatch. */
#include "hostile.h"
START
    addi s0, sp, -64
    li t0, 0xabababab
    sw t0, 0(s0); sw t0, 4(s0); sw t0, 8(s0); sw t0, 12(s0)
    sw t0, 16(s0); sw t0, 20(s0); sw t0, 24(s0); sw t0, 28(s0)
    mv a0, s0; SYS(RVX_SYS_POST_ROOT); EXPECT(1, a0, 0)
    EXIT(0)
