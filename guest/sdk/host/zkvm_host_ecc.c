/*
 * zkvm_host_ecc.c: signature and MODEXP accelerators of zkvm_accelerators.h for a native host build:
 * secp256k1 verify and recovery (libsecp256k1), secp256r1 verify (OpenSSL, EIP-7951 rules), MODEXP (GMP).
 * BN254, KZG and BLS12-381 are in zkvm_host_curves.c.
 */
#include <gmp.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/obj_mac.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zkvm_accelerators.h"

static secp256k1_context *k1(void) {
    static secp256k1_context *ctx;
    if (!ctx) ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    return ctx;
}

zkvm_status zkvm_secp256k1_verify(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                  const zkvm_secp256k1_pubkey *pubkey, bool *verified) {
    if (!msg || !sig || !pubkey || !verified) abort();
    *verified = false;
    uint8_t key[65] = {0x04};
    memcpy(key + 1, pubkey->data, 64);
    secp256k1_pubkey pk;
    if (!secp256k1_ec_pubkey_parse(k1(), &pk, key, sizeof key)) return ZKVM_EFAIL;
    secp256k1_ecdsa_signature s;
    if (!secp256k1_ecdsa_signature_parse_compact(k1(), &s, sig->data)) return ZKVM_EOK;   /* r or s >= n */
    secp256k1_ecdsa_signature_normalize(k1(), &s, &s);                                      /* high s accepted */
    *verified = secp256k1_ecdsa_verify(k1(), &s, msg->data, &pk) == 1;
    return ZKVM_EOK;
}

zkvm_status zkvm_secp256k1_ecrecover(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                     uint8_t recid, zkvm_secp256k1_pubkey *output) {
    if (!msg || !sig || !output) abort();
    secp256k1_ecdsa_recoverable_signature s;
    secp256k1_pubkey pk;
    if (recid > 3 || !secp256k1_ecdsa_recoverable_signature_parse_compact(k1(), &s, sig->data, recid) ||
        !secp256k1_ecdsa_recover(k1(), &pk, &s, msg->data))
        return ZKVM_EFAIL;
    uint8_t key[65];
    size_t n = sizeof key;
    secp256k1_ec_pubkey_serialize(k1(), key, &n, &pk, SECP256K1_EC_UNCOMPRESSED);
    memcpy(output->data, key + 1, 64);
    return ZKVM_EOK;
}

zkvm_status zkvm_secp256r1_verify(const zkvm_secp256r1_hash *msg, const zkvm_secp256r1_signature *sig,
                                  const zkvm_secp256r1_pubkey *pubkey, bool *verified) {
    if (!msg || !sig || !pubkey || !verified) abort();
    *verified = false;
    zkvm_status status = ZKVM_EFAIL;
    EC_KEY *key = EC_KEY_new_by_curve_name(NID_X9_62_prime256v1);
    BIGNUM *x = BN_bin2bn(pubkey->data, 32, NULL), *y = BN_bin2bn(pubkey->data + 32, 32, NULL);
    BIGNUM *r = BN_bin2bn(sig->data, 32, NULL), *s = BN_bin2bn(sig->data + 32, 32, NULL);
    ECDSA_SIG *es = ECDSA_SIG_new();
    /* set_public_key_affine_coordinates refuses coordinates >= p and points off the curve. */
    if (key && x && y && r && s && es && EC_KEY_set_public_key_affine_coordinates(key, x, y) == 1) {
        status = ZKVM_EOK;
        if (!BN_is_zero(r) && !BN_is_zero(s) && ECDSA_SIG_set0(es, r, s) == 1) {
            r = s = NULL;   /* owned by es */
            *verified = ECDSA_do_verify(msg->data, 32, es, key) == 1;
        }
    }
    ECDSA_SIG_free(es);
    BN_free(r); BN_free(s); BN_free(x); BN_free(y);
    EC_KEY_free(key);
    return status;
}

zkvm_status zkvm_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len,
                        const uint8_t *modulus, size_t mod_len, uint8_t *output) {
    if ((!base && base_len) || (!exp && exp_len) || (!modulus && mod_len) || (!output && mod_len)) abort();
    mpz_t b, e, m, r;
    mpz_inits(b, e, m, r, NULL);
    mpz_import(b, base_len, 1, 1, 0, 0, base);
    mpz_import(e, exp_len, 1, 1, 0, 0, exp);
    mpz_import(m, mod_len, 1, 1, 0, 0, modulus);
    if (mod_len) memset(output, 0, mod_len);
    if (mpz_sgn(m) != 0) {
        mpz_powm(r, b, e, m);
        size_t n = (mpz_sizeinbase(r, 2) + 7) / 8;
        if (mpz_sgn(r) != 0) mpz_export(output + mod_len - n, NULL, 1, 1, 0, 0, r);
    }
    mpz_clears(b, e, m, r, NULL);
    return ZKVM_EOK;
}
