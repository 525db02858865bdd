/* state_uncovered.S: STATE_READ of a key when the container has a non-zero PRE_STATE_ROOT and no witness (the
 * whole state is opaque): the run stops with witness incomplete. */
#include "hostile.h"
START
    addi s0, sp, -64
    mv a0, s0; addi a1, s0, 32; SYS(RVX_SYS_STATE_READ)
    EXIT(0)
