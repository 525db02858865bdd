/*
 * malloc.c: a segregated-fit heap for guests that allocate heavily (the EVM guests, docs/EVMGUEST.md §8),
 * replacing picolibc's nano-malloc, whose free() walks an address-ordered free list: with many live
 * objects that walk is O(live fragments) per call, and a block of N transactions costs O(N^2) cycles.
 *
 * Every block has a 16-byte header (word 0: size class; word 1: offset of the user pointer from the
 * block's payload, non-zero only for over-aligned blocks) and a payload whose capacity is its class's
 * size. Classes: 16, 32, ..., 128 bytes, then four classes per power of two (160, 192, 224, 256, 320, ...).
 * free() pushes the block on its class's list, malloc() pops it or carves a new block from the top of
 * the brk heap (sbrk). Both are O(1); blocks are never split or merged, so the heap is bounded by
 * (peak live bytes per class) × 1.25 + headers. All payloads are 16-byte aligned. sbrk failure (the
 * guest's memory limit) gives NULL, as with picolibc. Single-threaded, deterministic.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#define HDR 16u
#define SMALL_CLASSES 8u                           /* 16 .. 128 in steps of 16 */
#define NCLASS (SMALL_CLASSES + 4u * (sizeof(size_t) * 8u - 8u))

typedef struct free_block { struct free_block *next; } free_block;

static free_block *free_lists[NCLASS];
static uintptr_t heap_top, heap_end;               /* carving region [heap_top, heap_end) */

static unsigned floor_log2(size_t v) {
    unsigned b = 0;
    while (v >>= 1) b++;
    return b;
}

/* The class of a request of n ≥ 1 bytes; n must be ≤ SIZE_MAX / 2. */
static unsigned size_class(size_t n) {
    if (n <= 128) return (unsigned)((n + 15) / 16 - 1);
    size_t m = n - 1;
    unsigned b = floor_log2(m);                    /* m in [2^b, 2^(b+1)), b ≥ 7 */
    unsigned k = (unsigned)(m >> (b - 2)) - 4u;    /* quarter of the octave, 0..3 */
    return SMALL_CLASSES + 4u * (b - 7u) + k;
}

static size_t class_size(unsigned c) {
    if (c < SMALL_CLASSES) return 16u * (c + 1u);
    unsigned g = (c - SMALL_CLASSES) / 4u, k = (c - SMALL_CLASSES) % 4u, b = 7u + g;
    return ((size_t)1 << b) + (size_t)(k + 1u) * ((size_t)1 << (b - 2u));
}

/* A new block of class c from the top of the heap, or NULL. */
static void *carve(unsigned c) {
    size_t need = HDR + class_size(c);
    if (heap_end - heap_top < need) {
        size_t grow = need > (256u << 10) ? need : (256u << 10);
        void *p = sbrk((ptrdiff_t)grow);
        if (p == (void *)-1) {
            if (grow == need) return NULL;
            grow = need;                           /* near the limit: ask for exactly what is needed */
            p = sbrk((ptrdiff_t)grow);
            if (p == (void *)-1) return NULL;
        }
        uintptr_t start = ((uintptr_t)p + 15u) & ~(uintptr_t)15u;
        if ((uintptr_t)p != heap_end) heap_top = start; /* not contiguous: abandon the old tail */
        heap_end = (uintptr_t)p + grow;
        if (heap_end - heap_top < need) return NULL;
    }
    uintptr_t block = heap_top;
    heap_top += need;
    return (void *)block;
}

/* An aligned payload of at least n bytes (align a power of two ≥ 16). */
static void *alloc_aligned(size_t n, size_t align) {
    if (n == 0) n = 1;
    size_t extra = align > HDR ? align : 0;
    if (n > SIZE_MAX / 4 - extra) { errno = ENOMEM; return NULL; }
    unsigned c = size_class(n + extra);
    void *block;
    if (free_lists[c]) {
        free_block *f = free_lists[c];
        free_lists[c] = f->next;
        block = (char *)f - HDR;
    } else if (!(block = carve(c))) {
        errno = ENOMEM;
        return NULL;
    }
    uintptr_t payload = (uintptr_t)block + HDR;
    uintptr_t user = (payload + (align - 1)) & ~(uintptr_t)(align - 1);
    size_t *h = (size_t *)block;
    h[0] = c;
    h[1] = 0;
    if (user != payload) {                         /* a second header just below the aligned pointer */
        size_t *h2 = (size_t *)(user - HDR);
        h2[0] = c;
        h2[1] = user - payload;
    }
    return (void *)user;
}

void *malloc(size_t n) { return alloc_aligned(n, 16); }

void free(void *p) {
    if (!p) return;
    size_t *h = (size_t *)((char *)p - HDR);
    free_block *f = (free_block *)((char *)p - h[1]);
    unsigned c = (unsigned)h[0];
    f->next = free_lists[c];
    free_lists[c] = f;
}

void cfree(void *p) { free(p); }

size_t malloc_usable_size(void *p) {
    if (!p) return 0;
    size_t *h = (size_t *)((char *)p - HDR);
    return class_size((unsigned)h[0]) - h[1];
}

void *calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) { errno = ENOMEM; return NULL; }
    void *p = malloc(count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

void *realloc(void *p, size_t n) {
    if (!p) return malloc(n);
    if (n == 0) { free(p); return NULL; }
    size_t have = malloc_usable_size(p);
    if (n <= have) return p;
    void *q = malloc(n);
    if (!q) return NULL;
    memcpy(q, p, have);
    free(p);
    return q;
}

void *memalign(size_t align, size_t n) {
    if (align <= 16) return malloc(n);
    if ((align & (align - 1)) != 0 || align > SIZE_MAX / 4) { errno = EINVAL; return NULL; }
    return alloc_aligned(n, align);
}

void *aligned_alloc(size_t align, size_t n) { return memalign(align, n); }

int posix_memalign(void **out, size_t align, size_t n) {
    if (align < sizeof(void *) || (align & (align - 1)) != 0) return EINVAL;
    void *p = memalign(align, n);
    if (!p) return ENOMEM;
    *out = p;
    return 0;
}

void *valloc(size_t n) { return memalign(4096, n); }

void *pvalloc(size_t n) { return memalign(4096, (n + 4095) & ~(size_t)4095); }
