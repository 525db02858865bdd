/* zkvm_ecdsa.c: secp256k1 verification and recovery, secp256r1 verification of zkvm_accelerators.h. */
#include "zkvm_internal.h"

zkvm_status zkvm_secp256k1_verify(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                  const zkvm_secp256k1_pubkey *pubkey, bool *verified) {
    ZKVM_REQUIRE(msg);
    ZKVM_REQUIRE(sig);
    ZKVM_REQUIRE(pubkey);
    ZKVM_REQUIRE(verified);
    return zkvm_rvx_verdict(rvx_secp256k1_verify(msg->data, sig->data, pubkey->data), verified);
}

zkvm_status zkvm_secp256k1_ecrecover(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                     uint8_t recid, zkvm_secp256k1_pubkey *output) {
    ZKVM_REQUIRE(msg);
    ZKVM_REQUIRE(sig);
    ZKVM_REQUIRE(output);
    return zkvm_rvx_status(rvx_secp256k1_ecrecover(msg->data, sig->data, recid, output->data));
}

zkvm_status zkvm_secp256r1_verify(const zkvm_secp256r1_hash *msg, const zkvm_secp256r1_signature *sig,
                                  const zkvm_secp256r1_pubkey *pubkey, bool *verified) {
    ZKVM_REQUIRE(msg);
    ZKVM_REQUIRE(sig);
    ZKVM_REQUIRE(pubkey);
    ZKVM_REQUIRE(verified);
    return zkvm_rvx_verdict(rvx_secp256r1_verify(msg->data, sig->data, pubkey->data), verified);
}
