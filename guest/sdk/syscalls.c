/*
 * syscalls.c: picolibc's POSIX hooks over the Linux syscalls of the rvx guest ABI
 * (read 63, write 64, exit_group 94, brk 214), and the tinystdio standard streams.
 *
 * stdout is buffered in a fixed 512-byte buffer, flushed at '\n', when full, by fflush and at exit;
 * stderr is unbuffered. stdin reads one byte per read(2) call. Everything here is deterministic.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "rvx/linux.h"

/* ---- raw POSIX hooks ---- */

static ssize_t write_all(int fd, const char *p, size_t n) {
    size_t done = 0;
    while (done < n) {
        long r = rvx_write(fd, p + done, n - done);
        if (r < 0) { errno = (int)-r; return -1; }
        if (r == 0) break;
        done += (size_t)r;
    }
    return (ssize_t)done;
}

static char stdout_buf[512];
static size_t stdout_len;

static int stdout_flush_buf(void) {
    size_t n = stdout_len;
    stdout_len = 0;
    if (n && write_all(1, stdout_buf, n) < 0) return -1;
    return 0;
}

ssize_t write(int fd, const void *buf, size_t n) {
    if (fd == 1 && stdout_flush_buf() < 0) return -1;  /* keep ordering with buffered stdout */
    return write_all(fd, buf, n);
}

ssize_t read(int fd, void *buf, size_t n) {
    long r = rvx_read(fd, buf, n);
    if (r < 0) { errno = (int)-r; return -1; }
    return (ssize_t)r;
}

void _exit(int status) {
    stdout_flush_buf();
    rvx_exit(status);
}

/* Linux brk: the kernel returns the (possibly unchanged) break; growth failed if it did not move. */
static uintptr_t current_brk;

void *sbrk(ptrdiff_t incr) {
    if (current_brk == 0) current_brk = rvx_brk(0);
    uintptr_t old = current_brk;
    if (incr == 0) return (void *)old;
    uintptr_t want = old + (uintptr_t)incr;
    if ((incr > 0 && want < old) || (incr < 0 && want > old)) { errno = ENOMEM; return (void *)-1; }
    uintptr_t got = rvx_brk(want);
    if (got != want) { errno = ENOMEM; return (void *)-1; }
    current_brk = got;
    return (void *)old;
}

int close(int fd) { (void)fd; errno = ENOSYS; return -1; }
off_t lseek(int fd, off_t off, int whence) { (void)fd; (void)off; (void)whence; errno = ESPIPE; return -1; }
int fstat(int fd, struct stat *st) { (void)fd; (void)st; errno = ENOSYS; return -1; }
pid_t getpid(void) { return 1; }
int kill(pid_t pid, int sig) { (void)pid; (void)sig; _exit(128 + sig); }

/* ---- tinystdio streams ---- */

static int stdout_put(char c, FILE *f) {
    (void)f;
    stdout_buf[stdout_len++] = c;
    if (c == '\n' || stdout_len == sizeof stdout_buf) {
        if (stdout_flush_buf() < 0) return EOF;
    }
    return (unsigned char)c;
}

static int stdout_flush(FILE *f) {
    (void)f;
    return stdout_flush_buf() < 0 ? EOF : 0;
}

static int stderr_put(char c, FILE *f) {
    (void)f;
    return write_all(2, &c, 1) == 1 ? (unsigned char)c : EOF;
}

static int stdin_get(FILE *f) {
    (void)f;
    unsigned char c;
    long r = rvx_read(0, &c, 1);
    if (r == 1) return c;
    return r == 0 ? _FDEV_EOF : _FDEV_ERR;
}

static FILE rvx_stdin = FDEV_SETUP_STREAM(NULL, stdin_get, NULL, _FDEV_SETUP_READ);
static FILE rvx_stdout = FDEV_SETUP_STREAM(stdout_put, NULL, stdout_flush, _FDEV_SETUP_WRITE);
static FILE rvx_stderr = FDEV_SETUP_STREAM(stderr_put, NULL, NULL, _FDEV_SETUP_WRITE);

FILE *const stdin = &rvx_stdin;
FILE *const stdout = &rvx_stdout;
FILE *const stderr = &rvx_stderr;
