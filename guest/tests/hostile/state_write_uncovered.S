/* state_write_uncovered.S: STATE_WRITE (a deletion: value pointer 0) of a key the witness does not cover:
 * witness incomplete. */
#include "hostile.h"
START
    addi s0, sp, -64
    mv a0, s0; li a1, 0; SYS(RVX_SYS_STATE_WRITE)
    EXIT(0)
