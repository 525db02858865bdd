/*
 * standard-ledger: an out-of-tree STF written only against the eth-act zkVM standard headers (zkvm_io.h,
 * zkvm_accelerators.h) and libc. rvx runs it in standard-IO state mode (docs/EXECUTE.md §2.1):
 *
 *   read_input  = n (u64 LE) ‖ n × (key[32] ‖ value[32]), ascending by key   the runtime-verified state view
 *                 ‖ BATCH
 *   output      = APP ‖ writes ‖ deletes ‖ reads ‖ nw ‖ nd ‖ nr ‖ "rvxstate"   the state report at the end
 *
 * BATCH is a sequence of 40-byte records: key (32 bytes) ‖ amount (u64 LE). Each record adds amount to the
 * value stored under key, a 32-byte big-endian integer (absent = 0); a sum past 2^64 - 1 is refused (exit 3),
 * as is a batch whose length is not a multiple of 40 (exit 2) or a malformed view (exit 4). APP is the record
 * count (u64 LE) ‖ SHA-256(BATCH). The same ledger as Examples/kv-ledger, so both reach the same post roots.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zkvm_accelerators.h"
#include "zkvm_io.h"

enum { KEY = 32, ENTRY = 64, RECORD = 40 };

static uint64_t load_u64(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = v << 8 | p[i];
    return v;
}

static void store_u64(uint8_t *p, uint64_t v) {
    for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
}

/* The view's value for key, or NULL when the view has none (the key is absent, which the runtime checks
 * against the witness because the key is reported as read). */
static const uint8_t *view_find(const uint8_t *entries, uint64_t n, const uint8_t *key) {
    uint64_t lo = 0, hi = n;
    while (lo < hi) {
        uint64_t mid = lo + (hi - lo) / 2;
        int c = memcmp(entries + mid * ENTRY, key, KEY);
        if (c == 0) return entries + mid * ENTRY + KEY;
        if (c < 0) lo = mid + 1; else hi = mid;
    }
    return NULL;
}

int main(void) {
    const uint8_t *in;
    size_t in_len;
    read_input(&in, &in_len);
    if (in_len < 8) return 4;
    uint64_t n = load_u64(in);
    if (n > (in_len - 8) / ENTRY) return 4;
    const uint8_t *entries = in + 8;
    const uint8_t *batch = entries + n * ENTRY;
    size_t len = in_len - 8 - (size_t)n * ENTRY;
    if (len % RECORD != 0) return 2;
    size_t records = len / RECORD;

    /* Changed entries (key ‖ new value), one per distinct key, in first-touch order: they are the writes,
     * and their keys are the reads (each key is looked up in the view once, on first touch). */
    uint8_t *changed = malloc(records * ENTRY + 1);
    if (!changed) return 5;
    size_t nchanged = 0;
    for (size_t off = 0; off < len; off += RECORD) {
        const uint8_t *key = batch + off;
        uint64_t amount = load_u64(batch + off + KEY);
        uint8_t *slot = NULL;
        for (size_t i = 0; i < nchanged && !slot; i++)
            if (memcmp(changed + i * ENTRY, key, KEY) == 0) slot = changed + i * ENTRY;
        if (!slot) {
            slot = changed + nchanged++ * ENTRY;
            memcpy(slot, key, KEY);
            const uint8_t *v = view_find(entries, n, key);
            if (v) memcpy(slot + KEY, v, KEY); else memset(slot + KEY, 0, KEY);
        }
        uint8_t *value = slot + KEY;
        uint64_t old = 0;
        for (int i = 0; i < 24; i++) if (value[i] != 0) return 3;
        for (int i = 24; i < 32; i++) old = old << 8 | value[i];
        if (old > UINT64_MAX - amount) return 3;
        uint64_t sum = old + amount;
        for (int i = 31; i >= 24; i--) { value[i] = (uint8_t)sum; sum >>= 8; }
    }

    /* APP: the record count and the batch digest. */
    uint8_t app[8 + 32];
    store_u64(app, records);
    zkvm_sha256_hash digest;
    if (zkvm_sha256(batch, len, &digest) != ZKVM_EOK) return 5;
    memcpy(app + 8, digest.data, 32);
    write_output(app, sizeof app);

    /* The state report: writes, no deletes, reads, trailer. */
    write_output(changed, nchanged * ENTRY);
    for (size_t i = 0; i < nchanged; i++) write_output(changed + i * ENTRY, KEY);
    uint8_t trailer[32];
    store_u64(trailer, nchanged);
    store_u64(trailer + 8, 0);
    store_u64(trailer + 16, nchanged);
    memcpy(trailer + 24, "rvxstate", 8);
    write_output(trailer, sizeof trailer);
    free(changed);
    return 0;
}
