/*
 * stack_deep.S: the rvx stack is 256 MiB below the stack top 0x7FFF_FFF0: a store 255 MiB below the
 * initial sp succeeds and reads back. rvx-specific (qemu-user gives an 8 MiB stack), not compared.
 */
#include "test.h"
TEST_BEGIN
    li t1, 255 * 1024 * 1024
    sub t0, sp, t1
    li t2, 0x5a
    sb t2, 0(t0)
    lbu t1, 0(t0)
    CHECK(1, t1, 0x5a)
TEST_END
