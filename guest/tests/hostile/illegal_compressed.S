/* illegal_compressed.S: c.li a0, 0 (0x4501) followed by c.nop (0x0001): an RVC halfword pair, illegal word
 * 0x00014501 (rvx is RV32IM/RV64IM without C). */
#include "hostile.h"
START
    .half 0x4501
    .half 0x0001
    EXIT(0)
