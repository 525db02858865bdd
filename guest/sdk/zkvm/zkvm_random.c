/*
 * zkvm_random.c: zkvm_random_u64 of the eth-act host-randomness proposal (docs/SDK.md §6).
 *
 * EXECUTE's verdict and cycle count must be the same on every verifier, so rvx gives no host entropy:
 * the values are a deterministic stream, Keccak-256(seed || counter) with
 * seed = Keccak-256("rvx zkvm_random_u64" || the guest's read_input bytes), taking the first 8 bytes
 * (little-endian) of each digest. They are independent of each other but predictable to whoever writes
 * the input, which the proposal's requirement on the host excludes; a guest must not rely on them for
 * secrecy or for resistance to adversarial inputs.
 */
#include <string.h>

#include "zkvm_internal.h"
#include "zkvm_io.h"
#include "zkvm_random.h"

static uint8_t seed[32];
static uint64_t counter;
static int seeded;

static void hash_or_abort(const uint8_t *p, size_t n, uint8_t out[32]) {
    zkvm_keccak256_hash h;
    if (zkvm_keccak256(p, n, &h) != ZKVM_EOK) abort();
    memcpy(out, h.data, 32);
}

uint64_t zkvm_random_u64(void) {
    if (!seeded) {
        static const char domain[] = "rvx zkvm_random_u64";
        const uint8_t *in;
        size_t n;
        read_input(&in, &n);
        uint8_t digest[32], block[sizeof domain - 1 + 32];
        hash_or_abort(n ? in : (const uint8_t *)"", n, digest);
        memcpy(block, domain, sizeof domain - 1);
        memcpy(block + sizeof domain - 1, digest, 32);
        hash_or_abort(block, sizeof block, seed);
        seeded = 1;
    }
    uint8_t block[40], out[32];
    memcpy(block, seed, 32);
    for (int i = 0; i < 8; i++) block[32 + i] = (uint8_t)(counter >> (8 * i));
    counter++;
    hash_or_abort(block, sizeof block, out);
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = v << 8 | out[i];
    return v;
}
