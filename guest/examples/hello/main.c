/* hello: the smallest rvx guest; prints a greeting through picolibc's stdio (write syscall 64). */
#include <stdio.h>

int main(void) {
    printf("Hello from a RISC-V guest!\n");
    return 0;
}
