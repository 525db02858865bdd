/* c_malloc_bomb.c: mallocs 64 KiB blocks and touches every page of them until malloc fails (brk refuses past the memory limit),
 * then exits 0 if it got at least one block and malloc failed cleanly. Under an 8 MiB limit: true, and the host
 * stays bounded. */
#include <stdlib.h>

int main(void) {
    unsigned blocks = 0;
    for (;;) {
        char *p = malloc(64 * 1024);
        if (p == NULL) break;
        for (unsigned i = 0; i < 64 * 1024; i += 4096) p[i] = (char)blocks;
        blocks++;
    }
    return blocks > 0 ? 0 : 1;
}
