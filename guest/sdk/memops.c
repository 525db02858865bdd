/*
 * memops.c: memcpy, memmove and memset for the EVM guests, in place of picolibc's size-optimised
 * byte loops (six instructions per byte), which the Swift runtime calls for every array copy and every
 * large value move. C standard §7.24.2.1, §7.24.2.2, §7.24.6.1 semantics. When source and destination
 * share their alignment modulo the word size, whole words are moved (only aligned accesses, so no
 * misaligned-access traps or penalties); otherwise bytes, eight per loop iteration. Compiled with
 * -fno-builtin so that the loops are not turned back into calls of these functions.
 */
#include <stddef.h>
#include <stdint.h>

typedef uintptr_t word;
#define W sizeof(word)
#define ALIGNED(p) (((uintptr_t)(p) & (W - 1)) == 0)

static inline __attribute__((always_inline)) void copy_forward(unsigned char *d, const unsigned char *s, size_t n) {
    if (n >= 2 * W && (((uintptr_t)d ^ (uintptr_t)s) & (W - 1)) == 0) {
        while (!ALIGNED(d)) { *d++ = *s++; n--; }
        word *dw = (word *)d;
        const word *sw = (const word *)s;
        for (; n >= 4 * W; n -= 4 * W, dw += 4, sw += 4) {
            word a = sw[0], b = sw[1], c = sw[2], e = sw[3];
            dw[0] = a; dw[1] = b; dw[2] = c; dw[3] = e;
        }
        for (; n >= W; n -= W) *dw++ = *sw++;
        d = (unsigned char *)dw;
        s = (const unsigned char *)sw;
    }
    for (; n >= 8; n -= 8, d += 8, s += 8) {
        unsigned char b0 = s[0], b1 = s[1], b2 = s[2], b3 = s[3], b4 = s[4], b5 = s[5], b6 = s[6], b7 = s[7];
        d[0] = b0; d[1] = b1; d[2] = b2; d[3] = b3; d[4] = b4; d[5] = b5; d[6] = b6; d[7] = b7;
    }
    while (n--) *d++ = *s++;
}

/* Copies downwards from the end (d > s, overlapping). */
static void copy_backward(unsigned char *d, const unsigned char *s, size_t n) {
    d += n;
    s += n;
    if (n >= 2 * W && (((uintptr_t)d ^ (uintptr_t)s) & (W - 1)) == 0) {
        while (!ALIGNED(d)) { *--d = *--s; n--; }
        word *dw = (word *)d;
        const word *sw = (const word *)s;
        for (; n >= W; n -= W) *--dw = *--sw;
        d = (unsigned char *)dw;
        s = (const unsigned char *)sw;
    }
    while (n--) *--d = *--s;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
    copy_forward(dst, src, n);
    return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d == s || n == 0) return dst;
    if (d < s || d >= s + n) copy_forward(d, s, n);
    else copy_backward(d, s, n);
    return dst;
}

void *memset(void *dst, int c, size_t n) {
    unsigned char *d = dst;
    unsigned char b = (unsigned char)c;
    if (n >= 2 * W) {
        while (!ALIGNED(d)) { *d++ = b; n--; }
        word v = (word)b * (word)(~(word)0 / 0xff);  /* b in every byte */
        word *dw = (word *)d;
        for (; n >= 4 * W; n -= 4 * W, dw += 4) { dw[0] = v; dw[1] = v; dw[2] = v; dw[3] = v; }
        for (; n >= W; n -= W) *dw++ = v;
        d = (unsigned char *)dw;
    }
    while (n--) *d++ = b;
    return dst;
}
