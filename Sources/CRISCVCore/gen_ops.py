#!/usr/bin/env python3
"""Generates core_ops.inc (the dispatch core's operation bodies, handler table and fused pairs) from the
operation semantics below and the pair list in fused_pairs.txt. Run from this directory after editing
either; the output is committed so that building rvx needs no Python.

A fused pair "A+B" gets a handler that runs A's body, advances to B's record and runs B's body, with one
dispatch for both. Records are not changed: B's record keeps its own fields and its own handler, so a
jump into B still works. Only straight-line operations can come first; B may be a control transfer.
"""
import os

STRAIGHT = {
    'LI': 'RD = IMM;',
    'AUIPC': 'RD = PC_OF(IDX()) + IMM;',
    'LB': 'LOAD(uint8_t, 1, S8);', 'LH': 'LOAD(uint16_t, 2, S16);', 'LW': 'LOAD(uint32_t, 4, S32);',
    'LBU': 'LOAD(uint8_t, 1, ID);', 'LHU': 'LOAD(uint16_t, 2, ID);', 'LWU': 'LOAD(uint32_t, 4, ID);',
    'LD': 'LOAD(uint64_t, 8, ID);',
    'SB': 'STORE(uint8_t, 1);', 'SH': 'STORE(uint16_t, 2);', 'SW': 'STORE(uint32_t, 4);', 'SD': 'STORE(uint64_t, 8);',
    'ADDI': 'RD = RS1 + IMM;', 'SLTI': 'RD = (int64_t)RS1 < (int64_t)IMM;', 'SLTIU': 'RD = RS1 < IMM;',
    'XORI': 'RD = RS1 ^ IMM;', 'ORI': 'RD = RS1 | IMM;', 'ANDI': 'RD = RS1 & IMM;',
    'SLLI': 'RD = RS1 << (ip->imm & 63);', 'SRLI': 'RD = RS1 >> (ip->imm & 63);',
    'SRAI': 'RD = (uint64_t)((int64_t)RS1 >> (ip->imm & 63));',
    'ADD': 'RD = RS1 + RS2;', 'SUB': 'RD = RS1 - RS2;', 'SLL': 'RD = RS1 << (RS2 & 63);',
    'SLT': 'RD = (int64_t)RS1 < (int64_t)RS2;', 'SLTU': 'RD = RS1 < RS2;', 'XOR': 'RD = RS1 ^ RS2;',
    'SRL': 'RD = RS1 >> (RS2 & 63);', 'SRA': 'RD = (uint64_t)((int64_t)RS1 >> (RS2 & 63));',
    'OR': 'RD = RS1 | RS2;', 'AND': 'RD = RS1 & RS2;',
    'FENCE': '',
    'ADDIW': 'RD = SEXT32((uint32_t)RS1 + (uint32_t)ip->imm);',
    'SLLIW': 'RD = SEXT32((uint32_t)RS1 << (ip->imm & 31));',
    'SRLIW': 'RD = SEXT32((uint32_t)RS1 >> (ip->imm & 31));',
    'SRAIW': 'RD = (uint64_t)(int64_t)((int32_t)(uint32_t)RS1 >> (ip->imm & 31));',
    'ADDW': 'RD = SEXT32((uint32_t)RS1 + (uint32_t)RS2);', 'SUBW': 'RD = SEXT32((uint32_t)RS1 - (uint32_t)RS2);',
    'SLLW': 'RD = SEXT32((uint32_t)RS1 << (RS2 & 31));', 'SRLW': 'RD = SEXT32((uint32_t)RS1 >> (RS2 & 31));',
    'SRAW': 'RD = (uint64_t)(int64_t)((int32_t)(uint32_t)RS1 >> (RS2 & 31));',
    'MUL': 'RD = RS1 * RS2;',
    'MULH': 'RD = (uint64_t)(((__int128)(int64_t)RS1 * (__int128)(int64_t)RS2) >> 64);',
    'MULHSU': 'RD = (uint64_t)(((__int128)(int64_t)RS1 * (__int128)(uint64_t)RS2) >> 64);',
    'MULHU': 'RD = (uint64_t)(((unsigned __int128)RS1 * (unsigned __int128)RS2) >> 64);',
    'DIV': '{ int64_t a_ = (int64_t)RS1, b_ = (int64_t)RS2; '
           'RD = b_ == 0 ? ~(uint64_t)0 : (b_ == -1 ? (uint64_t)0 - (uint64_t)a_ : (uint64_t)(a_ / b_)); }',
    'DIVU': '{ uint64_t b_ = RS2; RD = b_ == 0 ? ~(uint64_t)0 : RS1 / b_; }',
    'REM': '{ int64_t a_ = (int64_t)RS1, b_ = (int64_t)RS2; '
           'RD = b_ == 0 ? (uint64_t)a_ : (b_ == -1 ? 0 : (uint64_t)(a_ % b_)); }',
    'REMU': '{ uint64_t b_ = RS2; RD = b_ == 0 ? RS1 : RS1 % b_; }',
    'MULW': 'RD = SEXT32((uint32_t)RS1 * (uint32_t)RS2);',
    'DIVW': '{ int32_t a_ = (int32_t)(uint32_t)RS1, b_ = (int32_t)(uint32_t)RS2; '
            'RD = b_ == 0 ? ~(uint64_t)0 : SEXT32(b_ == -1 ? (uint32_t)0 - (uint32_t)a_ : (uint32_t)(a_ / b_)); }',
    'DIVUW': '{ uint32_t a_ = (uint32_t)RS1, b_ = (uint32_t)RS2; RD = b_ == 0 ? ~(uint64_t)0 : SEXT32(a_ / b_); }',
    'REMW': '{ int32_t a_ = (int32_t)(uint32_t)RS1, b_ = (int32_t)(uint32_t)RS2; '
            'RD = SEXT32(b_ == 0 ? (uint32_t)a_ : (b_ == -1 ? 0 : (uint32_t)(a_ % b_))); }',
    'REMUW': '{ uint32_t a_ = (uint32_t)RS1, b_ = (uint32_t)RS2; RD = SEXT32(b_ == 0 ? a_ : a_ % b_); }',
    'MULH32': 'RD = (uint64_t)(((int64_t)(int32_t)(uint32_t)RS1 * (int64_t)(int32_t)(uint32_t)RS2) >> 32);',
    'MULHSU32': 'RD = (uint64_t)(((int64_t)(int32_t)(uint32_t)RS1 * (int64_t)(uint32_t)RS2) >> 32);',
    'MULHU32': 'RD = SEXT32(((uint64_t)(uint32_t)RS1 * (uint64_t)(uint32_t)RS2) >> 32);',
}
# Control transfers and exits: they end a block and dispatch themselves.
TERMINAL = {
    'EXIT': 'REFUND_LEAVE();',
    'JAL': 'RD = PC_OF(IDX() + 1); JUMP((uint64_t)(uint32_t)ip->imm);',
    'JALR': '{ uint64_t t_ = ((RS1 + IMM) & ~(uint64_t)1) & RVX_MASK; uint64_t off_ = t_ - base; '
            'if (UNLIKELY((off_ & 3) != 0 || (off_ >> 2) >= count)) REFUND_LEAVE(); '
            'RD = PC_OF(IDX() + 1); JUMP(off_ >> 2); }',
    'BEQ': 'BRANCH(RS1 == RS2);', 'BNE': 'BRANCH(RS1 != RS2);',
    'BLT': 'BRANCH((int64_t)RS1 < (int64_t)RS2);', 'BGE': 'BRANCH((int64_t)RS1 >= (int64_t)RS2);',
    'BLTU': 'BRANCH(RS1 < RS2);', 'BGEU': 'BRANCH(RS1 >= RS2);',
    'ECALL': 'exit_code = RVX_EXIT_ECALL; goto leave;',
}
ORDER = ['EXIT', 'LI', 'AUIPC', 'JAL', 'JALR', 'BEQ', 'BNE', 'BLT', 'BGE', 'BLTU', 'BGEU',
         'LB', 'LH', 'LW', 'LBU', 'LHU', 'LWU', 'LD', 'SB', 'SH', 'SW', 'SD',
         'ADDI', 'SLTI', 'SLTIU', 'XORI', 'ORI', 'ANDI', 'SLLI', 'SRLI', 'SRAI',
         'ADD', 'SUB', 'SLL', 'SLT', 'SLTU', 'XOR', 'SRL', 'SRA', 'OR', 'AND', 'FENCE', 'ECALL',
         'ADDIW', 'SLLIW', 'SRLIW', 'SRAIW', 'ADDW', 'SUBW', 'SLLW', 'SRLW', 'SRAW',
         'MUL', 'MULH', 'MULHSU', 'MULHU', 'DIV', 'DIVU', 'REM', 'REMU',
         'MULW', 'DIVW', 'DIVUW', 'REMW', 'REMUW', 'MULH32', 'MULHSU32', 'MULHU32']
