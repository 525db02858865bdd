/*
 * memops_test.c: checks guest/sdk/memops.c (memcpy, memmove, memset as the EVM guests link them) against
 * the C standard's definitions (§7.24.2.1: n characters copied; §7.24.2.2: as if through a temporary
 * array; §7.24.6.1: c converted to unsigned char in each of the first n characters), computed byte by byte
 * through volatile pointers, for every source/destination alignment 0..8 (all residues modulo the word size),
 * lengths 0..80 and 300, and
 * overlapping moves both ways; bytes outside the range must stay untouched. Prints "FAIL <check>" per
 * failure, commits "memops ok\n" under rvx when all pass, and exits with the number of failures.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "rvx/rvx.h"

static int failures;
#define CHECK(name, cond) do { if (!(cond)) { printf("FAIL %s\n", name); failures++; } } while (0)

#define SIZE 400
static unsigned char src[SIZE], dst[SIZE], ref[SIZE];

static void fill(unsigned char *p, unsigned seed) {
    for (int i = 0; i < SIZE; i++) p[i] = (unsigned char)(seed + 31u * (unsigned)i + ((unsigned)i >> 3));
}

static int same(void) {
    for (int i = 0; i < SIZE; i++) if (dst[i] != ref[i]) return 0;
    return 1;
}

int main(void) {
    static const size_t lengths[] = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 63, 64, 65, 80, 300};
    int cpy = 1, set = 1, fwd = 1, bwd = 1;
    for (size_t li = 0; li < sizeof lengths / sizeof lengths[0]; li++) {
        size_t n = lengths[li];
        for (int da = 0; da <= 8; da++) {
            for (int sa = 0; sa <= 8; sa++) {
                /* memcpy between distinct arrays */
                fill(src, 7u + (unsigned)sa); fill(dst, 99u); fill(ref, 99u);
                volatile unsigned char *r = ref;
                for (size_t k = 0; k < n; k++) r[da + k] = src[sa + k];
                if (memcpy(dst + da, src + sa, n) != dst + da) cpy = 0;
                cpy &= same();
                /* memmove within one array, destination below and above the source */
                fill(dst, 3u + (unsigned)n); fill(ref, 3u + (unsigned)n);
                unsigned char tmp[SIZE];
                for (size_t k = 0; k < n; k++) tmp[k] = r[40 + sa + k];
                for (size_t k = 0; k < n; k++) r[40 + da - 16 + k] = tmp[k];
                if (memmove(dst + 40 + da - 16, dst + 40 + sa, n) != dst + 40 + da - 16) fwd = 0;
                fwd &= same();
                fill(dst, 5u + (unsigned)n); fill(ref, 5u + (unsigned)n);
                for (size_t k = 0; k < n; k++) tmp[k] = r[sa + k];
                for (size_t k = 0; k < n; k++) r[sa + da + 1 + k] = tmp[k];
                if (memmove(dst + sa + da + 1, dst + sa, n) != dst + sa + da + 1) bwd = 0;
                bwd &= same();
            }
            /* memset with a value above 255: only its low byte is stored */
            fill(dst, 11u); fill(ref, 11u);
            volatile unsigned char *r = ref;
            for (size_t k = 0; k < n; k++) r[da + k] = 0xa5;
            if (memset(dst + da, 0x3a5, n) != dst + da) set = 0;
            set &= same();
        }
    }
    CHECK("memcpy", cpy);
    CHECK("memmove-down", fwd);
    CHECK("memmove-up", bwd);
    CHECK("memset", set);

    long version;
    if (failures == 0 && rvx_probe(&version)) rvx_commit("memops ok\n", 10);
    return failures;
}
