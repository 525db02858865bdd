/* post_root_twice.S: guest-managed: POST_ROOT twice (the same zero root): the second call stops the run with
 * post root declared twice, even though the root would match the claim. */
#include "hostile.h"
START
    addi s0, sp, -64
    mv a0, s0; SYS(RVX_SYS_POST_ROOT); EXPECT(1, a0, 0)
    mv a0, s0; SYS(RVX_SYS_POST_ROOT)
    EXIT(0)