assert set(ORDER) == set(STRAIGHT) | set(TERMINAL)

here = os.path.dirname(os.path.abspath(__file__))
pairs = [tuple(p.upper().split('+')) for p in open(os.path.join(here, 'fused_pairs.txt')).read().split()]
assert len(set(pairs)) == len(pairs), 'duplicate pair'
for a, b in pairs:
    assert a in STRAIGHT and (b in STRAIGHT or b in TERMINAL), (a, b)

out = ['/* Generated by gen_ops.py from its operation table and fused_pairs.txt. Do not edit. */',
       '#define RVX_PAIR_COUNT %d' % len(pairs), '', '#define RVX_HANDLER_TABLE \\']
out += ['    [RVX_OP_%s] = &&op_%s, \\' % (o, o.lower()) for o in ORDER]
out += ['    [RVX_OP_COUNT + %d] = &&pair_%s_%s, \\' % (k, a.lower(), b.lower()) for k, (a, b) in enumerate(pairs)]
out += ['', '#define RVX_PAIR_LIST \\']
out += ['    {RVX_OP_%s, RVX_OP_%s}, \\' % (a, b) for a, b in pairs]
out += ['', '#define RVX_HANDLERS \\']
for o in ORDER:
    out.append('op_%s: %s \\' % (o.lower(), STRAIGHT[o] + ' NEXT();' if o in STRAIGHT else TERMINAL[o]))
for a, b in pairs:
    tail = STRAIGHT[b] + ' NEXT();' if b in STRAIGHT else TERMINAL[b]
    out.append('pair_%s_%s: %s ip++; %s \\' % (a.lower(), b.lower(), STRAIGHT[a], tail))
out.append('')
open(os.path.join(here, 'core_ops.inc'), 'w').write('\n'.join(out) + '\n')
