/* wild_state.S: runtime-managed state calls with wild pointers answer -EFAULT (exit n = check n failed):
 *  1 STATE_READ(key = 0, value = sp)            2 STATE_READ(key = sp, value = 0x40000000 read-only)
 *  3 STATE_WRITE(key = -16 wrapping, value = sp) 4 STATE_WRITE(key = sp, value = 0x7FFFFFF0, past 2 GiB)
 *  5 STATE_ROOT(out = _start, code)             6 POST_ROOT in runtime-managed mode: -ENOSYS
 * Then exits 0: no write happened, so the post root is the empty pre-state root 0: true. */
#include "hostile.h"
START
    addi s0, sp, -64
    li a0, 0; mv a1, s0; SYS(RVX_SYS_STATE_READ); EFAULT(1)
    mv a0, s0; li a1, 0x40000000; SYS(RVX_SYS_STATE_READ); EFAULT(2)
    li a0, -16; mv a1, s0; SYS(RVX_SYS_STATE_WRITE); EFAULT(3)
    mv a0, s0; li a1, 0x7ffffff0; SYS(RVX_SYS_STATE_WRITE); EFAULT(4)
    la a0, _start; SYS(RVX_SYS_STATE_ROOT); EFAULT(5)
    mv a0, s0; SYS(RVX_SYS_POST_ROOT); EXPECT(6, a0, -RVX_ENOSYS)
    EXIT(0)
