/*
 * conformance.c: a guest written only against the eth-act zkVM standard interfaces (zkvm_accelerators.h,
 * zkvm_io.h; eth-act/zkvm-standards d5f1813). It calls the accelerators with known-answer vectors from
 * gen_vectors.py (hashlib, pycryptodome, ethereum-execution, coincurve, cryptography, py_ecc), valid and
 * invalid signatures and points included, and exits with the number of the first failing check (1, 2, …);
 * on success it writes "conformance: N checks passed\n" with write_output and exits 0.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "zkvm_accelerators.h"
#include "zkvm_io.h"
#include "vectors.h"

static int checks;

static void check(bool ok, const char *what) {
    checks++;
    if (ok) return;
    write_log((const uint8_t *)what, strlen(what));
    write_log((const uint8_t *)"\n", 1);
    exit(checks);
}

static bool eq(const void *a, const void *b, size_t n) { return memcmp(a, b, n) == 0; }

static void hashes(void) {
    const uint8_t *msgs[] = {msg0, msg1, msg2};
    const uint8_t *kec[] = {keccak0, keccak1, keccak2}, *sha[] = {sha256_0, sha256_1, sha256_2};
    const uint8_t *rip[] = {ripemd0, ripemd1, ripemd2};
    for (int i = 0; i < 3; i++) {
        zkvm_bytes_32 h;
        check(zkvm_keccak256(msgs[i], msg_len[i], &h) == ZKVM_EOK && eq(h.data, kec[i], 32), "keccak256");
        check(zkvm_sha256(msgs[i], msg_len[i], &h) == ZKVM_EOK && eq(h.data, sha[i], 32), "sha256");
        memset(h.data, 0xAA, 32);
        check(zkvm_ripemd160(msgs[i], msg_len[i], &h) == ZKVM_EOK && eq(h.data, rip[i], 32), "ripemd160");
    }
    uint64_t st[25] = {0};
    check(zkvm_keccak_f1600(st) == ZKVM_EOK && eq(st, f1600_zero_out, sizeof st), "keccak_f1600 zero");
    memcpy(st, f1600_in, sizeof st);
    check(zkvm_keccak_f1600(st) == ZKVM_EOK && eq(st, f1600_out, sizeof st), "keccak_f1600");
}

static void blake2f(void) {
    zkvm_blake2f_state h;
    zkvm_blake2f_message m;
    zkvm_blake2f_offset t;
    memcpy(m.data, b2_m, 128);
    memcpy(t.data, b2_t, 16);
    memcpy(h.data, b2_h, 64);
    check(zkvm_blake2f(12, &h, &m, &t, 1) == ZKVM_EOK && eq(h.data, b2_out12, 64), "blake2f 12 rounds");
    memcpy(h.data, b2_h, 64);
    check(zkvm_blake2f(0, &h, &m, &t, 1) == ZKVM_EOK && eq(h.data, b2_out0, 64), "blake2f 0 rounds");
    memcpy(h.data, b2_h, 64);
    check(zkvm_blake2f(1, &h, &m, &t, 0) == ZKVM_EOK && eq(h.data, b2_out1nf, 64), "blake2f 1 round, f = 0");
    check(zkvm_blake2f(12, &h, &m, &t, 2) == ZKVM_EFAIL, "blake2f f = 2 is refused");
}

static void modexp(void) {
    uint8_t out[32];
    check(zkvm_modexp(mx_base, 1, mx_exp, 32, mx_mod, 32, out) == ZKVM_EOK && eq(out, mx_out, 32), "modexp");
    check(zkvm_modexp(mx_base, 1, mx_exp, 32, mx_mod_even, 3, out) == ZKVM_EOK && eq(out, mx_out_even, 3),
          "modexp even modulus");
    uint8_t zero[4] = {0}, got[4] = {1, 1, 1, 1};
    check(zkvm_modexp(mx_base, 1, mx_exp, 32, zero, 4, got) == ZKVM_EOK && eq(got, zero, 4), "modexp modulus 0");
}

static void signatures(void) {
    zkvm_secp256k1_hash msg, bad;
    zkvm_secp256k1_signature sig;
    zkvm_secp256k1_pubkey pub, off, rec;
    memcpy(msg.data, k1_msg, 32); memcpy(bad.data, k1_msg_bad, 32); memcpy(sig.data, k1_sig, 64);
    memcpy(pub.data, k1_pub, 64); memcpy(off.data, k1_pub_off_curve, 64);
    bool v = false;
    check(zkvm_secp256k1_verify(&msg, &sig, &pub, &v) == ZKVM_EOK && v, "secp256k1 valid signature");
    v = true;
    check(zkvm_secp256k1_verify(&bad, &sig, &pub, &v) == ZKVM_EOK && !v, "secp256k1 wrong message");
    v = true;
    check(zkvm_secp256k1_verify(&msg, &sig, &off, &v) == ZKVM_EFAIL && !v, "secp256k1 key off the curve");
    check(zkvm_secp256k1_ecrecover(&msg, &sig, k1_recid, &rec) == ZKVM_EOK && eq(rec.data, k1_pub, 64),
          "secp256k1 ecrecover");
    check(zkvm_secp256k1_ecrecover(&msg, &sig, 4, &rec) == ZKVM_EFAIL, "secp256k1 ecrecover recid 4");
    zkvm_secp256k1_signature zero_r = sig;
    memset(zero_r.data, 0, 32);
    check(zkvm_secp256k1_ecrecover(&msg, &zero_r, k1_recid, &rec) == ZKVM_EFAIL, "secp256k1 ecrecover r = 0");

    zkvm_secp256r1_hash m1, b1;
    zkvm_secp256r1_signature s1;
    zkvm_secp256r1_pubkey p1, o1;
    memcpy(m1.data, r1_msg, 32); memcpy(b1.data, r1_msg_bad, 32); memcpy(s1.data, r1_sig, 64);
    memcpy(p1.data, r1_pub, 64); memcpy(o1.data, r1_pub_off_curve, 64);
    v = false;
    check(zkvm_secp256r1_verify(&m1, &s1, &p1, &v) == ZKVM_EOK && v, "secp256r1 valid signature");
    v = true;
    check(zkvm_secp256r1_verify(&b1, &s1, &p1, &v) == ZKVM_EOK && !v, "secp256r1 wrong message");
    v = true;
    check(zkvm_secp256r1_verify(&m1, &s1, &o1, &v) == ZKVM_EFAIL && !v, "secp256r1 key off the curve");
}

static void bn254(void) {
    zkvm_bn254_g1_point p, q, r, bad;
    zkvm_bn254_scalar k;
    memcpy(p.data, bn_p, 64); memcpy(q.data, bn_q, 64); memcpy(bad.data, bn_bad_point, 64);
    memcpy(k.data, bn_scalar, 32);
    check(zkvm_bn254_g1_add(&p, &q, &r) == ZKVM_EOK && eq(r.data, bn_sum, 64), "bn254 add");
    check(zkvm_bn254_g1_add(&p, &bad, &r) == ZKVM_EFAIL, "bn254 add of a point off the curve");
    check(zkvm_bn254_g1_mul(&p, &k, &r) == ZKVM_EOK && eq(r.data, bn_prod, 64), "bn254 mul");
    check(zkvm_bn254_g1_mul(&bad, &k, &r) == ZKVM_EFAIL, "bn254 mul of a point off the curve");
    static zkvm_bn254_pairing_pair pairs[2];
    bool v = false;
    memcpy(pairs, bn_pairs_ok, sizeof pairs);
    check(zkvm_bn254_pairing(pairs, 2, &v) == ZKVM_EOK && v, "bn254 pairing product 1");
    v = true;
    memcpy(pairs, bn_pairs_false, sizeof pairs);
    check(zkvm_bn254_pairing(pairs, 2, &v) == ZKVM_EOK && !v, "bn254 pairing product not 1");
    v = false;
    check(zkvm_bn254_pairing(pairs, 0, &v) == ZKVM_EOK && v, "bn254 empty pairing");
    memcpy(pairs[0].g1.data, bn_bad_point, 64);
    check(zkvm_bn254_pairing(pairs, 1, &v) == ZKVM_EFAIL, "bn254 pairing with a point off the curve");
}

static void bls12(void) {
    static zkvm_bls12_381_g1_point p, q, r, bad;
    static zkvm_bls12_381_g2_point p2, q2, r2;
    memcpy(p.data, bls_p1, 96); memcpy(q.data, bls_q1, 96); memcpy(bad.data, bls_bad_g1, 96);
    memcpy(p2.data, bls_p2, 192); memcpy(q2.data, bls_q2, 192);
    check(zkvm_bls12_g1_add(&p, &q, &r) == ZKVM_EOK && eq(r.data, bls_sum1, 96), "bls12 g1 add");
    check(zkvm_bls12_g1_add(&p, &bad, &r) == ZKVM_EFAIL, "bls12 g1 add of a point off the curve");
    check(zkvm_bls12_g2_add(&p2, &q2, &r2) == ZKVM_EOK && eq(r2.data, bls_sum2, 192), "bls12 g2 add");
    static zkvm_bls12_381_g1_msm_pair m1[2];
    static zkvm_bls12_381_g2_msm_pair m2[2];
    memcpy(m1, bls_msm1, sizeof m1);
    memcpy(m2, bls_msm2, sizeof m2);
    check(zkvm_bls12_g1_msm(m1, 2, &r) == ZKVM_EOK && eq(r.data, bls_msm1_out, 96), "bls12 g1 msm");
    static const uint8_t zero[192];
    check(zkvm_bls12_g1_msm(m1, 0, &r) == ZKVM_EOK && eq(r.data, zero, 96), "bls12 g1 msm of no pairs");
    check(zkvm_bls12_g2_msm(m2, 2, &r2) == ZKVM_EOK && eq(r2.data, bls_msm2_out, 192), "bls12 g2 msm");
    memcpy(m1[1].point.data, bls_bad_g1, 96);
    check(zkvm_bls12_g1_msm(m1, 2, &r) == ZKVM_EFAIL, "bls12 g1 msm with a point off the curve");
    static zkvm_bls12_381_pairing_pair pairs[2];
    bool v = false;
    memcpy(pairs, bls_pairs_ok, sizeof pairs);
    check(zkvm_bls12_pairing(pairs, 2, &v) == ZKVM_EOK && v, "bls12 pairing product 1");
    v = true;
    memcpy(pairs, bls_pairs_false, sizeof pairs);
    check(zkvm_bls12_pairing(pairs, 2, &v) == ZKVM_EOK && !v, "bls12 pairing product not 1");
    v = false;
    check(zkvm_bls12_pairing(pairs, 0, &v) == ZKVM_EOK && v, "bls12 empty pairing");
    memcpy(pairs[0].g1.data, bls_bad_g1, 96);
    check(zkvm_bls12_pairing(pairs, 1, &v) == ZKVM_EFAIL, "bls12 pairing with a point off the curve");
    zkvm_bls12_381_fp u, big;
    zkvm_bls12_381_fp2 u2;
    memcpy(u.data, bls_fp, 48); memcpy(big.data, bls_fp_too_big, 48); memcpy(u2.data, bls_fp2, 96);
    check(zkvm_bls12_map_fp_to_g1(&u, &r) == ZKVM_EOK && eq(r.data, bls_map_g1, 96), "bls12 map fp to g1");
    check(zkvm_bls12_map_fp_to_g1(&big, &r) == ZKVM_EFAIL, "bls12 map of p itself");
    check(zkvm_bls12_map_fp2_to_g2(&u2, &r2) == ZKVM_EOK && eq(r2.data, bls_map_g2, 192), "bls12 map fp2 to g2");
}

static void kzg(void) {
    zkvm_kzg_commitment c, inf, off;
    zkvm_kzg_field_element z, y, wrong, big;
    memcpy(c.data, kzg_commitment, 48); memcpy(inf.data, kzg_proof_inf, 48); memcpy(off.data, kzg_not_on_curve, 48);
    memcpy(z.data, kzg_z, 32); memcpy(y.data, kzg_y, 32); memcpy(wrong.data, kzg_y_wrong, 32);
    memcpy(big.data, kzg_z_too_big, 32);
    bool v = false;
    check(zkvm_kzg_point_eval(&c, &z, &y, &inf, &v) == ZKVM_EOK && v, "kzg valid proof");
    v = true;
    check(zkvm_kzg_point_eval(&c, &z, &wrong, &inf, &v) == ZKVM_EOK && !v, "kzg wrong evaluation");
    v = true;
    check(zkvm_kzg_point_eval(&c, &big, &y, &inf, &v) == ZKVM_EFAIL && !v, "kzg z not a field element");
    v = true;
    check(zkvm_kzg_point_eval(&off, &z, &y, &inf, &v) == ZKVM_EFAIL && !v, "kzg commitment off the curve");
    /* f(x) = a + b*x over the ceremony's setup: a proof that is not the point at infinity. */
    zkvm_kzg_commitment lc; zkvm_kzg_proof lp; zkvm_kzg_field_element lz, ly, lwrong;
    memcpy(lc.data, kzg_lin_commitment, 48); memcpy(lp.data, kzg_lin_proof, 48);
    memcpy(lz.data, kzg_lin_z, 32); memcpy(ly.data, kzg_lin_y, 32); memcpy(lwrong.data, kzg_lin_y_wrong, 32);
    v = false;
    check(zkvm_kzg_point_eval(&lc, &lz, &ly, &lp, &v) == ZKVM_EOK && v, "kzg valid proof, degree 1");
    v = true;
    check(zkvm_kzg_point_eval(&lc, &lz, &lwrong, &lp, &v) == ZKVM_EOK && !v, "kzg wrong evaluation, degree 1");
}

int main(void) {
    hashes();
    blake2f();
    modexp();
    signatures();
    bn254();
    bls12();
    kzg();
    char line[48] = "conformance: ";
    size_t n = strlen(line);
    char digits[12];
    int d = 0;
    for (int c = checks; c > 0 || d == 0; c /= 10) digits[d++] = (char)('0' + c % 10);
    while (d > 0) line[n++] = digits[--d];
    memcpy(line + n, " checks passed\n", 15);
    write_output((const uint8_t *)line, n + 15);
    return 0;
}
