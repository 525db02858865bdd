/*
 * sortsieve: sieve of Eratosthenes (byte array) below LIMIT, then quicksort (Lomuto partition,
 * recursion on the smaller side) of COUNT xorshift64 words (low 32 bits). Prints the prime count,
 * the largest prime and a checksum sum(sorted[i] * (i + 1)) mod 2^64. Verified with Python.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#ifndef LIMIT
#define LIMIT 10000000
#endif
#ifndef COUNT
#define COUNT 1000000
#endif

static void quicksort(uint32_t *a, long lo, long hi) {
    while (lo < hi) {
        uint32_t pivot = a[lo + (hi - lo) / 2];
        long mid = lo + (hi - lo) / 2;
        uint32_t t = a[mid]; a[mid] = a[hi]; a[hi] = t;
        long store = lo;
        for (long i = lo; i < hi; i++)
            if (a[i] < pivot) { t = a[i]; a[i] = a[store]; a[store] = t; store++; }
        t = a[store]; a[store] = a[hi]; a[hi] = t;
        if (store - lo < hi - store) { quicksort(a, lo, store - 1); lo = store + 1; }
        else { quicksort(a, store + 1, hi); hi = store - 1; }
    }
}

int main(void) {
    uint8_t *composite = malloc(LIMIT);
    uint32_t *a = malloc(COUNT * sizeof *a);
    if (!composite || !a) return 1;
    memset(composite, 0, LIMIT);
    uint32_t count = 0, last = 0;
    for (uint32_t i = 2; i < LIMIT; i++) {
        if (composite[i]) continue;
        count++; last = i;
        for (uint64_t j = (uint64_t)i * i; j < LIMIT; j += i) composite[j] = 1;
    }
    uint64_t s = 0x736f7274736f7274ull;
    for (long i = 0; i < COUNT; i++) a[i] = (uint32_t)bench_xorshift64(&s);
    quicksort(a, 0, COUNT - 1);
    uint64_t sum = 0;
    for (long i = 0; i < COUNT; i++) sum += (uint64_t)a[i] * (uint64_t)(i + 1);
    printf("primes %lu last %lu sorted-checksum %016llx\n", (unsigned long)count, (unsigned long)last,
           (unsigned long long)sum);
    free(a);
    free(composite);
    return 0;
}
