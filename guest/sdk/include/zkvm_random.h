/*
 * zkvm_random.h: the host-randomness interface of the eth-act zkVM standards (proposal
 * standards/host-randomness/README.md). rvx's values are deterministic (docs/SDK.md §6).
 */
#ifndef ZKVM_RANDOM_H
#define ZKVM_RANDOM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* 64 bits of the guest's random stream; cannot fail. */
uint64_t zkvm_random_u64(void);

#ifdef __cplusplus
}
#endif

#endif /* ZKVM_RANDOM_H */
