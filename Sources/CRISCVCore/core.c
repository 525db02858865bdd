/*
 * The fast engine's dispatch core (see include/rvx_core.h). The same body is compiled twice, once per
 * XLEN, so that the RV32 address mask is a constant and there is no XLEN test in the hot loop.
 */
#include "rvx_core.h"
#include <string.h>

#define RVX_FN rvx_core_run64
#define RVX_MASK (~(uint64_t)0)
#include "core_body.inc"
#undef RVX_FN
#undef RVX_MASK

#define RVX_FN rvx_core_run32
#define RVX_MASK ((uint64_t)0xFFFFFFFFu)
#include "core_body.inc"
#undef RVX_FN
#undef RVX_MASK
