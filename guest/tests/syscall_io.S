/*
 * syscall_io.S: write (64) to stdout and stderr returns the byte count, a zero-length write returns 0,
 * read (63) from an empty stdin returns 0 (end of input), and a syscall preserves every register but a0.
 * Expected stdout: "hello, stdout\n"; expected stderr: "hello, stderr\n". Run with empty stdin.
 */
#include "test.h"
TEST_BEGIN
    li s0, 0x5a5a
    li s1, -3
    li t3, 0x1234
    li a0, 1
    la a1, out_msg
    li a2, 14
    li a3, 33
    li a4, 44
    li a5, 55
    li a7, SYS_write
    ecall
    CHECK(1, a0, 14)
    la t0, out_msg
    CHECK_REG(2, a1, t0)
    CHECK(3, a2, 14)
    CHECK(4, a3, 33)
    CHECK(5, a4, 44)
    CHECK(6, a5, 55)
    CHECK(7, a7, SYS_write)
    CHECK(8, s0, 0x5a5a)
    CHECK(9, s1, -3)
    CHECK(10, t3, 0x1234)

    li a0, 2
    la a1, err_msg
    li a2, 14
    li a7, SYS_write
    ecall
    CHECK(11, a0, 14)

    li a0, 1
    la a1, out_msg
    li a2, 0
    li a7, SYS_write
    ecall
    CHECK(12, a0, 0)

    li a0, 0
    la a1, in_buf
    li a2, 16
    li a7, SYS_read
    ecall
    CHECK(13, a0, 0)
TEST_END

    .section .rodata
out_msg: .ascii "hello, stdout\n"
err_msg: .ascii "hello, stderr\n"
    .bss
in_buf: .space 16
