/*
 * kv-ledger: a small out-of-tree rvx STF (docs/TOOLCHAIN.md "Out of tree"), built with toolchain/rvx-cc.
 *
 * BATCH is a sequence of 40-byte records: key (32 bytes) ‖ amount (u64, little-endian). Each record adds
 * amount to the value stored under key, a 32-byte big-endian integer (absent = 0); a sum past 2^64 - 1 is
 * refused (exit 3), as is a batch whose length is not a multiple of 40 (exit 2). The public output is the
 * record count (u64, little-endian).
 *
 * Runtime-managed mode: the state lives in rvx's binary tree (STATE_READ / STATE_WRITE) and the runtime
 * computes the post root. Guest-managed mode (STATE_READ answers -ENOSYS): the guest keeps no tree and
 * declares POST_ROOT = SHA-256(PRE_STATE_ROOT ‖ BATCH), a hash chain over the batches.
 */
#include <stdint.h>
#include <string.h>

#include "rvx/rvx.h"

enum { RECORD = 40 };

static int guest_managed(const uint8_t *batch, size_t len) {
    static uint8_t buf[32 + (1 << 16)];
    const uint8_t *pre = NULL;
    size_t pre_len = 0;
    if (rvx_input_map(RVX_SECTION_PRE_STATE_ROOT, &pre, &pre_len) != 0 || pre_len != 32) return 4;
    if (len > sizeof buf - 32) return 2;
    memcpy(buf, pre, 32);
    memcpy(buf + 32, batch, len);
    uint8_t root[32];
    rvx_sha256(buf, 32 + len, root);
    if (rvx_post_root(root) != 0) return 5;
    uint64_t n = len / RECORD;
    rvx_commit(&n, sizeof n);
    return 0;
}

int main(void) {
    const uint8_t *batch = NULL;
    size_t len = 0;
    if (rvx_input_map(RVX_SECTION_BATCH, &batch, &len) != 0) return 4;
    if (len % RECORD != 0) return 2;
    static const uint8_t zero[32];
    uint8_t value[32];
    /* The first key the batch reads anyway (or 0^32 for an empty batch) tells the state mode. */
    long probe = rvx_state_read(len >= RECORD ? batch : zero, value);
    if (probe == -RVX_ENOSYS) return guest_managed(batch, len);
    for (size_t off = 0; off < len; off += RECORD) {
        const uint8_t *key = batch + off;
        uint64_t amount = 0, old = 0;
        for (int i = 7; i >= 0; i--) amount = amount << 8 | batch[off + 32 + i];
        long r = rvx_state_read(key, value);
        if (r < 0) return 4;
        for (int i = 0; i < 24; i++) if (r == 1 && value[i] != 0) return 3;
        for (int i = 24; i < 32; i++) old = old << 8 | (r == 1 ? value[i] : 0);
        if (old > UINT64_MAX - amount) return 3;
        uint64_t sum = old + amount;
        memset(value, 0, 24);
        for (int i = 31; i >= 24; i--) { value[i] = (uint8_t)sum; sum >>= 8; }
        if (rvx_state_write(key, value) != 0) return 4;
    }
    uint64_t n = len / RECORD;
    rvx_commit(&n, sizeof n);
    return 0;
}
