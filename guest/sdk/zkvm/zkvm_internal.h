/* zkvm_internal.h: shared helpers of the rvx implementation of the zkVM standard interfaces. */
#ifndef ZKVM_INTERNAL_H
#define ZKVM_INTERNAL_H

#include "rvx/linux.h"

/* Exit status of a guest whose zkVM call failed in a way the standard's void signature cannot report
 * (a bad pointer, or an accelerator called outside rvx). 70 = EX_SOFTWARE. */
#define ZKVM_RVX_FAIL_STATUS 70

static inline __attribute__((noreturn)) void zkvm_rvx_fail(void) { rvx_exit(ZKVM_RVX_FAIL_STATUS); }

#endif /* ZKVM_INTERNAL_H */
