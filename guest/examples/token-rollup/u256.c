/* u256.c: the few 256-bit big-endian operations the token rollup needs (balances, the low-s rule). */
#include <string.h>

#include "token.h"

int u256_add(u256 *r, const u256 *a, const u256 *b) {
    u256 t;
    unsigned carry = 0;
    for (int i = 31; i >= 0; i--) {
        unsigned s = (unsigned)a->b[i] + b->b[i] + carry;
        t.b[i] = (uint8_t)s;
        carry = s >> 8;
    }
    if (carry) return 1;
    *r = t;
    return 0;
}

int u256_sub(u256 *r, const u256 *a, const u256 *b) {
    if (memcmp(a->b, b->b, 32) < 0) return 1;
    unsigned borrow = 0;
    for (int i = 31; i >= 0; i--) {
        int d = (int)a->b[i] - b->b[i] - (int)borrow;
        borrow = d < 0;
        r->b[i] = (uint8_t)(d + (borrow ? 256 : 0));
    }
    return 0;
}

/* secp256k1 group order n / 2, rounded down (EIP-2's upper bound for s). */
static const uint8_t half_n[32] = {
    0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
};

int u256_is_low_s(const uint8_t s[32]) { return memcmp(s, half_n, 32) <= 0; }
