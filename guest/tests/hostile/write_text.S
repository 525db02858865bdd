/* write_text.S: stores into its own code: store access fault at _start (0x10000); code is never writable. */
#include "hostile.h"
START
    la t0, _start
    sw zero, 0(t0)
    EXIT(0)
