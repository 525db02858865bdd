/* c_commit_bomb.c: commits a 64 KiB buffer forever: the 17th commit passes the 1 MiB output cap: output limit
 * exceeded. */
#include "rvx/rvx.h"

static uint8_t chunk[64 * 1024];

int main(void) {
    for (unsigned i = 0;; i++) {
        chunk[i % sizeof chunk] = (uint8_t)i;
        rvx_commit(chunk, sizeof chunk);
    }
}
