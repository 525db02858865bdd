/*
 * libc-check: exercises picolibc through the rvx SDK: printf/snprintf formats (incl. 64-bit values on
 * RV32), strtol/strtoull, qsort/bsearch, string and memory functions (overlapping memmove), div/lldiv,
 * setjmp/longjmp, realloc growth over brk, and IEEE double arithmetic in soft float (+ - * / sqrt,
 * all correctly rounded). The expected output was produced by compiling this same file natively with
 * the host gcc/glibc (an independent libc and hardware floating point) and is checked in.
 */
#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static jmp_buf env;
static void jump_back(int v) { longjmp(env, v); }

static uint64_t bits(double d) { uint64_t u; memcpy(&u, &d, sizeof u); return u; }

int main(void) {
    /* formatted output */
    printf("ints: %d %i %u %x %X %o %+d % d\n", -42, 17, 4000000000u, 0xbeefu, 0xbeefu, 8u, 5, 7);
    printf("widths: [%5d] [%-5d] [%05d] [%.3d] [%*d]\n", 42, 42, 42, 7, 6, -9);
    printf("longs: %ld %lu %lld %llu %llx\n", -123456789L, 123456789UL, -1234567890123456789LL,
           18446744073709551615ULL, 0xfedcba9876543210ULL);
    printf("strings: [%s] [%10s] [%-10s] [%.3s] %c%c %%\n", "rvx", "right", "left", "truncate", 'o', 'k');
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%s-%d-%04x", "snprintf", 99, 0xab);
    printf("snprintf: %s (%d)\n", buf, n);
    const char *volatile long_text = "truncated output";
    n = snprintf(buf, 8, "%s", long_text);
    printf("snprintf truncated: %s (%d)\n", buf, n);

    /* conversions */
    char *end;
    long l1 = strtol("-0x1f", NULL, 16), l2 = strtol("777", NULL, 8), l3 = strtol("  123abc", &end, 10);
    printf("strtol: %ld %ld %ld end [%s]\n", l1, l2, l3, end);
    printf("strtoull: %llu\n", strtoull("18446744073709551615", NULL, 10));
    printf("atoi: %d\n", atoi("-2147483648"));

    /* 64-bit arithmetic (libgcc helpers on RV32) */
    uint64_t a = 0xfedcba9876543210ULL, b = 0x123456789ULL;
    printf("u64: %llu %llu %llu\n", (unsigned long long)(a / b), (unsigned long long)(a % b),
           (unsigned long long)(a * b));
    int64_t c = -9223372036854775807LL - 1;
    printf("i64: %lld %lld\n", (long long)(c / 3), (long long)(c % 7));
    lldiv_t q = lldiv(-1000000000007LL, 13);
    div_t d = div(-17, 5);
    printf("div: %d %d lldiv: %lld %lld\n", d.quot, d.rem, q.quot, q.rem);

    /* sorting and searching */
    int xs[16];
    uint32_t s = 12345;
    for (int i = 0; i < 16; i++) { s = s * 1103515245u + 12345u; xs[i] = (int)(s >> 8) % 1000 - 500; }
    qsort(xs, 16, sizeof xs[0], cmp_int);
    printf("qsort:");
    for (int i = 0; i < 16; i++) printf(" %d", xs[i]);
    int key = xs[11];
    int *found = bsearch(&key, xs, 16, sizeof xs[0], cmp_int);
    printf("\nbsearch: %d at %d\n", key, found ? (int)(found - xs) : -1);

    /* strings and memory */
    char text[32] = "hello, rvx world";
    printf("strlen %u strcmp %d strncmp %d strchr %s strrchr %s strstr %s\n", (unsigned)strlen(text),
           strcmp("abc", "abd") < 0, strncmp("abcdef", "abcxyz", 3), strchr(text, 'r'), strrchr(text, 'o'),
           strstr(text, "rvx"));
    memmove(text + 2, text, 10);
    printf("memmove up: %s\n", text);
    memmove(text, text + 5, 10);
    printf("memmove down: %s\n", text);
    memset(text + 4, '*', 3);
    printf("memset: %s memcmp %d\n", text, memcmp("abc", "abd", 3) < 0);

    /* setjmp/longjmp */
    volatile int rounds = 0;
    int v = setjmp(env);
    if (v < 3) { rounds++; jump_back(v + 1); }
    printf("setjmp: returned %d after %d longjmps\n", v, rounds);

    /* heap growth through brk */
    size_t size = 16;
    unsigned char *p = malloc(size);
    unsigned sum = 0;
    for (int i = 0; i < 16 && p; i++) {
        for (size_t j = 0; j < size; j++) p[j] = (unsigned char)(j * 7 + i);
        size *= 2;
        p = realloc(p, size);
    }
    for (size_t j = 0; p && j < size / 2; j++) sum += p[j];
    printf("realloc: %u bytes, checksum %u\n", (unsigned)size, sum);
    free(p);

    /* soft-float IEEE double: results printed as bit patterns (exact) */
    volatile double x = 2.0, y = 3.0, z = 0.1;
    printf("double: %016llx %016llx %016llx %016llx %016llx\n", (unsigned long long)bits(x / y),
           (unsigned long long)bits(sqrt(x)), (unsigned long long)bits(z * y + x),
           (unsigned long long)bits(z - y * 1e-17), (unsigned long long)bits(1e308 * x));
    printf("double as int: %ld %ld\n", (long)(sqrt(x) * 1e6), (long)(-y / 7 * 1e9));
    return 0;
}
