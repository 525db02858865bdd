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

/* Operations of `rvx_insn` (the RISCV module's `Op`, plus fused pairs). */
enum rvx_op {
    RVX_OP_EXIT = 0,      /* leave to the reference stepper (illegal, fetch fault, ebreak, far branches) */
    RVX_OP_LI, RVX_OP_AUIPC, RVX_OP_JAL, RVX_OP_JALR,
    RVX_OP_BEQ, RVX_OP_BNE, RVX_OP_BLT, RVX_OP_BGE, RVX_OP_BLTU, RVX_OP_BGEU,
    RVX_OP_LB, RVX_OP_LH, RVX_OP_LW, RVX_OP_LBU, RVX_OP_LHU, RVX_OP_LWU, RVX_OP_LD,
    RVX_OP_SB, RVX_OP_SH, RVX_OP_SW, RVX_OP_SD,
    RVX_OP_ADDI, RVX_OP_SLTI, RVX_OP_SLTIU, RVX_OP_XORI, RVX_OP_ORI, RVX_OP_ANDI,
    RVX_OP_SLLI, RVX_OP_SRLI, RVX_OP_SRAI,
    RVX_OP_ADD, RVX_OP_SUB, RVX_OP_SLL, RVX_OP_SLT, RVX_OP_SLTU, RVX_OP_XOR, RVX_OP_SRL, RVX_OP_SRA,
    RVX_OP_OR, RVX_OP_AND,
    RVX_OP_FENCE, RVX_OP_ECALL,
    RVX_OP_ADDIW, RVX_OP_SLLIW, RVX_OP_SRLIW, RVX_OP_SRAIW,
    RVX_OP_ADDW, RVX_OP_SUBW, RVX_OP_SLLW, RVX_OP_SRLW, RVX_OP_SRAW,
    RVX_OP_MUL, RVX_OP_MULH, RVX_OP_MULHSU, RVX_OP_MULHU, RVX_OP_DIV, RVX_OP_DIVU, RVX_OP_REM, RVX_OP_REMU,
    RVX_OP_MULW, RVX_OP_DIVW, RVX_OP_DIVUW, RVX_OP_REMW, RVX_OP_REMUW,
    RVX_OP_MULH32, RVX_OP_MULHSU32, RVX_OP_MULHU32,
    RVX_OP_COUNT
};

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

#endif
