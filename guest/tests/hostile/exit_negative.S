/* exit_negative.S: exit(-1) through the plain exit call (93): non-zero exit -1 (the register value,
 * sign-extended on RV32). */
#include "hostile.h"
START
    li a0, -1
    SYS(RVX_SYS_LINUX_EXIT)
