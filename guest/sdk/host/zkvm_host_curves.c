/*
 * zkvm_host_curves.c: BN254, KZG point evaluation and BLS12-381 of zkvm_accelerators.h for a native host
 * build, over librvx_accel (rvx_accel.h): the same Swift implementations that back the guest's syscalls, so
 * a host build and a guest give the same answers. NULL handling and empty inputs as guest/sdk/zkvm.
 */
#include <stdlib.h>
#include <string.h>

#include "rvx_accel.h"
#include "zkvm_accelerators.h"

#define REQUIRE(p) do { if ((p) == NULL) abort(); } while (0)
#define REQUIRE_LEN(p, n) do { if ((p) == NULL && (n) != 0) abort(); } while (0)

static zkvm_status status(int64_t r) { return r == 0 ? ZKVM_EOK : ZKVM_EFAIL; }

static zkvm_status verdict(int64_t r, bool *verified) {
    *verified = (r == 0);
    return (r == 0 || r == 1) ? ZKVM_EOK : ZKVM_EFAIL;
}

zkvm_status zkvm_bn254_g1_add(const zkvm_bn254_g1_point *p1, const zkvm_bn254_g1_point *p2,
                              zkvm_bn254_g1_point *result) {
    REQUIRE(p1); REQUIRE(p2); REQUIRE(result);
    return status(rvx_accel_bn254_g1_add(p1->data, p2->data, result->data));
}

zkvm_status zkvm_bn254_g1_mul(const zkvm_bn254_g1_point *point, const zkvm_bn254_scalar *scalar,
                              zkvm_bn254_g1_point *result) {
    REQUIRE(point); REQUIRE(scalar); REQUIRE(result);
    return status(rvx_accel_bn254_g1_mul(point->data, scalar->data, result->data));
}

zkvm_status zkvm_bn254_pairing(const zkvm_bn254_pairing_pair *pairs, size_t num_pairs, bool *verified) {
    REQUIRE_LEN(pairs, num_pairs); REQUIRE(verified);
    return verdict(rvx_accel_bn254_pairing(pairs, num_pairs), verified);
}

zkvm_status zkvm_kzg_point_eval(const zkvm_kzg_commitment *commitment, const zkvm_kzg_field_element *z,
                                const zkvm_kzg_field_element *y, const zkvm_kzg_proof *proof, bool *verified) {
    REQUIRE(commitment); REQUIRE(z); REQUIRE(y); REQUIRE(proof); REQUIRE(verified);
    return verdict(rvx_accel_kzg_point_eval(commitment->data, z->data, y->data, proof->data), verified);
}

zkvm_status zkvm_bls12_g1_add(const zkvm_bls12_381_g1_point *p1, const zkvm_bls12_381_g1_point *p2,
                              zkvm_bls12_381_g1_point *result) {
    REQUIRE(p1); REQUIRE(p2); REQUIRE(result);
    return status(rvx_accel_bls12_g1_add(p1->data, p2->data, result->data));
}

zkvm_status zkvm_bls12_g2_add(const zkvm_bls12_381_g2_point *p1, const zkvm_bls12_381_g2_point *p2,
                              zkvm_bls12_381_g2_point *result) {
    REQUIRE(p1); REQUIRE(p2); REQUIRE(result);
    return status(rvx_accel_bls12_g2_add(p1->data, p2->data, result->data));
}

zkvm_status zkvm_bls12_g1_msm(const zkvm_bls12_381_g1_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g1_point *result) {
    REQUIRE_LEN(pairs, num_pairs); REQUIRE(result);
    _Static_assert(sizeof(zkvm_bls12_381_g1_msm_pair) == 128, "G1 96 || scalar 32");
    if (num_pairs == 0) { memset(result->data, 0, sizeof result->data); return ZKVM_EOK; }  /* empty sum */
    return status(rvx_accel_bls12_g1_msm(pairs, num_pairs, result->data));
}

zkvm_status zkvm_bls12_g2_msm(const zkvm_bls12_381_g2_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g2_point *result) {
    REQUIRE_LEN(pairs, num_pairs); REQUIRE(result);
    _Static_assert(sizeof(zkvm_bls12_381_g2_msm_pair) == 224, "G2 192 || scalar 32");
    if (num_pairs == 0) { memset(result->data, 0, sizeof result->data); return ZKVM_EOK; }
    return status(rvx_accel_bls12_g2_msm(pairs, num_pairs, result->data));
}

zkvm_status zkvm_bls12_pairing(const zkvm_bls12_381_pairing_pair *pairs, size_t num_pairs, bool *verified) {
    REQUIRE_LEN(pairs, num_pairs); REQUIRE(verified);
    _Static_assert(sizeof(zkvm_bls12_381_pairing_pair) == 288, "G1 96 || G2 192");
    if (num_pairs == 0) { *verified = true; return ZKVM_EOK; }  /* empty product */
    return verdict(rvx_accel_bls12_pairing(pairs, num_pairs), verified);
}

zkvm_status zkvm_bls12_map_fp_to_g1(const zkvm_bls12_381_fp *field_element, zkvm_bls12_381_g1_point *result) {
    REQUIRE(field_element); REQUIRE(result);
    return status(rvx_accel_bls12_map_fp_to_g1(field_element->data, result->data));
}

zkvm_status zkvm_bls12_map_fp2_to_g2(const zkvm_bls12_381_fp2 *field_element, zkvm_bls12_381_g2_point *result) {
    REQUIRE(field_element); REQUIRE(result);
    return status(rvx_accel_bls12_map_fp2_to_g2(field_element->data, result->data));
}
