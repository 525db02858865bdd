/*
 * zkvm_io.c: the eth-act zkVM IO interface (zkvm_io.h) over rvx native calls.
 *
 * read_input maps the whole input container (INPUT_MAP kind 0, read-only at 0x4000_0000). When the
 * runtime has no INPUT_MAP (qemu-user answers -ENOSYS) the container is read from fd 0 into the heap,
 * so the same ELF runs as `qemu-riscv64 stf.elf < container.bin`.
 * write_output is COMMIT; without it, write(3) (the COMMIT alias under rvx; `3>out.bin` under qemu).
 */
#include <stdlib.h>
#include <string.h>

#include "rvx/rvx.h"
#include "zkvm_io.h"

#include "zkvm_internal.h"

static const uint8_t *input_ptr;
static size_t input_len;
static int input_ready;

static void read_stdin_all(void) {
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    if (!buf) zkvm_rvx_fail();
    for (;;) {
        if (len == cap) {
            if (cap > SIZE_MAX / 2) zkvm_rvx_fail();
            cap *= 2;
            uint8_t *grown = realloc(buf, cap);
            if (!grown) zkvm_rvx_fail();
            buf = grown;
        }
        long r = rvx_read(0, buf + len, cap - len);
        if (r < 0) zkvm_rvx_fail();
        if (r == 0) break;
        len += (size_t)r;
    }
    input_ptr = buf;
    input_len = len;
}

void read_input(const uint8_t **buf_ptr, size_t *buf_size) {
    if (!input_ready) {
        if (rvx_input_map(RVX_SECTION_WHOLE, &input_ptr, &input_len) != 0) read_stdin_all();
        input_ready = 1;
    }
    *buf_ptr = input_ptr;
    *buf_size = input_len;
}

void write_output(const uint8_t *output, size_t size) {
    long r = rvx_commit(output, size);
    if (r == -RVX_ENOSYS) r = rvx_write(3, output, size);
    if (r < 0 || (size_t)r != size) zkvm_rvx_fail();
}
