/*
 * primes: sieve of Eratosthenes below 2,000,000 (bit array on the heap); prints the count, the last
 * prime and a sum, then exits with status 3 to check that main's return value reaches exit_group.
 * Expected values: pi(2e6) = 148933, largest prime < 2e6 = 1999993; sum of primes below 2e6 =
 * 142913828922 (Project Euler 10).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    enum { LIMIT = 2000000 };
    uint8_t *composite = calloc(LIMIT / 8 + 1, 1);
    if (!composite) { printf("calloc failed\n"); return 1; }
    uint32_t count = 0, last = 0;
    uint64_t sum = 0;
    for (uint32_t i = 2; i < LIMIT; i++) {
        if (composite[i >> 3] & (1u << (i & 7))) continue;
        count++; last = i; sum += i;
        for (uint64_t j = (uint64_t)i * i; j < LIMIT; j += i) composite[j >> 3] |= (uint8_t)(1u << (j & 7));
    }
    printf("count %lu\nlast %lu\nsum %llu\n", (unsigned long)count, (unsigned long)last, (unsigned long long)sum);
    free(composite);
    return 3;
}
