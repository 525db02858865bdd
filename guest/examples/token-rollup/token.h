/*
 * token.h: the token rollup's formats and rules (docs/ROLLUP.md is the specification).
 */
#ifndef TOKEN_H
#define TOKEN_H

#include <stddef.h>
#include <stdint.h>

/* Exit statuses: 0 = batch applied; anything else rejects the whole batch (EXECUTE answers false). */
enum {
    TOKEN_EXIT_OK = 0,
    TOKEN_EXIT_BAD_CONFIG = 2,   /* CONFIG absent or not exactly 8 bytes */
    TOKEN_EXIT_BAD_BATCH = 3,    /* bad magic, truncated op, unknown op tag, trailing bytes */
    TOKEN_EXIT_RUNTIME = 4,      /* a native call failed (not running under rvx, or a runtime error) */
};

#define TOKEN_BATCH_MAGIC "TRB1"          /* 4 bytes */
#define TOKEN_DOMAIN "RVX-TOKEN-ROLLUP-V1" /* 19 bytes, prefix of every signed message */
#define TOKEN_DOMAIN_LEN 19
#define TOKEN_KEY_DOMAIN "TRB1-ACCOUNT"    /* 12 bytes, prefix of the account-stem preimage */
#define TOKEN_KEY_DOMAIN_LEN 12

#define TOKEN_OP_DEPOSIT 0x01
#define TOKEN_OP_TRANSFER 0x02
#define TOKEN_DEPOSIT_SIZE 53   /* tag, address 20, amount 32 */
#define TOKEN_TRANSFER_SIZE 126 /* tag, nonce 8 (LE), to 20, amount 32, r 32, s 32, v 1 */

#define TOKEN_SUBINDEX_BALANCE 0
#define TOKEN_SUBINDEX_NONCE 1

#define TOKEN_WITHDRAWAL_SIZE 52 /* address 20, amount 32 */
#define TOKEN_SUMMARY_SIZE 80    /* l1 anchor 32, 4 x u32 LE counters, keccak256(batch) 32 */

typedef struct { uint8_t b[32]; } u256; /* big-endian */
typedef struct { uint8_t b[20]; } address;

/* u256.c */
int u256_add(u256 *r, const u256 *a, const u256 *b); /* returns 1 on overflow (r unchanged) */
int u256_sub(u256 *r, const u256 *a, const u256 *b); /* returns 1 if a < b (r unchanged) */
int u256_is_low_s(const uint8_t s[32]);              /* s <= secp256k1 n/2 */

/* account.c: the state layout. */
void account_key(const address *a, unsigned subindex, uint8_t key[32]);
void account_balance(const address *a, u256 *balance);
uint64_t account_nonce(const address *a);
void account_set_balance(const address *a, const u256 *balance);
void account_set_nonce(const address *a, uint64_t nonce);

/* Terminates the guest with TOKEN_EXIT_RUNTIME if a native call returned a negative status. */
void token_require(long status);

#endif /* TOKEN_H */
