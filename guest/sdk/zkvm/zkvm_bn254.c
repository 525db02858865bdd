/* zkvm_bn254.c: MODEXP and the BN254 operations of zkvm_accelerators.h. The standard's BN254 types are
 * exactly the EIP-196/197 encodings, so the operands go to the native calls as they are. */
#include "zkvm_internal.h"

zkvm_status zkvm_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len,
                        const uint8_t *modulus, size_t mod_len, uint8_t *output) {
    ZKVM_REQUIRE_LEN(base, base_len);
    ZKVM_REQUIRE_LEN(exp, exp_len);
    ZKVM_REQUIRE_LEN(modulus, mod_len);
    ZKVM_REQUIRE_LEN(output, mod_len);
    return zkvm_rvx_status(rvx_modexp(base, base_len, exp, exp_len, modulus, mod_len, output));
}

zkvm_status zkvm_bn254_g1_add(const zkvm_bn254_g1_point *p1, const zkvm_bn254_g1_point *p2,
                              zkvm_bn254_g1_point *result) {
    ZKVM_REQUIRE(p1);
    ZKVM_REQUIRE(p2);
    ZKVM_REQUIRE(result);
    return zkvm_rvx_status(rvx_bn254_g1_add(p1->data, p2->data, result->data));
}

zkvm_status zkvm_bn254_g1_mul(const zkvm_bn254_g1_point *point, const zkvm_bn254_scalar *scalar,
                              zkvm_bn254_g1_point *result) {
    ZKVM_REQUIRE(point);
    ZKVM_REQUIRE(scalar);
    ZKVM_REQUIRE(result);
    return zkvm_rvx_status(rvx_bn254_g1_mul(point->data, scalar->data, result->data));
}

zkvm_status zkvm_bn254_pairing(const zkvm_bn254_pairing_pair *pairs, size_t num_pairs, bool *verified) {
    ZKVM_REQUIRE_LEN(pairs, num_pairs);
    ZKVM_REQUIRE(verified);
    _Static_assert(sizeof(zkvm_bn254_pairing_pair) == RVX_BN254_PAIR_SIZE, "EIP-197 pair layout");
    return zkvm_rvx_verdict(rvx_bn254_pairing(pairs, num_pairs), verified);
}
