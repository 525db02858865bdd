/*
 * zkvm_accelerators.h: the cryptographic accelerator C interface of the eth-act zkVM standards
 * ("zkVM Cryptographic Accelerators C Interface"). rvx implements the seven functions below over its
 * native calls (guest/sdk/zkvm/zkvm_accelerators.c); the standard's other accelerators are not provided.
 *
 * All multi-byte operands are big-endian byte strings, as in the corresponding EVM precompiles.
 */
#ifndef ZKVM_ACCELERATORS_H
#define ZKVM_ACCELERATORS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Result of the fallible accelerators. */
typedef enum {
    ZKVM_ERROR = -1,         /* malformed input or the runtime refused the call */
    ZKVM_SUCCESS = 0,        /* the operation succeeded */
    ZKVM_VERIFY_FAILURE = 1, /* well-formed input that does not verify / recover */
} zkvm_status;

/* Keccak-256 (the Ethereum variant, padding 0x01) of data[0..len). */
void zkvm_keccak256(const uint8_t *data, size_t len, uint8_t output[32]);

/* SHA-256 (FIPS 180-4) of data[0..len). */
void zkvm_sha256(const uint8_t *data, size_t len, uint8_t output[32]);

/* Recovers the uncompressed public key x||y (64 bytes) from a message hash, r||s and recid (0 or 1). */
zkvm_status zkvm_secp256k1_ecrecover(const uint8_t msg[32], const uint8_t sig[64], uint8_t recid,
                                     uint8_t output[64]);

/* Verifies r||s over a message hash against the uncompressed public key x||y. */
zkvm_status zkvm_secp256k1_verify(const uint8_t msg[32], const uint8_t sig[64], const uint8_t pubkey[64]);

/* base^exp mod modulus (EIP-198 semantics; modulus 0 gives zeros); output has mod_len bytes. */
zkvm_status zkvm_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len,
                        const uint8_t *modulus, size_t mod_len, uint8_t *output);

#ifdef __cplusplus
}
#endif

#endif /* ZKVM_ACCELERATORS_H */
