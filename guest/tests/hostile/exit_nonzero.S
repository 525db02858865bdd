/* exit_nonzero.S: exit_group(42): false, non-zero exit 42. */
#include "hostile.h"
START
    EXIT(42)
