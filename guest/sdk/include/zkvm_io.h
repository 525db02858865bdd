/*
 * zkvm_io.h: the input/output C interface of the eth-act zkVM standards ("zkVM IO interface"),
 * implemented for rvx in guest/sdk/zkvm/zkvm_io.c.
 *
 * rvx mapping (docs/SDK.md §2):
 *   read_input   -> under EXECUTE the BATCH section of the input container (INPUT_MAP kind 1, read-only,
 *                   no copy; the rest of the container stays reachable through rvx/rvx.h). Without
 *                   INPUT_MAP (`rvx run`, qemu-user) all of stdin, read once into the heap.
 *   write_output -> COMMIT under EXECUTE, write(1) elsewhere; never fails.
 *   write_log    -> DEBUG_PRINT under EXECUTE, write(2) elsewhere (open proposal 3c9abc0).
 */
#ifndef ZKVM_IO_H
#define ZKVM_IO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Makes the program's private input available: *buf_ptr points to *buf_size read-only bytes that stay
 * valid until the program exits. Calling it again returns the same buffer. */
void read_input(const uint8_t **buf_ptr, size_t *buf_size);

/* Appends size bytes to the program's public output. */
void write_output(const uint8_t *output, size_t size);

/* Diagnostic UTF-8 text, never part of the public output. */
void write_log(const uint8_t *utf8_bytes, size_t utf8_len);

#ifdef __cplusplus
}
#endif

#endif /* ZKVM_IO_H */
