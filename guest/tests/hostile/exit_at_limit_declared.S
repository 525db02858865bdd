/* exit_at_limit_declared.S: guest-managed: declares the (correct, zero) post root, then exits 0 with an ecall
 * that retires exactly at the cycle limit (58 instructions and syscall costs so far = 58). The exit's base cost
 * passes the limit, so the exit must not happen: false, out of cycles — never true beyond the budget. */
#include "hostile.h"
START
    addi s0, sp, -64
    mv a0, s0
    SYS(RVX_SYS_POST_ROOT)
    li a0, 0
    li a7, RVX_SYS_LINUX_EXIT_GROUP
    ecall
