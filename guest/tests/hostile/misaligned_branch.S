/* misaligned_branch.S: beq x0, x0, +6 (hand-encoded, 0x00000363): a taken branch to a target that is 2 mod 4
 * is a misaligned fetch at the branch. */
#include "hostile.h"
START
    .word 0x00000363
    EXIT(0)
    EXIT(0)
