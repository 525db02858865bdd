/*
 * linker_script.c: prints what Tests/GuestTests/LinkerScriptTests checks of guest/sdk/rvx.ld, as hex words:
 * _heap_start, _heap_end, the initial program break brk(0), and the address of a read-only object.
 */
#include <stdint.h>
#include <stdio.h>

#include "rvx/linux.h"

extern char _heap_start[], _heap_end[];
static const char message[] = "read-only data";

int main(void) {
    printf("%lx %lx %lx %lx %s\n", (unsigned long)(uintptr_t)_heap_start, (unsigned long)(uintptr_t)_heap_end,
           (unsigned long)rvx_brk(0), (unsigned long)(uintptr_t)message, message);
    return 0;
}
