/* loop_infinite.S: a jump to itself. Stops with out of cycles after exactly the limit (1 cycle per j). */
#include "hostile.h"
START
1:  j 1b
