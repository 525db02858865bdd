/*
 * fib: naive doubly recursive Fibonacci (call/return and stack traffic). Prints fib(N); fib(35) =
 * 9227465 (OEIS A000045).
 */
#include <stdint.h>

#include "bench.h"

#ifndef N
#define N 35
#endif

__attribute__((noinline)) static uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(void) {
    volatile uint32_t n = N;  /* keep the compiler from folding the call */
    printf("fib(%lu) = %lu\n", (unsigned long)n, (unsigned long)fib(n));
    return 0;
}
