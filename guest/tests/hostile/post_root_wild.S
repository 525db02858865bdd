/* post_root_wild.S: guest-managed: POST_ROOT with a pointer whose 32 bytes wrap around (-16) answers -EFAULT
 * and declares nothing; the guest then exits 0: false, root not declared. */
#include "hostile.h"
START
    li a0, -16; SYS(RVX_SYS_POST_ROOT); EFAULT(1)
    li a0, 0x7ffffff0; SYS(RVX_SYS_POST_ROOT); EFAULT(2)
    EXIT(0)
