/*
 * account.c: account state in the runtime-managed binary tree (docs/ROLLUP.md, "State layout").
 * stem = SHA-256("TRB1-ACCOUNT" || address)[0..31), subindex 0 = balance (u256 big-endian),
 * subindex 1 = nonce (u64 as a 32-byte big-endian integer). An absent value reads as zero.
 */
#include <string.h>

#include "rvx/rvx.h"
#include "token.h"

void token_require(long status) {
    if (status < 0) rvx_exit(TOKEN_EXIT_RUNTIME);
}

void account_key(const address *a, unsigned subindex, uint8_t key[32]) {
    uint8_t pre[TOKEN_KEY_DOMAIN_LEN + 20];
    memcpy(pre, TOKEN_KEY_DOMAIN, TOKEN_KEY_DOMAIN_LEN);
    memcpy(pre + TOKEN_KEY_DOMAIN_LEN, a->b, 20);
    token_require(rvx_sha256(pre, sizeof pre, key));
    key[31] = (uint8_t)subindex;
}

void account_balance(const address *a, u256 *balance) {
    uint8_t key[32];
    account_key(a, TOKEN_SUBINDEX_BALANCE, key);
    token_require(rvx_state_read(key, balance->b));
}

uint64_t account_nonce(const address *a) {
    uint8_t key[32], v[32];
    account_key(a, TOKEN_SUBINDEX_NONCE, key);
    token_require(rvx_state_read(key, v));
    for (int i = 0; i < 24; i++)
        if (v[i]) return UINT64_MAX; /* beyond 64 bits: the account is exhausted */
    uint64_t n = 0;
    for (int i = 24; i < 32; i++) n = n << 8 | v[i];
    return n;
}

void account_set_balance(const address *a, const u256 *balance) {
    uint8_t key[32];
    account_key(a, TOKEN_SUBINDEX_BALANCE, key);
    token_require(rvx_state_write(key, balance->b));
}

void account_set_nonce(const address *a, uint64_t nonce) {
    uint8_t key[32], v[32] = {0};
    account_key(a, TOKEN_SUBINDEX_NONCE, key);
    for (int i = 31; i >= 24; i--, nonce >>= 8) v[i] = (uint8_t)nonce;
    token_require(rvx_state_write(key, v));
}
