/*
 * Dispatcher of the translated tier (see rvx_tr_run in include/rvx_core.h). Invariant: cycles <= limit.
 * A region function is given the budget and charges blocks itself; a slot that is no translated leader
 * (an entry into the middle of a block, after the reference stepper ran an instruction) runs on the core
 * with its limit set to the end of that one block, so the core leaves at the next block entry and the
 * translated code takes over again. A block the budget does not cover is left to the stepper. With a
 * profile (`entries`), every block the core runs is counted at its entry slot: a program with no regions
 * then gives the deterministic block profile the translator chooses hot code from.
 */
#include "rvx_core.h"

int rvx_tr_run(rvx_core_state *s, const rvx_tr_program *p, int rv64) {
    const uint64_t limit = s->limit;
    rvx_tr_state t = { s->x, s->arena, s->perm, 0, 0 };
    for (;;) {
        if (s->cycles >= limit) return RVX_EXIT_STEP;
        const uint64_t i = s->index;
        if (i >= s->code_count) return RVX_EXIT_STEP;
        const uint32_t r = p->region_of[i];
        if (r) {
            t.budget = limit - s->cycles;
            t.index = i;
            const int e = p->regions[r - 1](&t);
            s->cycles = limit - t.budget;
            s->index = t.index;
            if (e != RVX_TR_CONTINUE) return e;
            continue;
        }
        const uint64_t len = s->block_length[i];
        if (limit - s->cycles < len) return RVX_EXIT_STEP;
        if (p->entries) p->entries[i] += 1;
        const uint64_t goal = s->cycles + len;
        s->limit = goal;
        const int e = rv64 ? rvx_core_run64(s, 0) : rvx_core_run32(s, 0);
        s->limit = limit;
        /* The block ran to its end iff all of it stayed charged (an instruction that leaves refunds). */
        if (e == RVX_EXIT_ECALL || s->cycles != goal) return e;
    }
}
