/*
 * swift_runtime.c: the C runtime symbols an Embedded Swift guest needs beyond picolibc, with
 * deterministic semantics (no randomness, clock or host state can reach a guest):
 *
 *   arc4random, arc4random_buf, arc4random_uniform
 *       A fixed-seed SplitMix64 stream (seed 0x7276785f67756573, "rvx_gues"): every run of a guest
 *       sees the same "random" bytes. Swift's SystemRandomNumberGenerator and Hasher seeding go through
 *       arc4random_buf, so they are deterministic too. Not suitable for secrets, by design.
 *   __atomic_{load,store,fetch_add,fetch_sub,exchange,compare_exchange}_{1,2,4,8}
 *       Plain loads and stores. Guests are single-threaded (no A extension, no threads), so a plain
 *       access is atomic with respect to every other access.
 *   __stack_chk_guard, __stack_chk_fail
 *       A fixed canary; on smash the guest writes a message to stderr and exits with status 134.
 *
 * posix_memalign, malloc, free, memcpy, memset and putchar come from picolibc (heap over brk, see
 * syscalls.c; stdout buffered, see syscalls.c).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "rvx/linux.h"

/* ---- deterministic arc4random ---- */

static uint64_t rng_state = 0x7276785f67756573ull;

static uint64_t splitmix64(void) {
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

uint32_t arc4random(void) { return (uint32_t)(splitmix64() >> 32); }

void arc4random_buf(void *buf, size_t n) {
    uint8_t *p = buf;
    while (n > 0) {
        uint64_t v = splitmix64();
        for (int i = 0; i < 8 && n > 0; i++, n--) { *p++ = (uint8_t)v; v >>= 8; }
    }
}

uint32_t arc4random_uniform(uint32_t bound) {
    if (bound < 2) return 0;
    uint32_t min = (uint32_t)-bound % bound;  /* reject the biased low range */
    for (;;) {
        uint32_t r = arc4random();
        if (r >= min) return r % bound;
    }
}

/* ---- single-threaded __atomic_* library calls ---- */
/* Defined under asm labels so the compiler does not object to redefining its builtins. */

#define RVX_ATOMICS(N, T)                                                                          \
    T rvx_atomic_load_##N(const volatile void *p, int mo) __asm__("__atomic_load_" #N);            \
    T rvx_atomic_load_##N(const volatile void *p, int mo) { (void)mo; return *(const volatile T *)p; } \
    void rvx_atomic_store_##N(volatile void *p, T v, int mo) __asm__("__atomic_store_" #N);        \
    void rvx_atomic_store_##N(volatile void *p, T v, int mo) { (void)mo; *(volatile T *)p = v; }   \
    T rvx_atomic_exchange_##N(volatile void *p, T v, int mo) __asm__("__atomic_exchange_" #N);     \
    T rvx_atomic_exchange_##N(volatile void *p, T v, int mo) {                                     \
        (void)mo; T old = *(volatile T *)p; *(volatile T *)p = v; return old;                      \
    }                                                                                              \
    T rvx_atomic_fetch_add_##N(volatile void *p, T v, int mo) __asm__("__atomic_fetch_add_" #N);   \
    T rvx_atomic_fetch_add_##N(volatile void *p, T v, int mo) {                                    \
        (void)mo; T old = *(volatile T *)p; *(volatile T *)p = (T)(old + v); return old;           \
    }                                                                                              \
    T rvx_atomic_fetch_sub_##N(volatile void *p, T v, int mo) __asm__("__atomic_fetch_sub_" #N);   \
    T rvx_atomic_fetch_sub_##N(volatile void *p, T v, int mo) {                                    \
        (void)mo; T old = *(volatile T *)p; *(volatile T *)p = (T)(old - v); return old;           \
    }                                                                                              \
    T rvx_atomic_fetch_and_##N(volatile void *p, T v, int mo) __asm__("__atomic_fetch_and_" #N);   \
    T rvx_atomic_fetch_and_##N(volatile void *p, T v, int mo) {                                    \
        (void)mo; T old = *(volatile T *)p; *(volatile T *)p = (T)(old & v); return old;           \
    }                                                                                              \
    T rvx_atomic_fetch_or_##N(volatile void *p, T v, int mo) __asm__("__atomic_fetch_or_" #N);     \
    T rvx_atomic_fetch_or_##N(volatile void *p, T v, int mo) {                                     \
        (void)mo; T old = *(volatile T *)p; *(volatile T *)p = (T)(old | v); return old;           \
    }                                                                                              \
    bool rvx_atomic_cas_##N(volatile void *p, void *expected, T desired, bool weak, int smo, int fmo) \
        __asm__("__atomic_compare_exchange_" #N);                                                  \
    bool rvx_atomic_cas_##N(volatile void *p, void *expected, T desired, bool weak, int smo, int fmo) { \
        (void)weak; (void)smo; (void)fmo;                                                          \
        T cur = *(volatile T *)p;                                                                  \
        if (cur == *(T *)expected) { *(volatile T *)p = desired; return true; }                    \
        *(T *)expected = cur;                                                                      \
        return false;                                                                              \
    }

RVX_ATOMICS(1, uint8_t)
RVX_ATOMICS(2, uint16_t)
RVX_ATOMICS(4, uint32_t)
RVX_ATOMICS(8, uint64_t)

/* ---- stack protector ---- */

uintptr_t __stack_chk_guard = (uintptr_t)0x5f7276785f63616eull;  /* fixed, deterministic canary */

__attribute__((noreturn)) void __stack_chk_fail(void) {
    static const char msg[] = "rvx guest: stack smashing detected\n";
    rvx_write(2, msg, sizeof msg - 1);
    rvx_exit(134);
}
