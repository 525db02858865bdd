/* c_state_uncovered.c: reads sha256("balance") from the state when the container's pre-state root is non-zero
 * and there is no witness: witness incomplete. */
#include <string.h>

#include "rvx/rvx.h"

int main(void) {
    uint8_t key[32], value[32];
    rvx_sha256("balance", strlen("balance"), key);
    long r = rvx_state_read(key, value);
    return r == 1 ? 0 : 5;
}
