/* c_post_root_false.c: guest-managed: computes sha256(BATCH) (the "right" root of a trivial STF) but declares
 * its bitwise complement, then exits 0. The claim is 0 × 32 and the
 * declared root differs from it: false, root mismatch. */
#include "rvx/rvx.h"

int main(void) {
    const uint8_t *batch = 0;
    size_t len = 0;
    if (rvx_input_map(RVX_SECTION_BATCH, &batch, &len) != 0) return 2;
    uint8_t root[32];
    rvx_sha256(batch, len, root);
    for (int i = 0; i < 32; i++) root[i] = (uint8_t)~root[i];
    if (rvx_post_root(root) != 0) return 3;
    return 0;
}
