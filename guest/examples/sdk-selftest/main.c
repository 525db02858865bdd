/*
 * sdk-selftest: calls every rvx SDK wrapper and zkVM standard function with known vectors and exits 0
 * only if all of them match (the exit status is the number of failed checks otherwise).
 *
 * Needs an EXECUTE input container (any BATCH, no state access). Public output: the 8 bytes "sdk ok\n\0"
 * when every check passes; failures are printed as "FAIL <name>" on stdout.
 * Under qemu-user (PROBE answers -ENOSYS) it prints "not under rvx" and exits 0 without checking.
 *
 * Vectors: Keccak-256("abc") and SHA-256("abc") (FIPS 180-4 / Keccak team), Keccak-f[1600] of the zero
 * state (first lane 0xF1258F7940E1DDE7, Keccak team's KeccakF-1600-IntermediateValues), the go-ethereum
 * ecrecover precompile vector (address 0x7156526fbd7a3c72969b54f64e42c10fbb768c8a), EIP-198's Fermat
 * example (3^(p-1) mod p = 1) and small hand-computed modexp/mulmod values.
 */
#include <stdio.h>
#include <string.h>

#include "rvx/rvx.h"
#include "zkvm_accelerators.h"
#include "zkvm_io.h"

static int failures;

static void check(int ok, const char *what) {
    if (!ok) {
        failures++;
        printf("FAIL %s\n", what);
    }
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Parses 2*n lowercase hex digits into out. */
static void unhex(const char *s, uint8_t *out, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = (uint8_t)(hexval(s[2 * i]) << 4 | hexval(s[2 * i + 1]));
}

static int eq_hex(const uint8_t *got, const char *hex, size_t n) {
    uint8_t want[64];
    unhex(hex, want, n);
    return memcmp(got, want, n) == 0;
}

static void test_hashes(void) {
    zkvm_bytes_32 h;
    uint8_t *out = h.data;
    zkvm_keccak256((const uint8_t *)"abc", 3, &h);
    check(eq_hex(out, "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45", 32), "keccak256(abc)");
    zkvm_keccak256((const uint8_t *)"", 0, &h);
    check(eq_hex(out, "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", 32), "keccak256()");
    zkvm_sha256((const uint8_t *)"abc", 3, &h);
    check(eq_hex(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 32), "sha256(abc)");
    uint64_t state[25] = {0};
    check(rvx_keccak_f1600(state) == 0, "keccak_f1600 status");
    check(state[0] == 0xF1258F7940E1DDE7ull && state[24] == 0xEAF1FF7B5CECA249ull, "keccak_f1600(0)");
}

static void test_secp256k1(void) {
    zkvm_secp256k1_hash hash;
    zkvm_secp256k1_signature sig;
    zkvm_secp256k1_pubkey pub;
    zkvm_keccak256_hash digest;
    bool ok = false;
    unhex("456e9aea5e197a1f1af7a3e85a3212fa4049a3ba34c2289b4c860fc0b0c64ef3", hash.data, 32);
    unhex("9242685bf161793cc25603c231bc2f568eb630ea16aa137d2664ac8038825608"
          "4f8ae3bd7535248d0bd448298cc2e2071e56992d0774dc340c368ae950852ada", sig.data, 64);
    check(zkvm_secp256k1_ecrecover(&hash, &sig, 1, &pub) == ZKVM_EOK, "ecrecover status");
    zkvm_keccak256(pub.data, 64, &digest);
    check(eq_hex(digest.data + 12, "7156526fbd7a3c72969b54f64e42c10fbb768c8a", 20), "ecrecover address");
    check(zkvm_secp256k1_verify(&hash, &sig, &pub, &ok) == ZKVM_EOK && ok, "verify valid");
    hash.data[0] ^= 1;
    ok = true;
    check(zkvm_secp256k1_verify(&hash, &sig, &pub, &ok) == ZKVM_EOK && !ok, "verify wrong hash");
    zkvm_secp256k1_signature zero_sig = {{0}};
    check(zkvm_secp256k1_ecrecover(&hash, &zero_sig, 0, &pub) == ZKVM_EFAIL, "ecrecover r = s = 0");
    check(zkvm_secp256k1_ecrecover(&hash, &sig, 4, &pub) == ZKVM_EFAIL, "ecrecover recid 4");
    zkvm_secp256k1_pubkey bad_pub = {{0}}; /* (0, 0) is not on the curve */
    ok = true;
    check(zkvm_secp256k1_verify(&hash, &sig, &bad_pub, &ok) == ZKVM_EFAIL && !ok, "verify malformed key");
}

static void test_arith(void) {
    uint8_t base = 3, exp = 5, mod = 7, out = 0xff;
    check(zkvm_modexp(&base, 1, &exp, 1, &mod, 1, &out) == ZKVM_EOK && out == 5, "modexp 3^5 mod 7");
    /* EIP-198: 3^(p-1) mod p = 1 for the secp256k1 field prime p. */
    uint8_t e[32], p[32], r[32];
    unhex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e", e, 32);
    unhex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", p, 32);
    check(zkvm_modexp(&base, 1, e, 32, p, 32, r) == ZKVM_EOK, "modexp fermat status");
    uint8_t one[32] = {0};
    one[31] = 1;
    check(memcmp(r, one, 32) == 0, "modexp fermat");
    uint8_t zmod = 0;
    out = 0xff;
    check(zkvm_modexp(&base, 1, &exp, 1, &zmod, 1, &out) == ZKVM_EOK && out == 0, "modexp mod 0");
    static uint8_t big[1025];
    big[0] = 0xff;  /* modulus 0 over 1025 bytes: zeros (EIP-198 has no length cap) */
    big[sizeof big - 1] = 0;
    static uint8_t bigmod[1025];
    check(zkvm_modexp(&base, 1, &exp, 1, bigmod, sizeof bigmod, big) == ZKVM_EOK && big[0] == 0, "modexp modulus of 1025 bytes");
    /* 2^255 * 2 mod (2^256 - 1) = 1 (little-endian limbs). */
    uint64_t a[4] = {0, 0, 0, 1ull << 63}, b[4] = {2, 0, 0, 0}, m[4] = {~0ull, ~0ull, ~0ull, ~0ull}, o[4];
    check(rvx_u256_mulmod(a, b, m, o) == 0 && o[0] == 1 && o[1] == 0 && o[2] == 0 && o[3] == 0, "mulmod");
}

static void test_input(void) {
    const uint8_t *buf = NULL;
    size_t size = 0;
    read_input(&buf, &size);
    const uint8_t *batch = NULL;
    size_t batch_len = 0;
    check(rvx_input_map(RVX_SECTION_BATCH, &batch, &batch_len) == 0, "input_map batch");
    check(size == batch_len && (size == 0 || buf == batch), "read_input = BATCH");
    const uint8_t *whole = NULL;
    size_t whole_len = 0;
    check(rvx_input_map(RVX_SECTION_WHOLE, &whole, &whole_len) == 0 && whole_len >= 24 &&
          memcmp(whole, "RVXEXEC", 8) == 0, "input_map container magic");
    check(rvx_input_read(RVX_SECTION_BATCH, NULL, 0, 0) == (long)batch_len, "input_read size");
    if (batch_len > 0) {
        uint8_t last = 0;
        check(rvx_input_read(RVX_SECTION_BATCH, &last, 1, batch_len - 1) == (long)batch_len &&
              last == batch[batch_len - 1], "input_read last byte");
    }
    check(rvx_input_read(RVX_SECTION_BATCH, NULL, 0, (size_t)-1) == (long)batch_len, "input_read huge offset");
    check(rvx_input_map(RVX_SECTION_BLOCK_ENV, &batch, &batch_len) == -RVX_ENOENT, "input_map absent = -ENOENT");
}

int main(void) {
    long version = 0;
    if (!rvx_probe(&version)) {
        printf("not under rvx\n");
        return 0;
    }
    check(version == 1, "abi version");
    long c0 = rvx_cycle_count();
    test_hashes();
    test_secp256k1();
    test_arith();
    test_input();
    check(rvx_cycle_count() > c0, "cycle count advances");
    check(rvx_debug_print("sdk-selftest\n", 13) == 0, "debug print");
    static const uint8_t ok[8] = {'s', 'd', 'k', ' ', 'o', 'k', '\n', 0};
    if (failures == 0) write_output(ok, sizeof ok);
    printf("%d failures\n", failures);
    return failures;
}
