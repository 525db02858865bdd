/* load_guard.S: loads from 0x800, inside the never-mapped guard page 0: load access fault. */
#include "hostile.h"
START
    lw a0, 0x7ff(zero)
    EXIT(0)
