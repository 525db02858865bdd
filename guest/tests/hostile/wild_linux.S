/* wild_linux.S: Linux read/write with wild buffers must answer -EFAULT and touch nothing (exit n = check n
 * failed; 0 = all passed):
 *  1 write(1, 0, 8)               guard page
 *  2 write(1, 0x7FFFFFF8, 16)     runs past the end of the 2 GiB address space
 *  3 write(1, -16, 32)            wraps around the end of the XLEN address space
 *  4 write(1, 0x10000, ~0)        huge length from the text (capped at 1 MiB, which is unmapped)
 *  5 read(0, _start, 8)           into code (not writable)
 *  6 read(0, 0x40000000, 8)       into the read-only input region
 *  7 read(0, -8, 16)              wrapping buffer
 *  8 write(1, 0, 0)               a zero-length buffer is valid anywhere: returns 0 */
#include "hostile.h"
START
    li a0, 1; li a1, 0; li a2, 8; SYS(RVX_SYS_LINUX_WRITE); EFAULT(1)
    li a0, 1; li a1, 0x7ffffff8; li a2, 16; SYS(RVX_SYS_LINUX_WRITE); EFAULT(2)
    li a0, 1; li a1, -16; li a2, 32; SYS(RVX_SYS_LINUX_WRITE); EFAULT(3)
    li a0, 1; li a1, 0x10000; li a2, -1; SYS(RVX_SYS_LINUX_WRITE); EFAULT(4)
    li a0, 0; la a1, _start; li a2, 8; SYS(RVX_SYS_LINUX_READ); EFAULT(5)
    li a0, 0; li a1, 0x40000000; li a2, 8; SYS(RVX_SYS_LINUX_READ); EFAULT(6)
    li a0, 0; li a1, -8; li a2, 16; SYS(RVX_SYS_LINUX_READ); EFAULT(7)
    li a0, 1; li a1, 0; li a2, 0; SYS(RVX_SYS_LINUX_WRITE); EXPECT(8, a0, 0)
    EXIT(0)
