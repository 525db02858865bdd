/*
 * zkvm_io.c: the eth-act zkVM IO interface (zkvm_io.h) over rvx native calls.
 *
 * read_input: under EXECUTE in standard-IO mode, the verified state view followed by the batch (INPUT_MAP
 * kind RVX_SECTION_STANDARD_INPUT, docs/EXECUTE.md §2.1); in the other modes the BATCH section of the input
 * container (INPUT_MAP kind 1). Both are read-only in the input region, no copy; size 0 if absent. Where INPUT_MAP does not exist (`rvx run`,
 * qemu-user: -ENOSYS) the whole of stdin is read once into the heap. Computed once; later calls return the
 * same buffer.
 * write_output: COMMIT under EXECUTE; elsewhere write(1). It cannot fail: a COMMIT past the output limit
 * stops the run inside the call (docs/ABI.md), and a failing write(1) is ignored.
 * write_log (open IO proposal 3c9abc0): DEBUG_PRINT under EXECUTE; elsewhere write(2).
 */
#include <string.h>

#include "zkvm_internal.h"
#include "zkvm_io.h"

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
        if (r <= 0) break;  /* end of input; a closed or unreadable stdin is an empty input */
        len += (size_t)r;
    }
    input_ptr = buf;
    input_len = len;
}

void read_input(const uint8_t **buf_ptr, size_t *buf_size) {
    if (!input_ready) {
        long r = rvx_input_map(RVX_SECTION_STANDARD_INPUT, &input_ptr, &input_len);
        if (r == -RVX_ENOENT) r = rvx_input_map(RVX_SECTION_BATCH, &input_ptr, &input_len);
        if (r == -RVX_ENOENT) { input_ptr = NULL; input_len = 0; }
        else if (r != 0) read_stdin_all();
        input_ready = 1;
    }
    *buf_ptr = input_ptr;
    *buf_size = input_len;
}

static void write_fd(int fd, const uint8_t *p, size_t n) {
    while (n > 0) {
        long r = rvx_write(fd, p, n);
        if (r <= 0) return;
        p += r;
        n -= (size_t)r;
    }
}

void write_output(const uint8_t *output, size_t size) {
    if (rvx_commit(output, size) == -RVX_ENOSYS) write_fd(1, output, size);
}

void write_log(const uint8_t *utf8_bytes, size_t utf8_len) {
    if (rvx_debug_print(utf8_bytes, utf8_len) == -RVX_ENOSYS) write_fd(2, utf8_bytes, utf8_len);
}
