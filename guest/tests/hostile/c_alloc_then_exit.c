/* c_alloc_then_exit.c: a realistic allocator workload under a tight limit: allocates and frees growing blocks
 * (1 KiB … 2 MiB) and exits with 0 if the blocks that fit had the right contents and the largest ones were
 * refused, so the guest sees out-of-memory as NULL (1 MiB memory limit). */
#include <stdlib.h>

int main(void) {
    int refused = 0;
    for (size_t n = 1024; n <= 2u << 20; n *= 2) {
        unsigned char *p = malloc(n);
        if (p == NULL) { refused++; continue; }
        for (size_t i = 0; i < n; i += 4096) p[i] = (unsigned char)(n >> 10);
        for (size_t i = 0; i < n; i += 4096) if (p[i] != (unsigned char)(n >> 10)) return 2;
        free(p);
    }
    return refused > 0 ? 0 : 1;
}
