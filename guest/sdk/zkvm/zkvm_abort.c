/*
 * zkvm_abort.c: abnormal termination per the eth-act termination standard ("C/C++: abort(), failed
 * assert()" map to failed termination with an error code). abort() ends the guest with exit status
 * ZKVM_RVX_ABORT_STATUS (134 = 128 + SIGABRT, what a shell reports for an aborted Linux process); a failed
 * assert() prints "assertion failed: EXPR (FILE:LINE)" to stderr (the host's debug sink) and aborts.
 * A guest that calls abort() or assert() links these from libzkvm_rvx.a, which precedes picolibc on the link line.
 */
#include <string.h>

#include "zkvm_internal.h"
#include "zkvm_io.h"

#define ZKVM_RVX_ABORT_STATUS 134

void abort(void) { rvx_exit(ZKVM_RVX_ABORT_STATUS); }

static void put(const char *s) { if (s) rvx_write(2, s, strlen(s)); }

void __assert_func(const char *file, int line, const char *func, const char *expr) {
    char num[12];
    int i = (int)sizeof num - 1;
    unsigned v = line < 0 ? 0u : (unsigned)line;
    num[i] = 0;
    do { num[--i] = (char)('0' + v % 10); v /= 10; } while (v && i > 0);
    (void)func;
    put("assertion failed: "); put(expr); put(" ("); put(file); put(":"); put(num + i); put(")\n");
    abort();
}
