/* zkvm_hash.c: Keccak-256, Keccak-f[1600], SHA-256, RIPEMD-160 and BLAKE2f of zkvm_accelerators.h,
 * each one rvx native call. */
#include "zkvm_internal.h"

zkvm_status zkvm_keccak256(const uint8_t *data, size_t len, zkvm_keccak256_hash *output) {
    ZKVM_REQUIRE_LEN(data, len);
    ZKVM_REQUIRE(output);
    return zkvm_rvx_status(rvx_keccak256(data, len, output->data));
}

zkvm_status zkvm_keccak_f1600(uint64_t *state) {
    ZKVM_REQUIRE(state);
    return zkvm_rvx_status(rvx_keccak_f1600(state));
}

zkvm_status zkvm_sha256(const uint8_t *data, size_t len, zkvm_sha256_hash *output) {
    ZKVM_REQUIRE_LEN(data, len);
    ZKVM_REQUIRE(output);
    return zkvm_rvx_status(rvx_sha256(data, len, output->data));
}

zkvm_status zkvm_ripemd160(const uint8_t *data, size_t len, zkvm_ripemd160_hash *output) {
    ZKVM_REQUIRE_LEN(data, len);
    ZKVM_REQUIRE(output);
    return zkvm_rvx_status(rvx_ripemd160(data, len, output->data));
}

zkvm_status zkvm_blake2f(uint32_t rounds, zkvm_blake2f_state *h, const zkvm_blake2f_message *m,
                         const zkvm_blake2f_offset *t, uint8_t f) {
    ZKVM_REQUIRE(h);
    ZKVM_REQUIRE(m);
    ZKVM_REQUIRE(t);
    return zkvm_rvx_status(rvx_blake2f(rounds, h->data, m->data, t->data, f));
}
