/*
 * alloc_test.c: checks the Swift guests' heap (guest/sdk/malloc.c), linked the way the Swift guests are
 * (malloc.o before picolibc). Expected values follow from the allocator's documented design: a 16-byte
 * header per block, payload classes 16, 32, ..., 128 then four per power of two, one LIFO list per class. Prints "FAIL <check>" per failed check, commits
 * "alloc ok\n" under rvx when all pass, and exits with the number of failures. Runs under qemu-user too.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rvx/rvx.h"

static int failures;
#define CHECK(name, cond) do { if (!(cond)) { printf("FAIL %s\n", name); failures++; } } while (0)

static uint32_t lcg = 12345;
static uint32_t next(void) { lcg = lcg * 1103515245u + 12345u; return lcg >> 8; }

#define N 4000
static unsigned char *blocks[N];
static size_t sizes[N];

int main(void) {
    /* LIFO reuse within a class: malloc(1) and malloc(10) are both class 0 (16-byte payload, 32-byte block). */
    void *p = malloc(1), *q = malloc(1);
    CHECK("malloc-align16", ((uintptr_t)p & 15) == 0 && ((uintptr_t)q & 15) == 0);
    CHECK("distinct", p != q && p && q);
    free(p);
    CHECK("lifo-reuse", malloc(10) == p);
    CHECK("next-block-is-32-bytes-up", (uintptr_t)q - (uintptr_t)p == 32);

    /* posix_memalign / aligned_alloc alignments; invalid alignments rejected. */
    static const size_t aligns[] = {16, 32, 64, 128, 4096};
    for (unsigned i = 0; i < sizeof aligns / sizeof aligns[0]; i++) {
        void *a = NULL;
        CHECK("posix_memalign", posix_memalign(&a, aligns[i], 100) == 0 && a && ((uintptr_t)a % aligns[i]) == 0);
        memset(a, 0x5a, 100);
        void *b = aligned_alloc(aligns[i], 40);
        CHECK("aligned_alloc", b && ((uintptr_t)b % aligns[i]) == 0);
        free(b);
        free(a);
    }
    void *bad = (void *)1;
    CHECK("posix_memalign-einval", posix_memalign(&bad, 24, 8) == EINVAL && bad == (void *)1);

    /* calloc zeroes a reused block: 64 bytes is the 64-byte class either way. */
    unsigned char *d = malloc(64);
    memset(d, 0xab, 64);
    free(d);
    unsigned char *z = calloc(8, 8);
    CHECK("calloc-reuses", z == d);
    int zero = 1;
    for (int i = 0; i < 64; i++) zero &= z[i] == 0;
    CHECK("calloc-zero", zero);
    volatile size_t half = SIZE_MAX / 2;
    CHECK("calloc-overflow", calloc(half, 4) == NULL);

    /* realloc keeps the contents; shrinking stays in place. */
    unsigned char *r = malloc(10);
    for (int i = 0; i < 10; i++) r[i] = (unsigned char)i;
    unsigned char *r2 = realloc(r, 5000);
    int same = r2 != NULL;
    for (int i = 0; same && i < 10; i++) same &= r2[i] == i;
    CHECK("realloc-grow", same);
    CHECK("realloc-shrink-in-place", realloc(r2, 100) == r2);

    /* Requests beyond the heap fail cleanly. */
    volatile size_t huge = (size_t)1 << 31;   /* volatile: not a compile-time constant the compiler rejects */
    errno = 0;
    CHECK("huge-enomem", malloc(huge) == NULL && errno == ENOMEM);

    /* Stress: N live blocks of pseudo-random sizes never overlap; free half, reallocate, check again. */
    for (int i = 0; i < N; i++) {
        sizes[i] = 1 + next() % 3000;
        blocks[i] = malloc(sizes[i]);
        if (blocks[i]) memset(blocks[i], (unsigned char)i, sizes[i]);
    }
    for (int i = 0; i < N; i += 2) { free(blocks[i]); blocks[i] = NULL; }
    for (int i = 0; i < N; i += 2) {
        sizes[i] = 1 + next() % 3000;
        blocks[i] = malloc(sizes[i]);
        if (blocks[i]) memset(blocks[i], (unsigned char)i, sizes[i]);
    }
    int intact = 1;
    for (int i = 0; i < N; i++) {
        if (!blocks[i]) { intact = 0; break; }
        for (size_t k = 0; k < sizes[i]; k++) intact &= blocks[i][k] == (unsigned char)i;
    }
    CHECK("stress-no-overlap", intact);

    long version;
    if (failures == 0 && rvx_probe(&version)) rvx_commit("alloc ok\n", 9);
    return failures;
}
