/* zkvm_internal.h: shared helpers of rvx's implementation of the eth-act zkVM standard interfaces. */
#ifndef ZKVM_INTERNAL_H
#define ZKVM_INTERNAL_H

#include <stdbool.h>
#include <stdlib.h>

#include "rvx/rvx.h"
#include "zkvm_accelerators.h"

/* Exit status of a guest whose IO call failed in a way the standard's void signature cannot report
 * (read_input with neither INPUT_MAP nor a readable stdin). 70 = EX_SOFTWARE. */
#define ZKVM_RVX_FAIL_STATUS 70

static inline __attribute__((noreturn)) void zkvm_rvx_fail(void) { rvx_exit(ZKVM_RVX_FAIL_STATUS); }

/* The standard: "If a function is called with a NULL pointer, the function SHOULD panic." A NULL
 * operand (a NULL data pointer with length 0 is allowed) ends the guest through abort() (status 134). */
#define ZKVM_REQUIRE(p) do { if ((p) == NULL) abort(); } while (0)
#define ZKVM_REQUIRE_LEN(p, n) do { if ((p) == NULL && (n) != 0) abort(); } while (0)

/* A native call's status (0 / -1 / -errno) as zkvm_status. */
static inline zkvm_status zkvm_rvx_status(long r) { return r == 0 ? ZKVM_EOK : ZKVM_EFAIL; }

/* A verifying call's status: 0 verified, 1 well-formed but not verified, anything else ZKVM_EFAIL.
 * *verified is written in every case, and is false unless the check passed. */
static inline zkvm_status zkvm_rvx_verdict(long r, bool *verified) {
    *verified = (r == 0);
    return (r == 0 || r == 1) ? ZKVM_EOK : ZKVM_EFAIL;
}

#endif /* ZKVM_INTERNAL_H */
