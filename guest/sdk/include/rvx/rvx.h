/*
 * rvx/rvx.h: static inline ecall wrappers for every native call of the rvx guest ABI, version 1
 * (docs/ABI.md, "Native calls"). Works unchanged on RV32 and RV64: pointers and lengths are XLEN-wide.
 *
 * Convention: number in a7, arguments in a0..a6, result in a0 (and a1 for PROBE and INPUT_MAP).
 * A negative result is -errno (EFAULT 14, EINVAL 22, ENOENT 2, ENOSYS 38). Under qemu-user every
 * native call returns -38 (-ENOSYS): call rvx_probe() first to tell the two apart.
 *
 * The numbers and constants come from rvx/syscalls.h, generated from Swift (GuestABI).
 */
#ifndef RVX_RVX_H
#define RVX_RVX_H

#include <stddef.h>
#include <stdint.h>

#include "rvx/linux.h"
#include "rvx/syscalls.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- raw ecalls (names distinct from linux.h's rvx_syscallN) ---- */

#define RVX_REG(name, value) register long name __asm__(#name) = (long)(value)

static inline long rvx_ecall1(long n, long x0) {
    RVX_REG(a7, n); RVX_REG(a0, x0);
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
    return a0;
}

static inline long rvx_ecall2(long n, long x0, long x1) {
    RVX_REG(a7, n); RVX_REG(a0, x0); RVX_REG(a1, x1);
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1) : "memory");
    return a0;
}

static inline long rvx_ecall3(long n, long x0, long x1, long x2) {
    RVX_REG(a7, n); RVX_REG(a0, x0); RVX_REG(a1, x1); RVX_REG(a2, x2);
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2) : "memory");
    return a0;
}

static inline long rvx_ecall4(long n, long x0, long x1, long x2, long x3) {
    RVX_REG(a7, n); RVX_REG(a0, x0); RVX_REG(a1, x1); RVX_REG(a2, x2); RVX_REG(a3, x3);
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2), "r"(a3) : "memory");
    return a0;
}

static inline long rvx_ecall7(long n, long x0, long x1, long x2, long x3, long x4, long x5, long x6) {
    RVX_REG(a7, n); RVX_REG(a0, x0); RVX_REG(a1, x1); RVX_REG(a2, x2); RVX_REG(a3, x3);
    RVX_REG(a4, x4); RVX_REG(a5, x5); RVX_REG(a6, x6);
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a6)
                     : "memory");
    return a0;
}

/* An ecall with one argument and two results (a0, a1). */
static inline long rvx_ecall1_pair(long n, long x0, long *second) {
    RVX_REG(a7, n); RVX_REG(a0, x0); register long a1 __asm__("a1");
    __asm__ volatile("ecall" : "+r"(a0), "=r"(a1) : "r"(a7) : "memory");
    *second = a1;
    return a0;
}

#define RVX_PTR(p) ((long)(uintptr_t)(p))

/* ---- runtime identification ---- */

/* PROBE: returns 1 and stores the ABI version when running under rvx; 0 elsewhere (qemu: -ENOSYS). */
static inline int rvx_probe(long *abi_version) {
    long version = 0;
    long magic = rvx_ecall1_pair(RVX_SYS_PROBE, 0, &version);
    if (magic != (long)RVX_PROBE_MAGIC) return 0;
    if (abi_version) *abi_version = version;
    return 1;
}

/* ---- input container (docs/FORMAT.md; kind 0 = the whole container) ---- */

/* INPUT_MAP: *body = the section's bytes in the read-only input region, *len = its length.
 * Returns 0, or -ENOENT if the section is absent (-ENOSYS under qemu). */
static inline long rvx_input_map(unsigned kind, const uint8_t **body, size_t *len) {
    long length = 0;
    long addr = rvx_ecall1_pair(RVX_SYS_INPUT_MAP, (long)kind, &length);
    if (addr < 0 && addr >= -4095) return addr;
    *body = (const uint8_t *)(uintptr_t)addr;
    *len = (size_t)length;
    return 0;
}

/* INPUT_READ: copies up to len bytes of the section from offset into buf.
 * Returns the section's FULL size (len = 0 queries it) or -errno. */
static inline long rvx_input_read(unsigned kind, void *buf, size_t len, size_t offset) {
    return rvx_ecall4(RVX_SYS_INPUT_READ, (long)kind, RVX_PTR(buf), (long)len, (long)offset);
}

/* ---- runtime-managed state (32-byte keys and values) ---- */

