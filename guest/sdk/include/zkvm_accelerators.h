/*
 * zkvm_accelerators.h: rvx's declaration of the eth-act "zkVM Cryptographic Accelerators C Interface"
 * (eth-act/zkvm-standards, standards/c-interface-accelerators/zkvm_accelerators.h at commit d5f1813, plus
 * zkvm_keccak_f1600 from the open proposal 892bb76). Names, types, struct layouts and signatures are
 * those of the standard, so a guest compiled against the standard's own header links against
 * libzkvm_rvx.a unchanged. Implemented in guest/sdk/zkvm/ over rvx native calls (docs/SDK.md §2).
 *
 * Conventions of this implementation (docs/SDK.md §2 "Accelerators"):
 *   - every byte string is big-endian as in the corresponding EVM precompile, except BLAKE2f's
 *     little-endian words and Keccak-f[1600]'s native uint64_t lanes;
 *   - ZKVM_EFAIL means an argument is not a valid encoding (a point off its curve or outside its subgroup,
 *     a coordinate >= p, a bad flag, an unrecoverable signature); a function with `bool *verified`
 *     always writes it, and writes false whenever it returns ZKVM_EFAIL;
 *   - a NULL pointer (with a non-zero length where a length applies) terminates the guest through abort()
 *     (exit status 134), as the standard says the function SHOULD panic.
 */
#ifndef ZKVM_ACCELERATORS_H
#define ZKVM_ACCELERATORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Result of every accelerator: 0 on success, non-zero on failure. */
typedef enum {
    ZKVM_EOK = 0,
    ZKVM_EFAIL = -1
} zkvm_status;

/* 8-byte alignment of the fixed-size operands (C11 _Alignas / C++11 alignas). */
#if defined(__cplusplus)
#  if __cplusplus < 201103L
#    error "zkvm_accelerators.h needs C++11 or later"
#  endif
#  define ZKVM_RVX_ALIGN8 alignas(8)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#  define ZKVM_RVX_ALIGN8 _Alignas(8)
#else
#  error "zkvm_accelerators.h needs C11 or later"
#endif
#ifndef ALIGN8
#  define ALIGN8 ZKVM_RVX_ALIGN8 /* the standard header's name for the same qualifier */
#endif

/* Fixed-size byte strings: N bytes, 8-byte aligned, no padding (sizeof == N). */
typedef struct { ZKVM_RVX_ALIGN8 uint8_t data[16]; } zkvm_bytes_16;
typedef struct { ZKVM_RVX_ALIGN8 uint8_t data[32]; } zkvm_bytes_32;
typedef struct { ZKVM_RVX_ALIGN8 uint8_t data[48]; } zkvm_bytes_48;
typedef struct { ZKVM_RVX_ALIGN8 uint8_t data[64]; } zkvm_bytes_64;
typedef struct { ZKVM_RVX_ALIGN8 uint8_t data[96]; } zkvm_bytes_96;
typedef struct { ZKVM_RVX_ALIGN8 uint8_t data[128]; } zkvm_bytes_128;
typedef struct { ZKVM_RVX_ALIGN8 uint8_t data[192]; } zkvm_bytes_192;

/* Digests. RIPEMD-160's 20 bytes sit in the last 20 of 32; the first 12 are zero (as precompile 0x03). */
typedef zkvm_bytes_32 zkvm_keccak256_hash;
typedef zkvm_bytes_32 zkvm_sha256_hash;
typedef zkvm_bytes_32 zkvm_ripemd160_hash;

/* ECDSA over secp256k1 and secp256r1: hash, r || s, uncompressed key x || y (no 0x04 prefix). */
typedef zkvm_bytes_32 zkvm_secp256k1_hash;
typedef zkvm_bytes_64 zkvm_secp256k1_signature;
typedef zkvm_bytes_64 zkvm_secp256k1_pubkey;
typedef zkvm_bytes_32 zkvm_secp256r1_hash;
typedef zkvm_bytes_64 zkvm_secp256r1_signature;
typedef zkvm_bytes_64 zkvm_secp256r1_pubkey;

