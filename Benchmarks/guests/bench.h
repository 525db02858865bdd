/* bench.h: shared helpers for the rvx benchmark guests (checksums printed in hex, deterministic PRNG). */
#ifndef RVX_BENCH_H
#define RVX_BENCH_H
#include <stdint.h>
#include <stdio.h>

/* xorshift64 (Marsaglia 2003, shifts 13/7/17): deterministic input generator. */
static inline uint64_t bench_xorshift64(uint64_t *s) {
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

static inline void bench_print_hex(const char *label, const uint8_t *p, int n) {
    printf("%s ", label);
    for (int i = 0; i < n; i++) printf("%02x", p[i]);
    printf("\n");
}
#endif