/* STATE_READ: 1 if present (value written), 0 if absent (32 zero bytes written), or -errno. */
static inline long rvx_state_read(const uint8_t key[32], uint8_t value[32]) {
    return rvx_ecall2(RVX_SYS_STATE_READ, RVX_PTR(key), RVX_PTR(value));
}

/* STATE_WRITE: stores value under key; 0 or -errno. */
static inline long rvx_state_write(const uint8_t key[32], const uint8_t value[32]) {
    return rvx_ecall2(RVX_SYS_STATE_WRITE, RVX_PTR(key), RVX_PTR(value));
}

/* STATE_WRITE with a null value: deletes key; 0 or -errno. */
static inline long rvx_state_delete(const uint8_t key[32]) {
    return rvx_ecall2(RVX_SYS_STATE_WRITE, RVX_PTR(key), 0);
}

/* STATE_ROOT: writes the current state root (all writes so far); 0 or -errno. */
static inline long rvx_state_root(uint8_t out[32]) {
    return rvx_ecall1(RVX_SYS_STATE_ROOT, RVX_PTR(out));
}

/* ---- public output and guest-managed post root ---- */

/* COMMIT: appends len bytes to the public output; returns len or -errno. */
static inline long rvx_commit(const void *data, size_t len) {
    return rvx_ecall2(RVX_SYS_COMMIT, RVX_PTR(data), (long)len);
}

/* POST_ROOT (guest-managed mode only): declares the post-state root; 0 or -errno. */
static inline long rvx_post_root(const uint8_t root[32]) {
    return rvx_ecall1(RVX_SYS_POST_ROOT, RVX_PTR(root));
}

/* ---- accelerators ---- */

static inline long rvx_keccak256(const void *data, size_t len, uint8_t out[32]) {
    return rvx_ecall3(RVX_SYS_KECCAK256, RVX_PTR(data), (long)len, RVX_PTR(out));
}

/* KECCAK_F1600: permutes 25 little-endian u64 lanes (200 bytes) in place. */
static inline long rvx_keccak_f1600(uint64_t state[25]) {
    return rvx_ecall1(RVX_SYS_KECCAK_F1600, RVX_PTR(state));
}

static inline long rvx_sha256(const void *data, size_t len, uint8_t out[32]) {
    return rvx_ecall3(RVX_SYS_SHA256, RVX_PTR(data), (long)len, RVX_PTR(out));
}

/* SECP256K1_ECRECOVER: 0 success (out = x||y), 1 invalid signature, -1 error, or -errno. */
static inline long rvx_secp256k1_ecrecover(const uint8_t hash[32], const uint8_t sig[64], unsigned recid,
                                           uint8_t out[64]) {
    return rvx_ecall4(RVX_SYS_SECP256K1_ECRECOVER, RVX_PTR(hash), RVX_PTR(sig), (long)recid, RVX_PTR(out));
}

/* SECP256K1_VERIFY: 0 valid, 1 invalid, -1 malformed public key, or -errno. */
static inline long rvx_secp256k1_verify(const uint8_t hash[32], const uint8_t sig[64], const uint8_t pubkey[64]) {
    return rvx_ecall3(RVX_SYS_SECP256K1_VERIFY, RVX_PTR(hash), RVX_PTR(sig), RVX_PTR(pubkey));
}

/* MODEXP (EIP-198 semantics, big-endian operands): out gets mod_len bytes; 0 or -errno. */
static inline long rvx_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len,
                              const uint8_t *mod, size_t mod_len, uint8_t *out) {
    return rvx_ecall7(RVX_SYS_MODEXP, RVX_PTR(base), (long)base_len, RVX_PTR(exp), (long)exp_len,
                      RVX_PTR(mod), (long)mod_len, RVX_PTR(out));
}

/* U256_MULMOD: out = a*b mod m over little-endian 4x u64 limbs (m = 0 gives 0); 0 or -errno. */
static inline long rvx_u256_mulmod(const uint64_t a[4], const uint64_t b[4], const uint64_t m[4], uint64_t out[4]) {
    return rvx_ecall4(RVX_SYS_U256_MULMOD, RVX_PTR(a), RVX_PTR(b), RVX_PTR(m), RVX_PTR(out));
}

/* ---- accelerators behind the eth-act zkVM accelerator standard (docs/ABI.md §3) ----
 * Status results: 0 success / holds, 1 does not verify, -1 malformed input, or -errno. */