/* BN254 (EIP-196/197 encodings): G1 x || y, G2 x_im || x_re || y_im || y_re, all 32-byte words. */
typedef zkvm_bytes_64 zkvm_bn254_g1_point;
typedef zkvm_bytes_128 zkvm_bn254_g2_point;
typedef zkvm_bytes_32 zkvm_bn254_scalar;
typedef struct {
    zkvm_bn254_g1_point g1;
    zkvm_bn254_g2_point g2;
} zkvm_bn254_pairing_pair;

/* BLS12-381, unpadded: Fp 48 bytes, Fp2 c0 || c1, G1 x || y (96), G2 x || y over Fp2 (192); the point at
 * infinity is all zeros (EIP-2537's convention without its 16-byte padding). */
typedef zkvm_bytes_96 zkvm_bls12_381_g1_point;
typedef zkvm_bytes_192 zkvm_bls12_381_g2_point;
typedef zkvm_bytes_32 zkvm_bls12_381_scalar;
typedef zkvm_bytes_48 zkvm_bls12_381_fp;
typedef zkvm_bytes_96 zkvm_bls12_381_fp2;
typedef struct {
    zkvm_bls12_381_g1_point point;
    zkvm_bls12_381_scalar scalar;
} zkvm_bls12_381_g1_msm_pair;
typedef struct {
    zkvm_bls12_381_g2_point point;
    zkvm_bls12_381_scalar scalar;
} zkvm_bls12_381_g2_msm_pair;
typedef struct {
    zkvm_bls12_381_g1_point g1;
    zkvm_bls12_381_g2_point g2;
} zkvm_bls12_381_pairing_pair;

/* BLAKE2f (EIP-152): h = 8 little-endian u64, m = 16, t = 2. */
typedef zkvm_bytes_64 zkvm_blake2f_state;
typedef zkvm_bytes_128 zkvm_blake2f_message;
typedef zkvm_bytes_16 zkvm_blake2f_offset;

/* KZG (EIP-4844): compressed G1 commitment and proof, field elements below the BLS12-381 group order. */
typedef zkvm_bytes_48 zkvm_kzg_commitment;
typedef zkvm_bytes_48 zkvm_kzg_proof;
typedef zkvm_bytes_32 zkvm_kzg_field_element;

/* ---- hashes and permutations ---- */

/* Keccak-256 (Ethereum's padding) of data[0, len). */
zkvm_status zkvm_keccak256(const uint8_t *data, size_t len, zkvm_keccak256_hash *output);

/* Keccak-f[1600] on 25 lanes in place; lane (x, y) is state[x + 5y]. */
zkvm_status zkvm_keccak_f1600(uint64_t *state);

/* SHA-256 (precompile 0x02). */
zkvm_status zkvm_sha256(const uint8_t *data, size_t len, zkvm_sha256_hash *output);

/* RIPEMD-160 (precompile 0x03), left-padded to 32 bytes. */
zkvm_status zkvm_ripemd160(const uint8_t *data, size_t len, zkvm_ripemd160_hash *output);

/* BLAKE2 compression F with `rounds` rounds (precompile 0x09); h is updated in place; f must be 0 or 1. */
zkvm_status zkvm_blake2f(uint32_t rounds, zkvm_blake2f_state *h, const zkvm_blake2f_message *m,
                         const zkvm_blake2f_offset *t, uint8_t f);

/* ---- signatures ---- */

/* secp256k1 ECDSA: *verified = signature valid for msg under pubkey (low and high s accepted).
 * ZKVM_EFAIL (and *verified = false) if pubkey is not a curve point. */
zkvm_status zkvm_secp256k1_verify(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                  const zkvm_secp256k1_pubkey *pubkey, bool *verified);

