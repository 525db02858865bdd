/*
 * token-rollup: the example state-transition function of a native rollup (docs/ROLLUP.md).
 *
 * Reads CONFIG (chain id), L1_ANCHOR and BATCH from the EXECUTE input container, applies the batch's
 * deposits and signed transfers to the runtime-managed binary-tree state, commits every withdrawal
 * (a transfer to the zero address) and a final summary as public output, and exits 0. rvx recomputes
 * the post-state root. Invalid transfers are skipped; a malformed batch rejects the whole batch.
 */
#include <string.h>

#include "rvx/rvx.h"
#include "token.h"

typedef struct {
    uint32_t deposits, transfers, skipped, withdrawals;
} counters;

static uint64_t chain_id;

static uint64_t load_le64(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = v << 8 | p[i];
    return v;
}

static void store_be64(uint8_t *p, uint64_t v) {
    for (int i = 7; i >= 0; i--, v >>= 8) p[i] = (uint8_t)v;
}

static void store_le32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++, v >>= 8) p[i] = (uint8_t)v;
}

static int is_zero_address(const address *a) {
    for (int i = 0; i < 20; i++)
        if (a->b[i]) return 0;
    return 1;
}

/* DEPOSIT: trusted (from L1). Credits the amount; skipped if the balance would overflow. */
static void apply_deposit(const uint8_t *op, counters *c) {
    address to;
    u256 amount, balance;
    memcpy(to.b, op + 1, 20);
    memcpy(amount.b, op + 21, 32);
    account_balance(&to, &balance);
    if (u256_add(&balance, &balance, &amount)) return;
    account_set_balance(&to, &balance);
    c->deposits++;
}

/* The signed message: keccak256(domain || chain_id BE8 || nonce BE8 || to 20 || amount 32). */
static void transfer_hash(const uint8_t *op, uint8_t hash[32]) {
    uint8_t msg[TOKEN_DOMAIN_LEN + 8 + 8 + 20 + 32];
    memcpy(msg, TOKEN_DOMAIN, TOKEN_DOMAIN_LEN);
    store_be64(msg + TOKEN_DOMAIN_LEN, chain_id);
    store_be64(msg + TOKEN_DOMAIN_LEN + 8, load_le64(op + 1));
    memcpy(msg + TOKEN_DOMAIN_LEN + 16, op + 9, 52); /* to, amount */
    token_require(rvx_keccak256(msg, sizeof msg, hash));
}

/* Recovers the sender; returns 0 if the signature is invalid (v not 0/1, high s, no recovery). */
static int recover_sender(const uint8_t *op, address *from) {
    const uint8_t *sig = op + 61, v = op[125];
    if (v > 1 || !u256_is_low_s(sig + 32)) return 0;
    uint8_t hash[32], pub[64], digest[32];
    transfer_hash(op, hash);
    long r = rvx_secp256k1_ecrecover(hash, sig, v, pub);
    token_require(r);
    if (r != 0) return 0;
    token_require(rvx_keccak256(pub, 64, digest));
    memcpy(from->b, digest + 12, 20);
    return 1;
}

/* TRANSFER: valid if the signature recovers, the nonce equals the sender's and the balance suffices
 * (and the receiver's balance does not overflow). A valid transfer to the zero address is a withdrawal:
 * debited and committed as (sender, amount) instead of credited. Invalid transfers change nothing. */
static void apply_transfer(const uint8_t *op, counters *c) {
    address from, to;
    u256 amount, from_balance, to_balance;
    memcpy(to.b, op + 9, 20);
    memcpy(amount.b, op + 29, 32);
    uint64_t nonce = load_le64(op + 1);
    if (!recover_sender(op, &from)) goto skip;
    uint64_t current = account_nonce(&from);
    if (current == UINT64_MAX || nonce != current) goto skip;
    account_balance(&from, &from_balance);
    if (u256_sub(&from_balance, &from_balance, &amount)) goto skip;
    int withdrawal = is_zero_address(&to);
    if (!withdrawal && memcmp(from.b, to.b, 20) != 0) {
        account_balance(&to, &to_balance);
        if (u256_add(&to_balance, &to_balance, &amount)) goto skip;
        account_set_balance(&to, &to_balance);
    }
    if (withdrawal || memcmp(from.b, to.b, 20) != 0) account_set_balance(&from, &from_balance);
    account_set_nonce(&from, nonce + 1);
    if (withdrawal) {
        uint8_t record[TOKEN_WITHDRAWAL_SIZE];
        memcpy(record, from.b, 20);
        memcpy(record + 20, amount.b, 32);
        token_require(rvx_commit(record, sizeof record));
        c->withdrawals++;
    } else {
        c->transfers++;
    }
    return;
skip:
    c->skipped++;
}

int main(void) {
    long version;
    if (!rvx_probe(&version)) return TOKEN_EXIT_RUNTIME;

    const uint8_t *config = NULL, *batch = NULL;
    size_t config_len = 0, batch_len = 0;
    if (rvx_input_map(RVX_SECTION_CONFIG, &config, &config_len) != 0 || config_len != 8) return TOKEN_EXIT_BAD_CONFIG;
    chain_id = load_le64(config);
    token_require(rvx_input_map(RVX_SECTION_BATCH, &batch, &batch_len));

    uint8_t summary[TOKEN_SUMMARY_SIZE] = {0};
    long anchor = rvx_input_read(RVX_SECTION_L1_ANCHOR, summary, 32, 0);
    if (anchor < 0 && anchor != -RVX_ENOENT) return TOKEN_EXIT_RUNTIME; /* absent anchor = zeros */

    if (batch_len < 8 || memcmp(batch, TOKEN_BATCH_MAGIC, 4) != 0) return TOKEN_EXIT_BAD_BATCH;
    uint32_t count = (uint32_t)batch[4] | (uint32_t)batch[5] << 8 | (uint32_t)batch[6] << 16 |
                     (uint32_t)batch[7] << 24;
    counters c = {0, 0, 0, 0};
    size_t at = 8;
    for (uint32_t i = 0; i < count; i++) {
        size_t left = batch_len - at;
        if (left == 0) return TOKEN_EXIT_BAD_BATCH;
        const uint8_t *op = batch + at;
        if (op[0] == TOKEN_OP_DEPOSIT && left >= TOKEN_DEPOSIT_SIZE) {
            apply_deposit(op, &c);
            at += TOKEN_DEPOSIT_SIZE;
        } else if (op[0] == TOKEN_OP_TRANSFER && left >= TOKEN_TRANSFER_SIZE) {
            apply_transfer(op, &c);
            at += TOKEN_TRANSFER_SIZE;
        } else {
            return TOKEN_EXIT_BAD_BATCH;
        }
    }
    if (at != batch_len) return TOKEN_EXIT_BAD_BATCH;

    store_le32(summary + 32, c.deposits);
    store_le32(summary + 36, c.transfers);
    store_le32(summary + 40, c.skipped);
    store_le32(summary + 44, c.withdrawals);
    token_require(rvx_keccak256(batch, batch_len, summary + 48));
    token_require(rvx_commit(summary, sizeof summary));
    return TOKEN_EXIT_OK;
}
