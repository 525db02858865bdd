/* c_wild_syscalls.c: every buffer-taking call of rvx/rvx.h with a table of wild (pointer, length) pairs — the
 * guard page, past the end of the 2 GiB space, wrapping around the end of the XLEN space, read-only code and input
 * as output buffers — must answer -EFAULT. Exits with 1 + the index of the first failing (call, pair), else 0
 * (true in runtime-managed mode: nothing was written, the empty pre-state root is the post root). */
#include <stdint.h>
#include <unistd.h>

#include "rvx/rvx.h"

extern char _start[];

struct wild { uintptr_t ptr; size_t len; };

int main(void) {
    const struct wild reads[] = {
        {0, 8}, {0xFF0, 32}, {0x7FFFFFF0u, 32}, {(uintptr_t)-16, 32}, {(uintptr_t)-1, 2}, {0x20000000u, 1},
        {0x60000000u, 4}, {0x7FFFFFFFu, 2},
    };
    const struct wild writes[] = {
        {0, 32}, {(uintptr_t)_start, 32}, {0x40000000u, 32}, {(uintptr_t)-8, 32}, {0x7FFFFFF0u, 32},
    };
    uint8_t buf[64] = {0};
    int n = 1;
    for (unsigned i = 0; i < sizeof reads / sizeof reads[0]; i++, n += 6) {
        const void *p = (const void *)reads[i].ptr;
        size_t len = reads[i].len;
        if (rvx_keccak256(p, len, buf) != -RVX_EFAULT) return n;
        if (rvx_sha256(p, len, buf) != -RVX_EFAULT) return n + 1;
        if (rvx_commit(p, len) != -RVX_EFAULT) return n + 2;
        if (rvx_debug_print(p, len) != -RVX_EFAULT) return n + 3;
        if (write(1, p, len) != -1) return n + 4;
        if (rvx_state_read(p, buf) != -RVX_EFAULT) return n + 5;
    }
    for (unsigned i = 0; i < sizeof writes / sizeof writes[0]; i++, n += 4) {
        void *p = (void *)writes[i].ptr;
        if (rvx_input_read(RVX_SECTION_WHOLE, p, writes[i].len, 0) != -RVX_EFAULT) return n;
        if (rvx_sha256(buf, 8, p) != -RVX_EFAULT) return n + 1;
        if (rvx_state_root(p) != -RVX_EFAULT) return n + 2;
        if (rvx_state_read(buf, p) != -RVX_EFAULT) return n + 3;
    }
    return 0;
}
