/*
 * The C ABI test (docs/EMBEDDING.md): a C program linked against librvx_execute.so checks true, false with
 * each expected reason, malformed inputs and concurrent calls. Run by Examples/c-abi/run.sh.
 * usage: test_execute STF.elf CONTAINER PRE-ROOT-HEX POST-ROOT-HEX
 */
#undef NDEBUG
#include <assert.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rvx_execute.h"

static uint8_t *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    assert(f != NULL);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc((size_t)n + 1);
    assert(b != NULL && fread(b, 1, (size_t)n, f) == (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return b;
}

static void unhex(const char *s, uint8_t out[32]) {
    if (s[0] == '0' && s[1] == 'x') s += 2;
    assert(strlen(s) >= 64);
    for (int i = 0; i < 32; i++) assert(sscanf(s + 2 * i, "%2hhx", &out[i]) == 1);
}

static const uint8_t *elf, *container;
static size_t elf_len, container_len;
static uint8_t pre[32], post[32];
static uint64_t true_cycles;

/* One call and its reason, checked against the expected one; returns the result for more checks. */
static rvx_result *expect(rvx_result *r, int verdict, rvx_reason reason) {
    assert(r != NULL);
    if (rvx_result_verdict(r) != verdict || rvx_result_reason(r) != reason) {
        fprintf(stderr, "expected verdict %d reason %s, got %d %s: %s\n", verdict, rvx_reason_name(reason),
                rvx_result_verdict(r), rvx_reason_name(rvx_result_reason(r)), rvx_result_message(r));
        abort();
    }
    return r;
}

static void *worker(void *arg) {
    (void)arg;
    rvx_result *r = expect(rvx_execute(elf, elf_len, container, container_len, post, pre, RVX_STATE_RUNTIME_MANAGED, NULL),
                           1, RVX_REASON_NONE);
    assert(rvx_result_cycles(r) == true_cycles);
    rvx_result_free(r);
    return NULL;
}

int main(int argc, char **argv) {
    assert(argc == 5);
    elf = slurp(argv[1], &elf_len);
    container = slurp(argv[2], &container_len);
    unhex(argv[3], pre);
    unhex(argv[4], post);

    /* True: the proved root; gas = cycles / 100 + 16 per container byte. */
    rvx_result *r = expect(rvx_execute(elf, elf_len, container, container_len, post, pre, RVX_STATE_RUNTIME_MANAGED, NULL),
                           1, RVX_REASON_NONE);
    true_cycles = rvx_result_cycles(r);
    assert(true_cycles > 0);
    assert(rvx_result_gas(r) == true_cycles / 100 + 16 * (uint64_t)container_len);
    assert(strcmp(rvx_result_message(r), "") == 0);
    size_t out_len = 0;
    assert(rvx_result_output(r, &out_len) != NULL && out_len > 0);
    uint8_t root[32];
    assert(rvx_result_post_root(r, root) == 1 && memcmp(root, post, 32) == 0);
    rvx_result_free(r);

    /* False: a wrong claimed root; the computed root is still reported. */
    uint8_t wrong[32];
    memcpy(wrong, post, 32);
    wrong[31] ^= 1;
    r = expect(rvx_execute(elf, elf_len, container, container_len, wrong, pre, RVX_STATE_RUNTIME_MANAGED, NULL),
               0, RVX_REASON_ROOT_MISMATCH);
    assert(strstr(rvx_result_message(r), "mismatch") != NULL);
    assert(rvx_result_post_root(r, root) == 1 && memcmp(root, post, 32) == 0);
    rvx_result_free(r);

    /* False: the L1's pre-state root differs; charged the container bytes only. */
    r = expect(rvx_execute(elf, elf_len, container, container_len, post, wrong, RVX_STATE_RUNTIME_MANAGED, NULL),
               0, RVX_REASON_PRE_STATE_ROOT_MISMATCH);
    assert(rvx_result_cycles(r) == 0 && rvx_result_gas(r) == 16 * (uint64_t)container_len);
    rvx_result_free(r);

    /* False: a truncated container, a garbage ELF, a tiny cycle budget (reports exactly the budget). */
    rvx_result_free(expect(rvx_execute(elf, elf_len, container, container_len - 8, post, NULL, RVX_STATE_RUNTIME_MANAGED, NULL),
                           0, RVX_REASON_BAD_CONTAINER));
    rvx_result_free(expect(rvx_execute(container, 64, container, container_len, post, NULL, RVX_STATE_RUNTIME_MANAGED, NULL),
                           0, RVX_REASON_BAD_ELF));
    rvx_limits tight = {.cycles = 5000};
    r = expect(rvx_execute(elf, elf_len, container, container_len, post, NULL, RVX_STATE_RUNTIME_MANAGED, &tight),
               0, RVX_REASON_OUT_OF_CYCLES);
    assert(rvx_result_cycles(r) == 5000);
    rvx_result_free(r);

    /* Malformed calls: NULL pointers with lengths, huge lengths, unknown mode, impossible memory limit. */
    rvx_result_free(expect(rvx_execute(NULL, 10, container, container_len, post, NULL, 0, NULL), 0, RVX_REASON_INVALID_REQUEST));
    rvx_result_free(expect(rvx_execute(elf, elf_len, NULL, 1, post, NULL, 0, NULL), 0, RVX_REASON_INVALID_REQUEST));
    rvx_result_free(expect(rvx_execute(elf, elf_len, container, container_len, NULL, NULL, 0, NULL), 0, RVX_REASON_INVALID_REQUEST));
    rvx_result_free(expect(rvx_execute(elf, SIZE_MAX, container, container_len, post, NULL, 0, NULL), 0, RVX_REASON_INVALID_REQUEST));
    rvx_result_free(expect(rvx_execute(elf, elf_len, container, SIZE_MAX, post, NULL, 0, NULL), 0, RVX_REASON_INVALID_REQUEST));
    rvx_result_free(expect(rvx_execute(elf, elf_len, container, container_len, post, NULL, 7, NULL), 0, RVX_REASON_INVALID_REQUEST));
    rvx_limits huge = {.memory = (uint64_t)1 << 50};
    rvx_result_free(expect(rvx_execute(elf, elf_len, container, container_len, post, NULL, 0, &huge), 0, RVX_REASON_INVALID_REQUEST));
    rvx_result_free(expect(rvx_execute(NULL, 0, NULL, 0, post, NULL, 0, NULL), 0, RVX_REASON_BAD_CONTAINER));

    /* Accessors on NULL and unknown reasons. */
    assert(rvx_result_verdict(NULL) == 0 && rvx_result_cycles(NULL) == 0 && rvx_result_output(NULL, &out_len) == NULL);
    assert(out_len == 0 && rvx_result_post_root(NULL, root) == 0);
    rvx_result_free(NULL);
    assert(strcmp(rvx_reason_name(RVX_REASON_ROOT_MISMATCH), "rootMismatch") == 0);
    assert(strcmp(rvx_reason_name(RVX_REASON_STATE_REPORT_INVALID), "stateReportInvalid") == 0);
    assert(strcmp(rvx_reason_name((rvx_reason)99), "unknown") == 0);
    assert(strcmp(rvx_reason_name((rvx_reason)-1), "unknown") == 0);

    /* Concurrent calls agree with the sequential one. */
    pthread_t t[4];
    for (int i = 0; i < 4; i++) assert(pthread_create(&t[i], NULL, worker, NULL) == 0);
    for (int i = 0; i < 4; i++) assert(pthread_join(t[i], NULL) == 0);

    printf("c-abi: all checks passed (true: %llu cycles)\n", (unsigned long long)true_cycles);
    return 0;
}
