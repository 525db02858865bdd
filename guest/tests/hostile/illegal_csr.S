/* illegal_csr.S: rdcycle a0 = csrrs a0, cycle, zero = 0xc0002573 (Zicsr/Zicntr): illegal instruction, so no
 * clock reaches the guest. */
#include "hostile.h"
START
    .word 0xc0002573
    EXIT(0)
