/*
 * zkvm_host_io.c: the eth-act IO interface (zkvm_io.h) and termination for a native host build
 * (docs/SDK.md "Host build"): read_input reads all of stdin once, write_output writes stdout, write_log
 * writes stderr. The guest's main(void) is the program's main; its return value is the process status.
 */
#include <stdio.h>
#include <stdlib.h>

#include "zkvm_io.h"

static uint8_t *input;
static size_t input_len;
static int input_ready;

void read_input(const uint8_t **buf_ptr, size_t *buf_size) {
    if (!input_ready) {
        size_t cap = 4096;
        input = malloc(cap);
        if (!input) abort();
        for (;;) {
            if (input_len == cap) {
                uint8_t *grown = realloc(input, cap *= 2);
                if (!grown) abort();
                input = grown;
            }
            size_t r = fread(input + input_len, 1, cap - input_len, stdin);
            if (r == 0) break;
            input_len += r;
        }
        input_ready = 1;
    }
    *buf_ptr = input;
    *buf_size = input_len;
}

void write_output(const uint8_t *output, size_t size) {
    fwrite(output, 1, size, stdout);
    fflush(stdout);
}

void write_log(const uint8_t *utf8_bytes, size_t utf8_len) {
    fwrite(utf8_bytes, 1, utf8_len, stderr);
}
