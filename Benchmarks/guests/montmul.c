/*
 * montmul: 256-bit Montgomery modular multiplication (CIOS, 8 x 32-bit limbs, R = 2^256) modulo the
 * secp256k1 field prime p = 2^256 - 2^32 - 977. Runs a chain x <- x * y * R^-1 mod p, STEPS times, and
 * prints x in big-endian hex. Verified independently with Python big integers.
 */
#include <stdint.h>

#include "bench.h"

#ifndef STEPS
#define STEPS 1000000
#endif

enum { L = 8 };
static const uint32_t P[L] = {0xfffffc2f, 0xfffffffe, 0xffffffff, 0xffffffff,
                              0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}; /* little-endian limbs */
static const uint32_t PINV = 0xd2253531;  /* -p^-1 mod 2^32 */

static void montmul(uint32_t r[L], const uint32_t a[L], const uint32_t b[L]) {
    uint32_t t[L + 2] = {0};
    for (int i = 0; i < L; i++) {
        uint64_t c = 0;
        for (int j = 0; j < L; j++) {
            uint64_t s = (uint64_t)t[j] + (uint64_t)a[j] * b[i] + c;
            t[j] = (uint32_t)s; c = s >> 32;
        }
        uint64_t s = (uint64_t)t[L] + c;
        t[L] = (uint32_t)s; t[L + 1] = (uint32_t)(s >> 32);
        uint32_t m = t[0] * PINV;
        s = (uint64_t)t[0] + (uint64_t)m * P[0];
        c = s >> 32;
        for (int j = 1; j < L; j++) {
            s = (uint64_t)t[j] + (uint64_t)m * P[j] + c;
            t[j - 1] = (uint32_t)s; c = s >> 32;
        }
        s = (uint64_t)t[L] + c;
        t[L - 1] = (uint32_t)s;
        t[L] = t[L + 1] + (uint32_t)(s >> 32);
    }
    /* conditional final subtraction: t < 2p, so at most once */
    uint32_t d[L];
    int64_t borrow = 0;
    for (int j = 0; j < L; j++) {
        int64_t v = (int64_t)t[j] - P[j] + borrow;
        d[j] = (uint32_t)v; borrow = v >> 32;
    }
    int use_d = t[L] != 0 || borrow == 0;
    for (int j = 0; j < L; j++) r[j] = use_d ? d[j] : t[j];
}

int main(void) {
    uint32_t x[L], y[L];
    uint64_t s = 0x6d6f6e746d756c21ull;
    for (int i = 0; i < L; i++) { x[i] = (uint32_t)bench_xorshift64(&s); y[i] = (uint32_t)bench_xorshift64(&s); }
    x[L - 1] &= 0x7fffffff;  /* inputs below p */
    y[L - 1] &= 0x7fffffff;
    for (long i = 0; i < STEPS; i++) montmul(x, x, y);
    printf("montmul ");
    for (int i = L - 1; i >= 0; i--) printf("%08lx", (unsigned long)x[i]);
    printf("\n");
    return 0;
}
