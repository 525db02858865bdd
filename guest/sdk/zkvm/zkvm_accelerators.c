/*
 * zkvm_accelerators.c: the seven accelerators of zkvm_accelerators.h that rvx provides, each one
 * native call. The void functions terminate the guest with ZKVM_RVX_FAIL_STATUS if the call fails
 * (a bad buffer, or not running under rvx); the others map the native status to zkvm_status.
 */
#include "rvx/rvx.h"
#include "zkvm_accelerators.h"

#include "zkvm_internal.h"

void zkvm_keccak256(const uint8_t *data, size_t len, uint8_t output[32]) {
    if (rvx_keccak256(data, len, output) != 0) zkvm_rvx_fail();
}

void zkvm_sha256(const uint8_t *data, size_t len, uint8_t output[32]) {
    if (rvx_sha256(data, len, output) != 0) zkvm_rvx_fail();
}

static zkvm_status status_of(long r) {
    if (r == 0) return ZKVM_SUCCESS;
    if (r == 1) return ZKVM_VERIFY_FAILURE;
    return ZKVM_ERROR;
}

zkvm_status zkvm_secp256k1_ecrecover(const uint8_t msg[32], const uint8_t sig[64], uint8_t recid,
                                     uint8_t output[64]) {
    if (recid > 1) return ZKVM_ERROR;
    return status_of(rvx_secp256k1_ecrecover(msg, sig, recid, output));
}

zkvm_status zkvm_secp256k1_verify(const uint8_t msg[32], const uint8_t sig[64], const uint8_t pubkey[64]) {
    return status_of(rvx_secp256k1_verify(msg, sig, pubkey));
}

zkvm_status zkvm_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len,
                        const uint8_t *modulus, size_t mod_len, uint8_t *output) {
    return rvx_modexp(base, base_len, exp, exp_len, modulus, mod_len, output) == 0 ? ZKVM_SUCCESS : ZKVM_ERROR;
}
