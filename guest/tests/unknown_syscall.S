/*
 * unknown_syscall.S: a syscall number outside the rvx guest ABI returns -38 (-ENOSYS) in a0 and leaves
 * every other register unchanged (numbers chosen so that qemu-user does not implement them either).
 */
#include "test.h"
TEST_BEGIN
    li a1, 11
    li a2, 22
    li a5, 55
    li a7, 1000
    ecall
    CHECK(1, a0, -38)
    CHECK(2, a1, 11)
    CHECK(3, a2, 22)
    CHECK(4, a5, 55)
    CHECK(5, a7, 1000)

    li a7, 4095
    ecall
    CHECK(6, a0, -38)

    li a7, -1
    ecall
    CHECK(7, a0, -38)

    li a7, 500
    ecall
    CHECK(8, a0, -38)
TEST_END
