/*
 * rvx/linux.h: inline ecall wrappers for the Linux syscalls of the rvx guest ABI.
 *
 * Calling convention (Linux RISC-V): number in a7, arguments in a0..a5, result in a0;
 * a negative result in [-4095, -1] is -errno. rvx implements exactly these numbers;
 * every other number returns -38 (-ENOSYS), as qemu-user does for an unknown syscall.
 */
#ifndef RVX_LINUX_H
#define RVX_LINUX_H

#include <stddef.h>
#include <stdint.h>

#define RVX_SYS_READ        63
#define RVX_SYS_WRITE       64
#define RVX_SYS_EXIT        93
#define RVX_SYS_EXIT_GROUP  94
#define RVX_SYS_BRK         214
#define RVX_ENOSYS          38

static inline long rvx_syscall0(long n) {
    register long a7 __asm__("a7") = n;
    register long a0 __asm__("a0");
    __asm__ volatile("ecall" : "=r"(a0) : "r"(a7) : "memory");
    return a0;
}

static inline long rvx_syscall1(long n, long x0) {
    register long a7 __asm__("a7") = n;
    register long a0 __asm__("a0") = x0;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
    return a0;
}

static inline long rvx_syscall3(long n, long x0, long x1, long x2) {
    register long a7 __asm__("a7") = n;
    register long a0 __asm__("a0") = x0;
    register long a1 __asm__("a1") = x1;
    register long a2 __asm__("a2") = x2;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2) : "memory");
    return a0;
}

/* write(2): returns bytes written or -errno. */
static inline long rvx_write(int fd, const void *buf, size_t len) {
    return rvx_syscall3(RVX_SYS_WRITE, fd, (long)(uintptr_t)buf, (long)len);
}

/* read(2): returns bytes read (0 at end of input) or -errno. */
static inline long rvx_read(int fd, void *buf, size_t len) {
    return rvx_syscall3(RVX_SYS_READ, fd, (long)(uintptr_t)buf, (long)len);
}

/* brk(2), Linux semantics: returns the new break, or the current one if the request failed. */
static inline uintptr_t rvx_brk(uintptr_t addr) {
    return (uintptr_t)rvx_syscall1(RVX_SYS_BRK, (long)addr);
}

/* exit_group(2): terminates the guest with status & 0xff. */
static inline __attribute__((noreturn)) void rvx_exit(int status) {
    for (;;) rvx_syscall1(RVX_SYS_EXIT_GROUP, status);
}

#endif /* RVX_LINUX_H */
