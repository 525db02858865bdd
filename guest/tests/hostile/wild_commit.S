/* wild_commit.S: COMMIT and write(3) with wild buffers answer -EFAULT and append nothing (exit n = check n
 * failed); then COMMIT(_start, 8) appends the first two instruction words and the guest exits 0 (true, 8 bytes
 * of output):
 *  1 COMMIT(0, 8)    2 COMMIT(-8, 16)    3 write(3, 0x7FFFFFFC, 8)    4 COMMIT(_start, 8) returns 8 */
#include "hostile.h"
START
    li a0, 0; li a1, 8; SYS(RVX_SYS_COMMIT); EFAULT(1)
    li a0, -8; li a1, 16; SYS(RVX_SYS_COMMIT); EFAULT(2)
    li a0, 3; li a1, 0x7ffffffc; li a2, 8; SYS(RVX_SYS_LINUX_WRITE); EFAULT(3)
    la a0, _start; li a1, 8; SYS(RVX_SYS_COMMIT); EXPECT(4, a0, 8)
    EXIT(0)
