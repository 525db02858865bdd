/*
 * swift_alloc.c: the heap of the Embedded Swift guests: a deterministic size-class allocator over brk.
 *
 * Why: Embedded Swift allocates and frees an object for every class instance, closure context and array
 * buffer. picolibc's malloc keeps one address-ordered free list, so every free() walks it: `rvx profile`
 * of the EVM guest on a 3 Mgas block showed 80% of all cycles in __malloc_free and __malloc_malloc
 * (docs/DEVTOOLS.md, "Finding a hot spot"). Here malloc and free are O(1).
 *
 * Design:
 *   - A block holds a 16-byte header slot then the payload; the user pointer is 16-byte aligned (or more,
 *     for posix_memalign/aligned_alloc), the 8 bytes below it record the block's size class and the
 *     distance from the block start.
 *   - Size classes: 32..128 bytes in 16-byte steps, then four classes per power of two (160, 192, 224,
 *     256, 320, ...) up to 2^30 bytes. At most a quarter of a block above 128 bytes is slack.
 *   - One LIFO free list per class; a freed block only ever serves its own class again. New blocks are
 *     cut from a bump region that grows with sbrk (syscalls.c) in steps of at least 64 KiB.
 *   - No locks (guests are single-threaded), no randomness, no clock: the same calls give the same
 *     addresses on every run, so cycle counts are reproducible.
 *
 * It replaces picolibc's functions through the linker: Swift guests are linked with
 * -Wl,--wrap=malloc,--wrap=free,... (toolchain/Makefile, SWIFT_ALLOC_LDFLAGS), so every reference,
 * including picolibc's own, goes to the __wrap_ functions below. C guests keep picolibc's malloc.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

void *sbrk(ptrdiff_t incr);

#define RVX_HDR       16u                 /* header slot below an alignment-16 payload */
#define RVX_MIN_BLOCK 32u
#define RVX_MAX_BLOCK ((size_t)1 << 30)   /* larger requests fail with ENOMEM (the heap ends at 1 GiB) */
#define RVX_CLASSES   100
#define RVX_CHUNK     ((size_t)64 << 10)

struct rvx_free { struct rvx_free *next; };
struct rvx_hdr { uint32_t cls; uint32_t delta; };

static struct rvx_free *free_lists[RVX_CLASSES];
static uintptr_t bump, bump_end;

/* The smallest class whose blocks hold n bytes (RVX_MIN_BLOCK <= n <= RVX_MAX_BLOCK). */
static unsigned class_of(size_t n) {
    if (n <= 128) return (unsigned)((n + 15) / 16) - 2;
    unsigned p = (unsigned)(8 * sizeof(unsigned long) - 1) - (unsigned)__builtin_clzl((unsigned long)(n - 1));
    size_t step = (size_t)1 << (p - 2);
    size_t idx = (n - ((size_t)1 << p) + step - 1) / step;    /* 1...4 */
    return 7 + (p - 7) * 4 + (unsigned)idx - 1;
}

/* The block size of a class (the inverse of class_of). */
static size_t class_size(unsigned cls) {
    if (cls < 7) return (size_t)(cls + 2) * 16;
    unsigned p = 7 + (cls - 7) / 4, idx = (cls - 7) % 4 + 1;
    return ((size_t)1 << p) + (size_t)idx * ((size_t)1 << (p - 2));
}

/* A fresh block of `size` bytes (a multiple of 16) from the bump region, or 0 when brk cannot grow. */
static uintptr_t carve(size_t size) {
    if (bump_end - bump < size) {
        size_t want = size > RVX_CHUNK ? size : RVX_CHUNK;
        uintptr_t cur = (uintptr_t)sbrk(0);
        size_t pad = (size_t)(-cur & 15);
        if (cur != bump_end) bump = bump_end = cur + pad;    /* not contiguous: start a new region */
        else pad = 0;
        void *got = sbrk((ptrdiff_t)(want - (bump_end - bump) + pad));
        if (got == (void *)-1) return 0;
        bump_end = (uintptr_t)got + want - (bump_end - bump) + pad;
    }
    uintptr_t b = bump;
    bump += size;
    return b;
}

static void *rvx_alloc(size_t size, size_t align) {
    if (align < RVX_HDR) align = RVX_HDR;
    if (align > RVX_MAX_BLOCK / 2 || size > RVX_MAX_BLOCK - align) { errno = ENOMEM; return NULL; }
    size_t n = size + align;                        /* room for the header and the alignment padding */
    if (n < RVX_MIN_BLOCK) n = RVX_MIN_BLOCK;
    unsigned cls = class_of(n);
    uintptr_t block;
    if (free_lists[cls]) {
        block = (uintptr_t)free_lists[cls];
        free_lists[cls] = free_lists[cls]->next;
    } else {
        block = carve(class_size(cls));
        if (!block) { errno = ENOMEM; return NULL; }
    }
    uintptr_t user = (block + RVX_HDR + align - 1) & ~(uintptr_t)(align - 1);
    struct rvx_hdr *h = (struct rvx_hdr *)(user - sizeof(struct rvx_hdr));
    h->cls = cls;
    h->delta = (uint32_t)(user - block);
    return (void *)user;
}

static struct rvx_hdr *header(void *p) { return (struct rvx_hdr *)((uintptr_t)p - sizeof(struct rvx_hdr)); }

void *__wrap_malloc(size_t size) { return rvx_alloc(size, RVX_HDR); }

void __wrap_free(void *p) {
    if (!p) return;
    struct rvx_hdr *h = header(p);
    struct rvx_free *b = (struct rvx_free *)((uintptr_t)p - h->delta);
    unsigned cls = h->cls;
    if (cls >= RVX_CLASSES) return;                 /* not ours (a guest bug): leak rather than corrupt */
    b->next = free_lists[cls];
    free_lists[cls] = b;
}

void *__wrap_calloc(size_t count, size_t size) {
    size_t total;
    if (__builtin_mul_overflow(count, size, &total)) { errno = ENOMEM; return NULL; }
    void *p = rvx_alloc(total, RVX_HDR);
    if (p) memset(p, 0, total);
    return p;
}

void *__wrap_realloc(void *p, size_t size) {
    if (!p) return rvx_alloc(size, RVX_HDR);
    if (size == 0) { __wrap_free(p); return NULL; }
    struct rvx_hdr *h = header(p);
    size_t usable = class_size(h->cls) - h->delta;
    if (size <= usable) return p;
    void *q = rvx_alloc(size, RVX_HDR);
    if (!q) return NULL;
    memcpy(q, p, usable);
    __wrap_free(p);
    return q;
}

static int power_of_two(size_t a) { return a != 0 && (a & (a - 1)) == 0; }

int __wrap_posix_memalign(void **out, size_t align, size_t size) {
    if (!power_of_two(align) || align % sizeof(void *) != 0) return EINVAL;
    void *p = rvx_alloc(size, align);
    if (!p) return ENOMEM;
    *out = p;
    return 0;
}

void *__wrap_aligned_alloc(size_t align, size_t size) {
    if (!power_of_two(align)) { errno = EINVAL; return NULL; }
    return rvx_alloc(size, align);
}

void *__wrap_memalign(size_t align, size_t size) { return __wrap_aligned_alloc(align, size); }
