/* exit_at_limit.S: four instructions, the last an exit_group(0) ecall, run with a cycle limit of 4: the ecall
 * retires as the 4th cycle, then its base cost (50) passes the limit, so the exit must not happen: out of cycles
 * (docs/ABI.md §5, costs are charged before the work). */
#include "hostile.h"
START
    li a0, 0
    li a7, RVX_SYS_LINUX_EXIT_GROUP
    nop
    ecall