/* secp256k1 public-key recovery (precompile 0x01 without the address step); recid 0..3.
 * ZKVM_EFAIL if no key can be recovered (r or s out of range, no curve point, recid > 3). */
zkvm_status zkvm_secp256k1_ecrecover(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                     uint8_t recid, zkvm_secp256k1_pubkey *output);

/* secp256r1 ECDSA (precompile 0x100, EIP-7951 rules). ZKVM_EFAIL (and *verified = false) if pubkey is
 * not a finite curve point with coordinates below p. */
zkvm_status zkvm_secp256r1_verify(const zkvm_secp256r1_hash *msg, const zkvm_secp256r1_signature *sig,
                                  const zkvm_secp256r1_pubkey *pubkey, bool *verified);

/* ---- arithmetic ---- */

/* base^exp mod modulus (precompile 0x05, EIP-198): output gets mod_len bytes, zeros for a zero modulus.
 * Any operand length the guest can hold. */
zkvm_status zkvm_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len,
                        const uint8_t *modulus, size_t mod_len, uint8_t *output);

/* ---- BN254 ---- */

/* p1 + p2 (precompile 0x06). ZKVM_EFAIL if a point is not on the curve or a coordinate >= p. */
zkvm_status zkvm_bn254_g1_add(const zkvm_bn254_g1_point *p1, const zkvm_bn254_g1_point *p2,
                              zkvm_bn254_g1_point *result);

/* scalar * point (precompile 0x07). */
zkvm_status zkvm_bn254_g1_mul(const zkvm_bn254_g1_point *point, const zkvm_bn254_scalar *scalar,
                              zkvm_bn254_g1_point *result);

/* *verified = prod e(g1_i, g2_i) == 1 (precompile 0x08; true for num_pairs = 0). */
zkvm_status zkvm_bn254_pairing(const zkvm_bn254_pairing_pair *pairs, size_t num_pairs, bool *verified);

/* ---- KZG ---- */

/* EIP-4844 verify_kzg_proof(commitment, z, y, proof) (precompile 0x0a). ZKVM_EFAIL (*verified = false)
 * for a commitment or proof that is not a canonical compressed subgroup point, or z, y >= the order. */
zkvm_status zkvm_kzg_point_eval(const zkvm_kzg_commitment *commitment, const zkvm_kzg_field_element *z,
                                const zkvm_kzg_field_element *y, const zkvm_kzg_proof *proof, bool *verified);

/* ---- BLS12-381 (EIP-2537 checks: coordinates < p, points on the curve, subgroup checks for the MSMs
 * and the pairing; an empty MSM gives the point at infinity, an empty pairing product verifies) ---- */

zkvm_status zkvm_bls12_g1_add(const zkvm_bls12_381_g1_point *p1, const zkvm_bls12_381_g1_point *p2,
                              zkvm_bls12_381_g1_point *result);
zkvm_status zkvm_bls12_g1_msm(const zkvm_bls12_381_g1_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g1_point *result);
zkvm_status zkvm_bls12_g2_add(const zkvm_bls12_381_g2_point *p1, const zkvm_bls12_381_g2_point *p2,
                              zkvm_bls12_381_g2_point *result);
zkvm_status zkvm_bls12_g2_msm(const zkvm_bls12_381_g2_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g2_point *result);
zkvm_status zkvm_bls12_pairing(const zkvm_bls12_381_pairing_pair *pairs, size_t num_pairs, bool *verified);
zkvm_status zkvm_bls12_map_fp_to_g1(const zkvm_bls12_381_fp *field_element, zkvm_bls12_381_g1_point *result);
zkvm_status zkvm_bls12_map_fp2_to_g2(const zkvm_bls12_381_fp2 *field_element, zkvm_bls12_381_g2_point *result);

#ifdef __cplusplus
}
#endif

#endif /* ZKVM_ACCELERATORS_H */
