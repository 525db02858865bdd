/* ecall_unknown_loop.S: an unknown syscall number in a loop; every call must answer -ENOSYS (else exit 1).
 * Out of cycles. */
#include "hostile.h"
START
1:  li a7, 0x7777
    ecall
    EXPECT(1, a0, -RVX_ENOSYS)
    j 1b
