/*
 * keccak: Keccak-f[1600] (FIPS 202) throughput. SHA3-256 of a 1 MiB generated buffer, PASSES times;
 * before each pass after the first, the previous digest is XORed into the first 32 bytes of the buffer.
 * Prints the final digest. Verified independently with Python hashlib.sha3_256.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#ifndef PASSES
#define PASSES 4
#endif

static const uint64_t RC[24] = {
    0x0000000000000001ull, 0x0000000000008082ull, 0x800000000000808aull, 0x8000000080008000ull,
    0x000000000000808bull, 0x0000000080000001ull, 0x8000000080008081ull, 0x8000000000008009ull,
    0x000000000000008aull, 0x0000000000000088ull, 0x0000000080008009ull, 0x000000008000000aull,
    0x000000008000808bull, 0x800000000000008bull, 0x8000000000008089ull, 0x8000000000008003ull,
    0x8000000000008002ull, 0x8000000000000080ull, 0x000000000000800aull, 0x800000008000000aull,
    0x8000000080008081ull, 0x8000000000008080ull, 0x0000000080000001ull, 0x8000000080008008ull,
};
static const int ROT[25] = {0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14};

static inline uint64_t rol(uint64_t x, int n) { return n ? (x << n) | (x >> (64 - n)) : x; }

static void keccak_f(uint64_t a[25]) {
    for (int round = 0; round < 24; round++) {
        uint64_t c[5], d[5], b[25];
        for (int x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; x++) d[x] = c[(x + 4) % 5] ^ rol(c[(x + 1) % 5], 1);
        for (int i = 0; i < 25; i++) a[i] ^= d[i % 5];
        for (int x = 0; x < 5; x++)
            for (int y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = rol(a[x + 5 * y], ROT[x + 5 * y]);
        for (int y = 0; y < 25; y += 5)
            for (int x = 0; x < 5; x++) a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
        a[0] ^= RC[round];
    }
}

static void sha3_256(const uint8_t *p, size_t n, uint8_t out[32]) {
    enum { RATE = 136 };
    uint64_t a[25] = {0};
    uint8_t block[RATE];
    for (;;) {
        size_t take = n < RATE ? n : RATE;
        memset(block, 0, RATE);
        memcpy(block, p, take);
        if (take < RATE) {               /* final block: SHA-3 domain padding 0x06 ... 0x80 */
            block[take] ^= 0x06;
            block[RATE - 1] ^= 0x80;
        }
        for (int i = 0; i < RATE / 8; i++) {
            uint64_t w = 0;
            for (int j = 7; j >= 0; j--) w = (w << 8) | block[8 * i + j];
            a[i] ^= w;
        }
        keccak_f(a);
        if (take < RATE) break;
        p += RATE; n -= RATE;
    }
    for (int i = 0; i < 32; i++) out[i] = (uint8_t)(a[i / 8] >> (8 * (i % 8)));
}

int main(void) {
    enum { N = 1 << 20 };
    uint8_t *buf = malloc(N);
    if (!buf) return 1;
    uint64_t s = 0x6b656363616b2121ull;
    for (size_t i = 0; i < N; i += 8) {
        uint64_t v = bench_xorshift64(&s);
        for (int j = 0; j < 8; j++) buf[i + j] = (uint8_t)(v >> (8 * j));
    }
    uint8_t digest[32];
    for (int pass = 0; pass < PASSES; pass++) {
        if (pass) for (int i = 0; i < 32; i++) buf[i] ^= digest[i];
        sha3_256(buf, N, digest);
    }
    bench_print_hex("sha3-256", digest, 32);
    free(buf);
    return 0;
}
