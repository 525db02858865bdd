/*
 * rvx_execute.h: the C ABI of rvx's EXECUTE verifier (docs/EMBEDDING.md), for L1 clients in C, Go (cgo),
 * Rust (FFI) and C# (P/Invoke). Link with librvx_execute.so (`swift build -c release --product rvx_execute`).
 *
 * One call, rvx_execute, runs a rollup's STF (RISC-V ELF bytes) on an input container (docs/FORMAT.md) and
 * compares the post-state root with the claimed one (docs/EXECUTE.md). It returns an opaque result object,
 * read with the accessors below and released with rvx_result_free. No Swift type crosses this interface.
 *
 * Thread safety: every call is independent (its own machine and state; rvx keeps no global mutable state),
 * so any number of threads may call rvx_execute at once. A result object may be read from any thread and
 * must be freed exactly once. Bad input never crashes the caller: NULL pointers with non-zero lengths and
 * lengths above RVX_MAX_INPUT_BYTES give a false verdict with RVX_REASON_INVALID_REQUEST.
 */
#ifndef RVX_EXECUTE_H
#define RVX_EXECUTE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Largest ELF or container accepted: 512 MiB, the guest input region. */
#define RVX_MAX_INPUT_BYTES ((size_t)512 << 20)

/* Why a verdict is false (docs/EXECUTE.md §2). The numbers are stable; new reasons get new numbers. */
typedef enum rvx_reason {
    RVX_REASON_NONE = 0,                   /* verdict true */
    RVX_REASON_INVALID_REQUEST = 1,        /* NULL pointer, oversized length, bad limits */
    RVX_REASON_BAD_CONTAINER = 2,
    RVX_REASON_PRE_STATE_ROOT_MISMATCH = 3,
    RVX_REASON_BAD_ELF = 4,
    RVX_REASON_WITNESS_INVALID = 5,
    RVX_REASON_WITNESS_INCOMPLETE = 6,
    RVX_REASON_GUEST_FAULT = 7,
    RVX_REASON_OUT_OF_CYCLES = 8,
    RVX_REASON_OUT_OF_MEMORY = 9,
    RVX_REASON_NON_ZERO_EXIT = 10,
    RVX_REASON_OUTPUT_LIMIT_EXCEEDED = 11,
    RVX_REASON_POST_ROOT_DECLARED_TWICE = 12,
    RVX_REASON_ROOT_MISMATCH = 13,
    RVX_REASON_ROOT_NOT_DECLARED = 14,
    RVX_REASON_STATE_REPORT_INVALID = 15   /* standard-IO: the output lacks a well-formed state report */
} rvx_reason;

/* Who computes the post root. */
typedef enum rvx_state_mode {
    RVX_STATE_RUNTIME_MANAGED = 0,
    RVX_STATE_GUEST_MANAGED = 1,
    RVX_STATE_STANDARD_IO = 2              /* docs/EXECUTE.md §2.1 */
} rvx_state_mode;

/* The rollup's registered limits; a field of 0 takes the default. */
typedef struct rvx_limits {
    uint64_t cycles;         /* cycle budget (default 1e9) */
    uint64_t memory;         /* guest memory in bytes (default 1 GiB; at most 2 GiB) */
    uint64_t output;         /* public output cap in bytes (default 1 MiB) */
    uint64_t cycles_per_gas; /* gas = cycles / cycles_per_gas + 16 * container bytes (default 100) */
} rvx_limits;

typedef struct rvx_result rvx_result;

/*
 * Runs one EXECUTE call. elf/container: the bytes and their lengths. claimed_post_root: 32 bytes.
 * expected_pre_root: 32 bytes or NULL (no check). limits: NULL for all defaults.
 * Returns a result object (never NULL unless the process is out of memory).
 */
rvx_result *rvx_execute(const uint8_t *elf, size_t elf_len, const uint8_t *container, size_t container_len,
                        const uint8_t *claimed_post_root, const uint8_t *expected_pre_root, rvx_state_mode mode,
                        const rvx_limits *limits);

/* 1 if the verdict is true, 0 if false (also for a NULL result). */
int rvx_result_verdict(const rvx_result *result);
/* The reason (RVX_REASON_NONE when true). */
rvx_reason rvx_result_reason(const rvx_result *result);
/* One NUL-terminated line describing the reason ("" when true); valid until rvx_result_free. */
const char *rvx_result_message(const rvx_result *result);
/* Cycles consumed and gas charged. */
uint64_t rvx_result_cycles(const rvx_result *result);
uint64_t rvx_result_gas(const rvx_result *result);
/* The public output; *len receives its length (len may be NULL). Valid until rvx_result_free. */
const uint8_t *rvx_result_output(const rvx_result *result, size_t *len);
/* Copies the 32-byte post root (computed or declared) to out; returns 1, or 0 when there is none. */
int rvx_result_post_root(const rvx_result *result, uint8_t out[32]);
/* Releases the result (NULL is ignored). */
void rvx_result_free(rvx_result *result);

/* The stable name of a reason ("none", "badContainer", ...; "unknown" for other values). Static storage. */
const char *rvx_reason_name(rvx_reason reason);

#ifdef __cplusplus
}
#endif

#endif
