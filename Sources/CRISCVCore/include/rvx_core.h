/*
 * rvx fast engine: a direct-threaded RV32IM/RV64IM dispatch core over pre-decoded records.
 *
 * The RISCV Swift module decodes the program (Decoder.swift), converts each record to an `rvx_insn`
 * whose `handler` is the address of the C label that implements it (computed goto, "labels as
 * values"), and calls `rvx_core_run64`/`rvx_core_run32`. The core handles the common case only:
 * everything unusual (a load or store outside the fast path, a fault, EBREAK, illegal instructions,
 * jumps leaving the code, a block that does not fit in the cycle budget) leaves the core with
 * RVX_EXIT_STEP *before* the instruction executes, and Swift runs that one instruction with the
 * reference stepper (Hart.step()) and re-enters. Semantics therefore live in one place for every
 * unusual case, and the C core must agree with the Swift engines (EngineEquivalenceTests).
 */
#ifndef RVX_CORE_H
#define RVX_CORE_H

#include <stdint.h>

#include "rvx_ops.h"   /* enum rvx_op, generated from the instruction table (isa.py) */

/* One pre-decoded instruction (16 bytes). Branch and JAL targets are record indices. */
typedef struct rvx_insn {
    const void *handler;
    int32_t imm;
    uint8_t rd;     /* 32 (scratch) when the instruction writes x0 */
    uint8_t rs1;
    uint8_t rs2;
    uint8_t op;     /* enum rvx_op, for tools and tests */
} rvx_insn;

/* The machine state the core needs; `cycles` and `index` are in/out. */
typedef struct rvx_core_state {
    uint64_t *x;                    /* x0..x31 and scratch x32 */
    const rvx_insn *code;           /* code_count records plus an EXIT sentinel */
    const uint32_t *block_length;   /* instructions from a slot to the end of its straight-line block */
    uint8_t *arena;                 /* guest address a lives at arena + a (2 GiB reservation) */
    const uint8_t *perm;            /* one permission byte per 4 KiB page */
    uint64_t code_base;
    uint64_t code_count;
    uint64_t cycles;
    uint64_t limit;
    uint64_t index;
} rvx_core_state;

enum rvx_exit {
    RVX_EXIT_ECALL = 0,  /* ECALL at `index`, its cycle charged */
    RVX_EXIT_STEP = 1    /* run the instruction at `index` with the reference stepper; it is not charged */
};

/* The fused pairs: `*list` receives RVX pair count entries {first op, second op}; the handler of pair k
 * is entry RVX_OP_COUNT + k of the handler table. Returns the number of pairs. */
int rvx_core_pairs(const uint8_t (**list)[2]);

/* Runs until an exit. With `s == 0`, stores the handler table (indexed by enum rvx_op) in `*table`. */
int rvx_core_run64(rvx_core_state *s, const void *const **table);
int rvx_core_run32(rvx_core_state *s, const void *const **table);

/* The translated tier (Sources/Translator): host code compiled from the guest's code, one function per
 * region of consecutive code slots. A region function enters at `index` (a leader of its region), charges
 * each block it enters exactly as the core does (block_length on entry, refunded when an instruction
 * leaves), and returns RVX_TR_CONTINUE with `index` at a block entry outside it (not yet charged), or an
 * rvx_exit code with the core's meaning. */
typedef struct rvx_tr_state {
    uint64_t *x;
    uint8_t *arena;
    const uint8_t *perm;
    uint64_t budget;   /* cycles left before the limit; in/out */
    uint64_t index;    /* in/out */
} rvx_tr_state;

enum { RVX_TR_CONTINUE = 2 };

typedef int (*rvx_tr_fn)(rvx_tr_state *);

typedef struct rvx_tr_program {
    const rvx_tr_fn *regions;     /* region functions */
    const uint32_t *region_of;    /* per code slot: 1 + the region whose leader it is, or 0 */
    uint64_t *entries;            /* a block profile, or 0: per code slot, how often the core entered it */
} rvx_tr_program;

/* Runs translated code from `s->index` with the same contract as rvx_core_run64/32: slots that are not a
 * translated leader run one block at a time on the core, each such entry counted in `entries` if set. */
int rvx_tr_run(rvx_core_state *s, const rvx_tr_program *p, int rv64);

#endif
