/*
 * zkvm_host_hash.c: the hash accelerators of zkvm_accelerators.h for a native host build: Keccak-256 and
 * Keccak-f[1600] (FIPS 202 permutation, written here), SHA-256 and RIPEMD-160 (OpenSSL EVP), BLAKE2 F
 * (RFC 7693 §3.2 compression with a round count, EIP-152; written here).
 */
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "zkvm_accelerators.h"

static uint64_t rol(uint64_t v, unsigned n) { return n ? (v << n) | (v >> (64 - n)) : v; }

zkvm_status zkvm_keccak_f1600(uint64_t *a) {
    static const unsigned rot[25] = {0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8,
                                     18, 2, 61, 56, 14};
    if (!a) abort();
    uint64_t lfsr = 1;
    for (int round = 0; round < 24; round++) {
        uint64_t c[5], b[25];
        for (int x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int i = 0; i < 25; i++) a[i] ^= c[(i + 4) % 5] ^ rol(c[(i + 1) % 5], 1);
        for (int x = 0; x < 5; x++)
            for (int y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = rol(a[x + 5 * y], rot[x + 5 * y]);
        for (int i = 0; i < 25; i++) a[i] = b[i] ^ (~b[(i % 5 + 1) % 5 + i / 5 * 5] & b[(i % 5 + 2) % 5 + i / 5 * 5]);
        uint64_t rc = 0;
        for (int j = 0; j < 7; j++) {
            if (lfsr & 1) rc |= 1ull << ((1u << j) - 1);
            lfsr = ((lfsr << 1) ^ ((lfsr & 0x80) ? 0x71 : 0)) & 0xFF;
        }
        a[0] ^= rc;
    }
    return ZKVM_EOK;
}

zkvm_status zkvm_keccak256(const uint8_t *data, size_t len, zkvm_keccak256_hash *output) {
    if ((!data && len) || !output) abort();
    uint64_t s[25] = {0};
    uint8_t block[136];
    for (;;) {
        size_t n = len < 136 ? len : 136;
        memset(block, 0, sizeof block);
        if (n) memcpy(block, data, n);
        if (n < 136) { block[n] ^= 0x01; block[135] ^= 0x80; }
        for (int i = 0; i < 17; i++) {
            uint64_t w = 0;
            for (int k = 7; k >= 0; k--) w = w << 8 | block[8 * i + k];
            s[i] ^= w;
        }
        zkvm_keccak_f1600(s);
        if (n < 136) break;
        data += 136;
        len -= 136;
    }
    for (int i = 0; i < 32; i++) output->data[i] = (uint8_t)(s[i / 8] >> (8 * (i % 8)));
    return ZKVM_EOK;
}

static zkvm_status digest(const char *name, const uint8_t *data, size_t len, uint8_t *out) {
    unsigned n = 0;
    return EVP_Digest(data, len, out, &n, EVP_get_digestbyname(name), NULL) == 1 ? ZKVM_EOK : ZKVM_EFAIL;
}

zkvm_status zkvm_sha256(const uint8_t *data, size_t len, zkvm_sha256_hash *output) {
    if ((!data && len) || !output) abort();
    return digest("SHA256", data ? data : (const uint8_t *)"", len, output->data);
}

zkvm_status zkvm_ripemd160(const uint8_t *data, size_t len, zkvm_ripemd160_hash *output) {
    if ((!data && len) || !output) abort();
    memset(output->data, 0, 12);
    return digest("RIPEMD160", data ? data : (const uint8_t *)"", len, output->data + 12);
}

static uint64_t le64(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = v << 8 | p[i];
    return v;
}

zkvm_status zkvm_blake2f(uint32_t rounds, zkvm_blake2f_state *h, const zkvm_blake2f_message *m,
                         const zkvm_blake2f_offset *t, uint8_t f) {
    static const uint8_t sigma[10][16] = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
        {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
        {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
        {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
        {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}};
    static const uint64_t iv[8] = {0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull,
                                   0xa54ff53a5f1d36f1ull, 0x510e527fade682d1ull, 0x9b05688c2b3e6c1full,
                                   0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull};
    if (!h || !m || !t) abort();
    if (f > 1) return ZKVM_EFAIL;
    uint64_t v[16], w[16], hh[8];
    for (int i = 0; i < 8; i++) { hh[i] = le64(h->data + 8 * i); v[i] = hh[i]; v[i + 8] = iv[i]; }
    for (int i = 0; i < 16; i++) w[i] = le64(m->data + 8 * i);
    v[12] ^= le64(t->data);
    v[13] ^= le64(t->data + 8);
    if (f) v[14] = ~v[14];
    static const int idx[8][4] = {{0, 4, 8, 12}, {1, 5, 9, 13}, {2, 6, 10, 14}, {3, 7, 11, 15},
                                  {0, 5, 10, 15}, {1, 6, 11, 12}, {2, 7, 8, 13}, {3, 4, 9, 14}};
    for (uint32_t r = 0; r < rounds; r++) {
        const uint8_t *s = sigma[r % 10];
        for (int g = 0; g < 8; g++) {
            uint64_t *a = &v[idx[g][0]], *b = &v[idx[g][1]], *c = &v[idx[g][2]], *d = &v[idx[g][3]];
            uint64_t x = w[s[2 * g]], y = w[s[2 * g + 1]];
            *a += *b + x; *d = rol(*d ^ *a, 32); *c += *d; *b = rol(*b ^ *c, 40);
            *a += *b + y; *d = rol(*d ^ *a, 48); *c += *d; *b = rol(*b ^ *c, 1);
        }
    }
    for (int i = 0; i < 8; i++) {
        uint64_t out = hh[i] ^ v[i] ^ v[i + 8];
        for (int k = 0; k < 8; k++) h->data[8 * i + k] = (uint8_t)(out >> (8 * k));
    }
    return ZKVM_EOK;
}