static inline long rvx_ecall5(long n, long x0, long x1, long x2, long x3, long x4) {
    RVX_REG(a7, n); RVX_REG(a0, x0); RVX_REG(a1, x1); RVX_REG(a2, x2); RVX_REG(a3, x3); RVX_REG(a4, x4);
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4) : "memory");
    return a0;
}
/* RIPEMD160: out = 12 zero bytes || the 20-byte digest; 0 or -errno. */
static inline long rvx_ripemd160(const void *data, size_t len, uint8_t out[32]) {
    return rvx_ecall3(RVX_SYS_RIPEMD160, RVX_PTR(data), (long)len, RVX_PTR(out));
}
/* BN254_G1_ADD / BN254_G1_MUL (EIP-196 encodings): out = 64 bytes on success. */
static inline long rvx_bn254_g1_add(const uint8_t p1[64], const uint8_t p2[64], uint8_t out[64]) {
    return rvx_ecall3(RVX_SYS_BN254_G1_ADD, RVX_PTR(p1), RVX_PTR(p2), RVX_PTR(out));
}
static inline long rvx_bn254_g1_mul(const uint8_t point[64], const uint8_t scalar[32], uint8_t out[64]) {
    return rvx_ecall3(RVX_SYS_BN254_G1_MUL, RVX_PTR(point), RVX_PTR(scalar), RVX_PTR(out));
}
/* BN254_PAIRING: n pairs of RVX_BN254_PAIR_SIZE bytes (EIP-197). */
static inline long rvx_bn254_pairing(const void *pairs, size_t n) {
    return rvx_ecall2(RVX_SYS_BN254_PAIRING, RVX_PTR(pairs), (long)n);
}
/* BLAKE2F (EIP-152): h (64 B, little-endian words) updated in place. */
static inline long rvx_blake2f(uint32_t rounds, uint8_t h[64], const uint8_t m[128], const uint8_t t[16], uint8_t f) {
    return rvx_ecall5(RVX_SYS_BLAKE2F, (long)rounds, RVX_PTR(h), RVX_PTR(m), RVX_PTR(t), (long)f);
}
/* KZG_POINT_EVAL (EIP-4844 verify_kzg_proof). */
static inline long rvx_kzg_point_eval(const uint8_t commitment[48], const uint8_t z[32], const uint8_t y[32],
                                      const uint8_t proof[48]) {
    return rvx_ecall4(RVX_SYS_KZG_POINT_EVAL, RVX_PTR(commitment), RVX_PTR(z), RVX_PTR(y), RVX_PTR(proof));
}
/* SECP256R1_VERIFY (EIP-7951): hash, r || s, x || y. */
static inline long rvx_secp256r1_verify(const uint8_t hash[32], const uint8_t sig[64], const uint8_t pubkey[64]) {
    return rvx_ecall3(RVX_SYS_SECP256R1_VERIFY, RVX_PTR(hash), RVX_PTR(sig), RVX_PTR(pubkey));
}
/* BLS12_* (EIP-2537 encodings, Fp padded to 64 bytes): `call` is one of RVX_SYS_BLS12_*; out gets
 * RVX_BLS12_G1_SIZE or RVX_BLS12_G2_SIZE bytes (nothing for BLS12_PAIRING, whose status is the answer). */
static inline long rvx_bls12(long call, const void *input, size_t len, uint8_t *out) {
    return rvx_ecall3(call, RVX_PTR(input), (long)len, RVX_PTR(out));
}

/* ---- diagnostics ---- */

/* DEBUG_PRINT: bytes go to the host's debug sink, never into the verdict. */
static inline long rvx_debug_print(const void *data, size_t len) {
    return rvx_ecall2(RVX_SYS_DEBUG_PRINT, RVX_PTR(data), (long)len);
}

/* CYCLE_COUNT: cycles consumed so far (deterministic). */
static inline long rvx_cycle_count(void) {
    return rvx_ecall1(RVX_SYS_CYCLE_COUNT, 0);
}

/* CYCLE_SCOPE: opens a cycle scope named by (name, len) that `rvx profile` shows as a frame; no other
 * effect (base cost only; -ENOSYS under qemu and `rvx run`, where it is still seen by the profiler). */
static inline long rvx_scope_enter(const char *name, size_t len) {
    return rvx_ecall3(RVX_SYS_CYCLE_SCOPE, RVX_SCOPE_ENTER, RVX_PTR(name), (long)len);
}

/* CYCLE_SCOPE: closes the innermost open cycle scope. */
static inline long rvx_scope_exit(void) {
    return rvx_ecall3(RVX_SYS_CYCLE_SCOPE, RVX_SCOPE_EXIT, 0, 0);
}

#undef RVX_REG

#ifdef __cplusplus
}
#endif

#endif /* RVX_RVX_H */
