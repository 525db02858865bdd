/*
 * rvx_accel.h: the C entry points of librvx_accel (Sources/RVXAccelABI), the curve accelerators of the
 * host build. Each takes the eth-act standard's unpadded operand layouts and returns 0 (success, or the
 * check holds), 1 (well formed, the check does not hold) or -1 (malformed input), as rvx's syscalls do.
 * Pointers must not be NULL, except a pair array whose count is 0.
 */
#ifndef RVX_ACCEL_H
#define RVX_ACCEL_H

#include <stddef.h>
#include <stdint.h>

int64_t rvx_accel_bn254_g1_add(const uint8_t p1[64], const uint8_t p2[64], uint8_t out[64]);
int64_t rvx_accel_bn254_g1_mul(const uint8_t p[64], const uint8_t k[32], uint8_t out[64]);
int64_t rvx_accel_bn254_pairing(const void *pairs, size_t n);  /* n × (G1 64 ‖ G2 128) */
int64_t rvx_accel_kzg_point_eval(const uint8_t c[48], const uint8_t z[32], const uint8_t y[32],
                                 const uint8_t proof[48]);
int64_t rvx_accel_bls12_g1_add(const uint8_t a[96], const uint8_t b[96], uint8_t out[96]);
int64_t rvx_accel_bls12_g2_add(const uint8_t a[192], const uint8_t b[192], uint8_t out[192]);
int64_t rvx_accel_bls12_g1_msm(const void *pairs, size_t n, uint8_t out[96]);   /* n × (G1 96 ‖ 32) */
int64_t rvx_accel_bls12_g2_msm(const void *pairs, size_t n, uint8_t out[192]);  /* n × (G2 192 ‖ 32) */
int64_t rvx_accel_bls12_pairing(const void *pairs, size_t n);                    /* n × (G1 96 ‖ G2 192) */
int64_t rvx_accel_bls12_map_fp_to_g1(const uint8_t u[48], uint8_t out[96]);
int64_t rvx_accel_bls12_map_fp2_to_g2(const uint8_t u[96], uint8_t out[192]);

#endif /* RVX_ACCEL_H */
