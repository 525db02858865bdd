/*
 * zkvm_host_ecc.c: signature, MODEXP and curve accelerators of zkvm_accelerators.h for a native host build:
 * secp256k1 verify and recovery (libsecp256k1), secp256r1 verify (OpenSSL, EIP-7951 rules), MODEXP (GMP).
 * BN254, KZG and BLS12-381 have no library on the host (Debian packages none of blst, mcl or c-kzg), so those
 * functions end the program through abort() after naming themselves on stderr.
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

static _Noreturn void missing(const char *name) {
    fprintf(stderr, "%s: not available in the host build (no BN254/BLS12-381/KZG library on the host)\n", name);
    abort();
}

zkvm_status zkvm_bn254_g1_add(const zkvm_bn254_g1_point *p1, const zkvm_bn254_g1_point *p2, zkvm_bn254_g1_point *r) {
    (void)p1; (void)p2; (void)r; missing("zkvm_bn254_g1_add");
}
zkvm_status zkvm_bn254_g1_mul(const zkvm_bn254_g1_point *p, const zkvm_bn254_scalar *k, zkvm_bn254_g1_point *r) {
    (void)p; (void)k; (void)r; missing("zkvm_bn254_g1_mul");
}
zkvm_status zkvm_bn254_pairing(const zkvm_bn254_pairing_pair *pairs, size_t n, bool *verified) {
    (void)pairs; (void)n; (void)verified; missing("zkvm_bn254_pairing");
}
zkvm_status zkvm_kzg_point_eval(const zkvm_kzg_commitment *c, const zkvm_kzg_field_element *z,
                                const zkvm_kzg_field_element *y, const zkvm_kzg_proof *p, bool *verified) {
    (void)c; (void)z; (void)y; (void)p; (void)verified; missing("zkvm_kzg_point_eval");
}
zkvm_status zkvm_bls12_g1_add(const zkvm_bls12_381_g1_point *a, const zkvm_bls12_381_g1_point *b,
                              zkvm_bls12_381_g1_point *r) {
    (void)a; (void)b; (void)r; missing("zkvm_bls12_g1_add");
}
zkvm_status zkvm_bls12_g1_msm(const zkvm_bls12_381_g1_msm_pair *pairs, size_t n, zkvm_bls12_381_g1_point *r) {
    (void)pairs; (void)n; (void)r; missing("zkvm_bls12_g1_msm");
}
zkvm_status zkvm_bls12_g2_add(const zkvm_bls12_381_g2_point *a, const zkvm_bls12_381_g2_point *b,
                              zkvm_bls12_381_g2_point *r) {
    (void)a; (void)b; (void)r; missing("zkvm_bls12_g2_add");
}
zkvm_status zkvm_bls12_g2_msm(const zkvm_bls12_381_g2_msm_pair *pairs, size_t n, zkvm_bls12_381_g2_point *r) {
    (void)pairs; (void)n; (void)r; missing("zkvm_bls12_g2_msm");
}
zkvm_status zkvm_bls12_pairing(const zkvm_bls12_381_pairing_pair *pairs, size_t n, bool *verified) {
    (void)pairs; (void)n; (void)verified; missing("zkvm_bls12_pairing");
}
zkvm_status zkvm_bls12_map_fp_to_g1(const zkvm_bls12_381_fp *u, zkvm_bls12_381_g1_point *r) {
    (void)u; (void)r; missing("zkvm_bls12_map_fp_to_g1");
}
zkvm_status zkvm_bls12_map_fp2_to_g2(const zkvm_bls12_381_fp2 *u, zkvm_bls12_381_g2_point *r) {
    (void)u; (void)r; missing("zkvm_bls12_map_fp2_to_g2");
}
