/*
 * sdk-state: exercises the state wrappers of rvx/rvx.h in both state modes (docs/ABI.md).
 *
 * Runtime-managed mode: writes value V = sha256("value") under K1 = sha256("k1"), reads it back, reads the
 * absent key K3 = sha256("k3") (must be 0 and zeros), deletes K2 = sha256("k2"), then commits STATE_ROOT
 * (32 bytes) and exits 0 (1 if a read-back differs).
 * Guest-managed mode (STATE_READ answers -ENOSYS): declares POST_ROOT = sha256(BATCH), commits the same
 * 32 bytes and exits 0.
 */
#include <string.h>

#include "rvx/rvx.h"

static void hash_str(const char *s, uint8_t out[32]) { rvx_sha256(s, strlen(s), out); }

int main(void) {
    if (!rvx_probe(NULL)) return 4;
    uint8_t k1[32], k2[32], k3[32], v[32], got[32], root[32];
    hash_str("k1", k1);
    hash_str("k2", k2);
    hash_str("k3", k3);
    hash_str("value", v);

    long r = rvx_state_read(k3, got);
    if (r == -RVX_ENOSYS) {
        const uint8_t *batch = NULL;
        size_t len = 0;
        if (rvx_input_map(RVX_SECTION_BATCH, &batch, &len) != 0) return 2;
        rvx_sha256(batch, len, root);
        if (rvx_post_root(root) != 0) return 3;
        rvx_commit(root, 32);
        return 0;
    }
    static const uint8_t zero[32];
    if (r != 0 || memcmp(got, zero, 32) != 0) return 1;
    if (rvx_state_write(k1, v) != 0) return 1;
    if (rvx_state_read(k1, got) != 1 || memcmp(got, v, 32) != 0) return 1;
    if (rvx_state_delete(k2) != 0) return 1;
    if (rvx_state_read(k2, got) != 0) return 1;
    if (rvx_state_root(root) != 0) return 1;
    rvx_commit(root, 32);
    return 0;
}
