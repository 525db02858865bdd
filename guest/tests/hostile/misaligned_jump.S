/* misaligned_jump.S: jr to a target 2 bytes into an instruction: misaligned fetch (no C extension). */
#include "hostile.h"
START
    la t0, target
    addi t0, t0, 2
    jr t0
target:
    EXIT(0)
