/* ebreak.S: EBREAK: breakpoint, a guest fault (it does not retire). */
#include "hostile.h"
START
    nop
    ebreak
    EXIT(0)
