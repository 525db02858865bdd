/*
 * zkvm_io.h: the input/output C interface of the eth-act zkVM standards ("zkVM IO interface"),
 * implemented for rvx in guest/sdk/zkvm/zkvm_io.c.
 *
 * rvx mapping (docs/SDK.md):
 *   read_input   -> the whole EXECUTE input container (docs/FORMAT.md) as mapped read-only at
 *                   0x4000_0000 (INPUT_MAP, kind 0). Under a runtime without INPUT_MAP (qemu-user) the
 *                   container is read from fd 0 into a heap buffer instead.
 *   write_output -> COMMIT: appends to the public output.
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

#ifdef __cplusplus
}
#endif

#endif /* ZKVM_IO_H */
