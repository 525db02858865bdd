/* c_recursion.c: unbounded recursion with a 1 KiB frame (not a tail call: the frame is used after the call).
 * Under a 16 MiB memory limit the stack's first touch past the limit stops the run: out of memory. */
#include <stdint.h>

static volatile uint32_t sink;

__attribute__((noinline)) static uint32_t deep(uint32_t n) {
    volatile uint8_t frame[1024];
    frame[n & 1023] = (uint8_t)n;
    uint32_t r = n == 0xFFFFFFFFu ? 0 : deep(n + 1);
    return r + frame[(n * 7) & 1023];
}

int main(void) {
    sink = deep(0);
    return 0;
}
