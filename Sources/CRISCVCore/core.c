/*
 * The fast engine's dispatch core (see include/rvx_core.h). The same body is compiled twice, once per
 * XLEN, so that the RV32 address mask is a constant and there is no XLEN test in the hot loop.
 */
#include "rvx_core.h"
#include <string.h>
#include "core_ops.inc"

static const uint8_t rvx_pair_list[RVX_PAIR_COUNT][2] = { RVX_PAIR_LIST };

int rvx_core_pairs(const uint8_t (**list)[2]) {
    *list = rvx_pair_list;
    return RVX_PAIR_COUNT;
}

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
