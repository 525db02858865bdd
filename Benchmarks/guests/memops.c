/*
 * memops: memcpy / memset / memmove mix over a 4 MiB buffer (picolibc's implementations). ROUNDS
 * rounds; in round r, with k = r mod 64: memset(buf + k*4096, r & 0xff, 256 KiB), memcpy 1 MiB from
 * offset (k * 7919) mod 1 MiB to offset 2 MiB + k, memmove 1 MiB + 3 bytes from offset k + 1 to
 * offset k + 17 (overlapping), memmove 64 KiB + 5 from offset 3 MiB + 9 down to 3 MiB + 2.
 * Prints FNV-1a-64 of the whole buffer. Verified with a Python model of the same operations.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#ifndef ROUNDS
#define ROUNDS 120
#endif

int main(void) {
    enum { N = 4 << 20, MIB = 1 << 20 };
    uint8_t *buf = malloc(N);
    if (!buf) return 1;
    for (uint32_t i = 0; i < N; i++) buf[i] = (uint8_t)(i ^ (i >> 9));
    for (uint32_t r = 0; r < ROUNDS; r++) {
        uint32_t k = r % 64;
        memset(buf + k * 4096, (int)(r & 0xff), 256 * 1024);
        memcpy(buf + 2 * MIB + k, buf + (k * 7919) % MIB, MIB);
        memmove(buf + k + 17, buf + k + 1, MIB + 3);
        memmove(buf + 3 * MIB + 2, buf + 3 * MIB + 9, 64 * 1024 + 5);
    }
    uint64_t h = 0xcbf29ce484222325ull;
    for (uint32_t i = 0; i < N; i++) { h ^= buf[i]; h *= 0x100000001b3ull; }
    printf("memops fnv1a %016llx\n", (unsigned long long)h);
    free(buf);
    return 0;
}
