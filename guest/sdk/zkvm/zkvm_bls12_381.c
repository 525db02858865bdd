/*
 * zkvm_bls12_381.c: the BLS12-381 operations and KZG point evaluation of zkvm_accelerators.h.
 *
 * The standard's BLS12-381 types are unpadded (Fp 48 bytes); the native calls take EIP-2537's encoding,
 * where each Fp is 64 bytes with 16 leading zero bytes (docs/ABI.md §3). Operands are widened into a
 * buffer here (on the stack, or on the heap for the variable-length MSMs and pairing) and results narrowed
 * back. The native call's output always has zero padding, so narrowing drops only zeros.
 */
#include <string.h>

#include "zkvm_internal.h"

#define FP 48u        /* unpadded Fp */
#define FP_PAD 64u    /* EIP-2537 Fp */
#define SCALAR 32u

/* n unpadded field elements at src -> n padded ones at dst. */
static void widen(uint8_t *dst, const uint8_t *src, size_t n) {
    for (size_t i = 0; i < n; i++) {
        memset(dst + i * FP_PAD, 0, FP_PAD - FP);
        memcpy(dst + i * FP_PAD + (FP_PAD - FP), src + i * FP, FP);
    }
}

/* n padded field elements at src -> n unpadded ones at dst. */
static void narrow(uint8_t *dst, const uint8_t *src, size_t n) {
    for (size_t i = 0; i < n; i++) memcpy(dst + i * FP, src + i * FP_PAD + (FP_PAD - FP), FP);
}

/* One fixed-size operation: `count` operands of `fps` field elements each, result of `out_fps` elements. */
static zkvm_status fixed_op(long call, const uint8_t *const *operands, size_t count, size_t fps,
                            uint8_t *result, size_t out_fps) {
    uint8_t in[2 * 4 * FP_PAD], out[4 * FP_PAD];
    for (size_t i = 0; i < count; i++) widen(in + i * fps * FP_PAD, operands[i], fps);
    long r = rvx_bls12(call, in, count * fps * FP_PAD, out);
    if (r != 0) return ZKVM_EFAIL;
    narrow(result, out, out_fps);
    return ZKVM_EOK;
}

zkvm_status zkvm_bls12_g1_add(const zkvm_bls12_381_g1_point *p1, const zkvm_bls12_381_g1_point *p2,
                              zkvm_bls12_381_g1_point *result) {
    ZKVM_REQUIRE(p1);
    ZKVM_REQUIRE(p2);
    ZKVM_REQUIRE(result);
    const uint8_t *ops[2] = {p1->data, p2->data};
    return fixed_op(RVX_SYS_BLS12_G1_ADD, ops, 2, 2, result->data, 2);
}

zkvm_status zkvm_bls12_g2_add(const zkvm_bls12_381_g2_point *p1, const zkvm_bls12_381_g2_point *p2,
                              zkvm_bls12_381_g2_point *result) {
    ZKVM_REQUIRE(p1);
    ZKVM_REQUIRE(p2);
    ZKVM_REQUIRE(result);
    const uint8_t *ops[2] = {p1->data, p2->data};
    return fixed_op(RVX_SYS_BLS12_G2_ADD, ops, 2, 4, result->data, 4);
}

zkvm_status zkvm_bls12_map_fp_to_g1(const zkvm_bls12_381_fp *field_element, zkvm_bls12_381_g1_point *result) {
    ZKVM_REQUIRE(field_element);
    ZKVM_REQUIRE(result);
    const uint8_t *ops[1] = {field_element->data};
    return fixed_op(RVX_SYS_BLS12_MAP_FP_TO_G1, ops, 1, 1, result->data, 2);
}

zkvm_status zkvm_bls12_map_fp2_to_g2(const zkvm_bls12_381_fp2 *field_element, zkvm_bls12_381_g2_point *result) {
    ZKVM_REQUIRE(field_element);
    ZKVM_REQUIRE(result);
    const uint8_t *ops[1] = {field_element->data};
    return fixed_op(RVX_SYS_BLS12_MAP_FP2_TO_G2, ops, 1, 2, result->data, 4);
}

/* A variable-length call over n items of `fps` field elements plus `scalar` trailing bytes each
 * (unpadded item size `stride`). The widened input is on the heap; no memory → ZKVM_EFAIL. */
static long variable_op(long call, const uint8_t *items, size_t n, size_t stride, size_t fps, size_t scalar,
                        uint8_t *out) {
    size_t item = fps * FP_PAD + scalar;
    if (n > SIZE_MAX / item) return -1;
    uint8_t *in = malloc(n * item);
    if (in == NULL) return -1;
    for (size_t i = 0; i < n; i++) {
        widen(in + i * item, items + i * stride, fps);
        memcpy(in + i * item + fps * FP_PAD, items + i * stride + fps * FP, scalar);
    }
    long r = rvx_bls12(call, in, n * item, out);
    free(in);
    return r;
}

zkvm_status zkvm_bls12_g1_msm(const zkvm_bls12_381_g1_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g1_point *result) {
    ZKVM_REQUIRE_LEN(pairs, num_pairs);
    ZKVM_REQUIRE(result);
    if (num_pairs == 0) { memset(result->data, 0, sizeof result->data); return ZKVM_EOK; }  /* empty sum */
    uint8_t out[2 * FP_PAD];
    long r = variable_op(RVX_SYS_BLS12_G1_MSM, (const uint8_t *)pairs, num_pairs, sizeof *pairs, 2, SCALAR, out);
    if (r != 0) return ZKVM_EFAIL;
    narrow(result->data, out, 2);
    return ZKVM_EOK;
}

zkvm_status zkvm_bls12_g2_msm(const zkvm_bls12_381_g2_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g2_point *result) {
    ZKVM_REQUIRE_LEN(pairs, num_pairs);
    ZKVM_REQUIRE(result);
    if (num_pairs == 0) { memset(result->data, 0, sizeof result->data); return ZKVM_EOK; }
    uint8_t out[4 * FP_PAD];
    long r = variable_op(RVX_SYS_BLS12_G2_MSM, (const uint8_t *)pairs, num_pairs, sizeof *pairs, 4, SCALAR, out);
    if (r != 0) return ZKVM_EFAIL;
    narrow(result->data, out, 4);
    return ZKVM_EOK;
}

zkvm_status zkvm_bls12_pairing(const zkvm_bls12_381_pairing_pair *pairs, size_t num_pairs, bool *verified) {
    ZKVM_REQUIRE_LEN(pairs, num_pairs);
    ZKVM_REQUIRE(verified);
    if (num_pairs == 0) { *verified = true; return ZKVM_EOK; }  /* empty product */
    /* A pair is G1 (2 Fp) then G2 (4 Fp): 6 field elements, contiguous in both encodings. */
    long r = variable_op(RVX_SYS_BLS12_PAIRING, (const uint8_t *)pairs, num_pairs, sizeof *pairs, 6, 0, NULL);
    return zkvm_rvx_verdict(r, verified);
}

zkvm_status zkvm_kzg_point_eval(const zkvm_kzg_commitment *commitment, const zkvm_kzg_field_element *z,
                                const zkvm_kzg_field_element *y, const zkvm_kzg_proof *proof, bool *verified) {
    ZKVM_REQUIRE(commitment);
    ZKVM_REQUIRE(z);
    ZKVM_REQUIRE(y);
    ZKVM_REQUIRE(proof);
    ZKVM_REQUIRE(verified);
    return zkvm_rvx_verdict(rvx_kzg_point_eval(commitment->data, z->data, y->data, proof->data), verified);
}
