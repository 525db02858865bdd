"""The RISC-V instruction table of rvx: one row per pre-decoded operation (RISC-V Unprivileged ISA 20191213,
"RV32I", "RV64I", "M"; opcode map from "RV32/64G Instruction Set Listings").

`gen_isa.py` generates from this table the `Op` enum (Sources/RISCV/Op.swift: cases, block ends, mnemonics,
the C operation of each case, decode keys), the C core's operation enum and handlers
(include/rvx_ops.h, core_ops.inc) and the translator's statement templates
(Sources/Translator/Templates.swift). The decoder (Decoder.swift) and the reference stepper
(ReferenceStepper.swift) stay hand-written from the spec; `ISATableTests` checks the decoder against the
decode keys below and every generated file against this table.

Row fields:
  name   the Swift case name (the C name is its upper-case form)
  xlen   '64', '32' or 'both': the XLENs whose decoder produces the operation
  keys   decode keys: (xlen, major opcode, funct3, funct7) tuples; funct7 None when the encoding has none
         (immediates) and funct3 None for U/J formats; [] for operations the decoder makes from context
  end    True when the operation ends a straight-line block (control transfer, trap, ECALL)
  sem    C statement template for straight-line operations (tokens: RD, RS1, RS2, IMM (sign-extended
         immediate as an unsigned register value), IMMV (the raw int32 immediate), PC (this instruction's
         address), SX (the signed register type: int64_t in the C core, whose registers hold RV32 values
         sign-extended, and the XLEN's signed type in the translator),
         LOAD(type, width, extension), STORE(type, width)); for branches, `cond` instead
  core   False when the C core leaves to the reference stepper for it (its C operation is EXIT)
  mnem   the assembly mnemonic (RV64; `mnem32` when RV32 names it differently)
  fuse   operations that may follow this one in a fused pair of the C core (one dispatch for both)
"""

OP, OP32, IMM, IMM32 = 0x33, 0x3B, 0x13, 0x1B
LOAD, STORE, BRANCH = 0x03, 0x23, 0x63


def row(name, xlen='both', keys=(), end=False, sem=None, cond=None, core=True, mnem=None, mnem32=None,
        fuse='', doc=None):
    return dict(name=name, xlen=xlen, keys=list(keys), end=end, sem=sem, cond=cond, core=core,
                mnem=mnem or name, mnem32=mnem32 or mnem or name, fuse=fuse.split(), doc=doc)


def r64(op, f3, f7=None):
    return ('64', op, f3, f7)


def r32(op, f3, f7=None):
    return ('32', op, f3, f7)


def rb(op, f3, f7=None):
    return [r64(op, f3, f7), r32(op, f3, f7)]


ROWS = [
    row('illegal', end=True, core=False, doc='Illegal instruction; `imm` holds the instruction word.'),
    row('fetchFault', end=True, core=False, mnem='illegal',
        doc='The slot is not executable (or is the sentinel past the end of the code).'),
    row('li', keys=[r64(0x37, None), r32(0x37, None)], sem='RD = IMM;', mnem='lui', fuse='slli lwu',
        doc='rd = imm (LUI, and AUIPC whose result is known at decode time and fits 32 bits signed).'),
    row('auipc', xlen='64', sem='RD = PC + IMM;',
        doc='rd = pc + imm (AUIPC on RV64 when the result does not fit in 32 bits signed).'),
    row('jal', keys=[r64(0x6F, None), r32(0x6F, None)], end=True, doc='rd = pc + 4; jump to code index `imm`.'),
    row('jalFar', end=True, core=False, mnem='jal',
        doc='JAL whose target is misaligned or outside the code; `imm` is the byte offset.'),
    row('jalr', keys=rb(0x67, 0), end=True, doc='rd = pc + 4; jump to (rs1 + imm) & ~1.'),
    row('beq', keys=rb(BRANCH, 0), end=True, cond='RS1 == RS2', doc='Branch to code index `imm` if rs1 == rs2.'),
    row('bne', keys=rb(BRANCH, 1), end=True, cond='RS1 != RS2'),
    row('blt', keys=rb(BRANCH, 4), end=True, cond='(SX)RS1 < (SX)RS2'),
    row('bge', keys=rb(BRANCH, 5), end=True, cond='(SX)RS1 >= (SX)RS2'),
    row('bltu', keys=rb(BRANCH, 6), end=True, cond='RS1 < RS2'),
    row('bgeu', keys=rb(BRANCH, 7), end=True, cond='RS1 >= RS2'),
    row('branchFar', end=True, core=False, mnem='b',
        doc='Branch whose target is misaligned or outside the code; `rd` holds funct3, `imm` the byte offset.'),
    row('lb', keys=rb(LOAD, 0), sem='LOAD(uint8_t, 1, S8);', fuse='sb'),
    row('lh', keys=rb(LOAD, 1), sem='LOAD(uint16_t, 2, S16);'),
    row('lw', keys=rb(LOAD, 2), sem='LOAD(uint32_t, 4, S32);', fuse='lw addi xor and slli sw ld sub'),
    row('lbu', keys=rb(LOAD, 4), sem='LOAD(uint8_t, 1, ID);', fuse='bne'),
    row('lhu', keys=rb(LOAD, 5), sem='LOAD(uint16_t, 2, ID);'),
    row('lwu', xlen='64', keys=[r64(LOAD, 6)], sem='LOAD(uint32_t, 4, ID);', fuse='lwu addi'),
    row('ld', xlen='64', keys=[r64(LOAD, 3)], sem='LOAD(uint64_t, 8, ID);', fuse='ld addi xor xori and'),
    row('sb', keys=rb(STORE, 0), sem='STORE(uint8_t, 1);', fuse='addi'),
    row('sh', keys=rb(STORE, 1), sem='STORE(uint16_t, 2);'),
    row('sw', keys=rb(STORE, 2), sem='STORE(uint32_t, 4);', fuse='sw bne addi sltu srli srai'),
    row('sd', xlen='64', keys=[r64(STORE, 3)], sem='STORE(uint64_t, 8);', fuse='sd bne addi addiw'),
    row('addi', xlen='64', keys=[r64(IMM, 0)], sem='RD = RS1 + IMM;',
        fuse='addi add bne beq lw ld slli rem remw addiw mul mulhu sltu sw sd jalr jal bgeu xori subw lwu '
             'mulhu32 li'),
    row('slti', keys=rb(IMM, 2), sem='RD = (SX)RS1 < (SX)IMM;'),
    row('sltiu', keys=rb(IMM, 3), sem='RD = RS1 < IMM;'),
    row('xori', keys=rb(IMM, 4), sem='RD = RS1 ^ IMM;', fuse='add xori addw'),
    row('ori', keys=rb(IMM, 6), sem='RD = RS1 | IMM;'),
    row('andi', keys=rb(IMM, 7), sem='RD = RS1 & IMM;', fuse='add addw'),
    row('slli', xlen='64', keys=[r64(IMM, 1, 0)], sem='RD = RS1 << (IMMV & 63);', fuse='addi add xor srli'),
    row('srli', xlen='64', keys=[r64(IMM, 5, 0)], sem='RD = RS1 >> (IMMV & 63);', fuse='bne add srl'),
    row('srai', xlen='64', keys=[r64(IMM, 5, 0x20)], sem='RD = (uint64_t)((int64_t)RS1 >> (IMMV & 63));',
        fuse='addi'),
    row('add', xlen='64', keys=[r64(OP, 0, 0)], sem='RD = RS1 + RS2;',
        fuse='add lw ld sltu sw sd bne addi slli sb lbu bgeu bltu srli bge'),
    row('sub', xlen='64', keys=[r64(OP, 0, 0x20)], sem='RD = RS1 - RS2;', fuse='srli'),
    row('sll', xlen='64', keys=[r64(OP, 1, 0)], sem='RD = RS1 << (RS2 & 63);', fuse='srl or sub'),
    row('slt', keys=rb(OP, 2, 0), sem='RD = (SX)RS1 < (SX)RS2;'),
    row('sltu', keys=rb(OP, 3, 0), sem='RD = RS1 < RS2;', fuse='add sw sub'),
    row('xor', keys=rb(OP, 4, 0), sem='RD = RS1 ^ RS2;', fuse='xor sw sd'),
    row('srl', xlen='64', keys=[r64(OP, 5, 0)], sem='RD = RS1 >> (RS2 & 63);', fuse='or sll'),
    row('sra', xlen='64', keys=[r64(OP, 5, 0x20)], sem='RD = (uint64_t)((int64_t)RS1 >> (RS2 & 63));'),
    row('or', keys=rb(OP, 6, 0), sem='RD = RS1 | RS2;', fuse='or addi'),
    row('and', keys=rb(OP, 7, 0), sem='RD = RS1 & RS2;', fuse='and xor'),
    row('fence', keys=[r64(0x0F, 0), r32(0x0F, 0)], sem='',
        doc='FENCE (and FENCE.TSO, PAUSE): a no-op on a single hart.'),
    row('ecall', end=True),
    row('ebreak', end=True, core=False),
    row('addiw', keys=[r64(IMM32, 0), r32(IMM, 0)], sem='RD = SEXT32((uint32_t)RS1 + (uint32_t)IMMV);',
        mnem32='addi', fuse='remw bne slli slliw ld addw addi jal'),
    row('slliw', keys=[r64(IMM32, 1, 0), r32(IMM, 1, 0)], sem='RD = SEXT32((uint32_t)RS1 << (IMMV & 31));',
        mnem32='slli', fuse='addw'),
    row('srliw', keys=[r64(IMM32, 5, 0), r32(IMM, 5, 0)], sem='RD = SEXT32((uint32_t)RS1 >> (IMMV & 31));',
        mnem32='srli'),
    row('sraiw', keys=[r64(IMM32, 5, 0x20), r32(IMM, 5, 0x20)],
        sem='RD = (uint64_t)(int64_t)((int32_t)(uint32_t)RS1 >> (IMMV & 31));', mnem32='srai'),
    row('addw', keys=[r64(OP32, 0, 0), r32(OP, 0, 0)], sem='RD = SEXT32((uint32_t)RS1 + (uint32_t)RS2);',
        mnem32='add', fuse='slli addw bltu ld'),
    row('subw', keys=[r64(OP32, 0, 0x20), r32(OP, 0, 0x20)], sem='RD = SEXT32((uint32_t)RS1 - (uint32_t)RS2);',
        mnem32='sub', fuse='sll'),
    row('sllw', keys=[r64(OP32, 1, 0), r32(OP, 1, 0)], sem='RD = SEXT32((uint32_t)RS1 << (RS2 & 31));',
        mnem32='sll'),
    row('srlw', keys=[r64(OP32, 5, 0), r32(OP, 5, 0)], sem='RD = SEXT32((uint32_t)RS1 >> (RS2 & 31));',
        mnem32='srl'),
    row('sraw', keys=[r64(OP32, 5, 0x20), r32(OP, 5, 0x20)],
        sem='RD = (uint64_t)(int64_t)((int32_t)(uint32_t)RS1 >> (RS2 & 31));', mnem32='sra'),
    row('mul', xlen='64', keys=[r64(OP, 0, 1)], sem='RD = RS1 * RS2;', fuse='addi add'),
    row('mulh', xlen='64', keys=[r64(OP, 1, 1)],
        sem='RD = (uint64_t)(((__int128)(int64_t)RS1 * (__int128)(int64_t)RS2) >> 64);'),
    row('mulhsu', xlen='64', keys=[r64(OP, 2, 1)],
        sem='RD = (uint64_t)(((__int128)(int64_t)RS1 * (__int128)(uint64_t)RS2) >> 64);'),
    row('mulhu', xlen='64', keys=[r64(OP, 3, 1)],
        sem='RD = (uint64_t)(((unsigned __int128)RS1 * (unsigned __int128)RS2) >> 64);', fuse='add'),
    row('div', xlen='64', keys=[r64(OP, 4, 1)],
        sem='{ int64_t a_ = (int64_t)RS1, b_ = (int64_t)RS2; '
            'RD = b_ == 0 ? ~(uint64_t)0 : (b_ == -1 ? (uint64_t)0 - (uint64_t)a_ : (uint64_t)(a_ / b_)); }'),
    row('divu', xlen='64', keys=[r64(OP, 5, 1)], sem='{ uint64_t b_ = RS2; RD = b_ == 0 ? ~(uint64_t)0 : RS1 / b_; }'),
    row('rem', xlen='64', keys=[r64(OP, 6, 1)],
        sem='{ int64_t a_ = (int64_t)RS1, b_ = (int64_t)RS2; '
            'RD = b_ == 0 ? (uint64_t)a_ : (b_ == -1 ? 0 : (uint64_t)(a_ % b_)); }', fuse='addi add lw'),
    row('remu', xlen='64', keys=[r64(OP, 7, 1)], sem='{ uint64_t b_ = RS2; RD = b_ == 0 ? RS1 : RS1 % b_; }'),
    row('mulw', keys=[r64(OP32, 0, 1), r32(OP, 0, 1)], sem='RD = SEXT32((uint32_t)RS1 * (uint32_t)RS2);',
        mnem32='mul'),
    row('divw', keys=[r64(OP32, 4, 1), r32(OP, 4, 1)],
        sem='{ int32_t a_ = (int32_t)(uint32_t)RS1, b_ = (int32_t)(uint32_t)RS2; '
            'RD = b_ == 0 ? ~(uint64_t)0 : SEXT32(b_ == -1 ? (uint32_t)0 - (uint32_t)a_ : (uint32_t)(a_ / b_)); }',
        mnem32='div'),
    row('divuw', keys=[r64(OP32, 5, 1), r32(OP, 5, 1)],
        sem='{ uint32_t a_ = (uint32_t)RS1, b_ = (uint32_t)RS2; RD = b_ == 0 ? ~(uint64_t)0 : SEXT32(a_ / b_); }',
        mnem32='divu'),
    row('remw', keys=[r64(OP32, 6, 1), r32(OP, 6, 1)],
        sem='{ int32_t a_ = (int32_t)(uint32_t)RS1, b_ = (int32_t)(uint32_t)RS2; '
            'RD = SEXT32(b_ == 0 ? (uint32_t)a_ : (b_ == -1 ? 0 : (uint32_t)(a_ % b_))); }',
        mnem32='rem', fuse='addiw ld lw addw'),
    row('remuw', keys=[r64(OP32, 7, 1), r32(OP, 7, 1)],
        sem='{ uint32_t a_ = (uint32_t)RS1, b_ = (uint32_t)RS2; RD = SEXT32(b_ == 0 ? a_ : a_ % b_); }',
        mnem32='remu'),
    row('mulh32', xlen='32', keys=[r32(OP, 1, 1)], mnem='mulh',
        sem='RD = (uint64_t)(((int64_t)(int32_t)(uint32_t)RS1 * (int64_t)(int32_t)(uint32_t)RS2) >> 32);',
        doc='RV32 MULH: high 32 bits of the 64-bit product, sign-extended.'),
    row('mulhsu32', xlen='32', keys=[r32(OP, 2, 1)], mnem='mulhsu',
        sem='RD = (uint64_t)(((int64_t)(int32_t)(uint32_t)RS1 * (int64_t)(uint32_t)RS2) >> 32);',
        doc='RV32 MULHSU: high 32 bits of the 64-bit product, sign-extended.'),
    row('mulhu32', xlen='32', keys=[r32(OP, 3, 1)], mnem='mulhu',
        sem='RD = SEXT32(((uint64_t)(uint32_t)RS1 * (uint64_t)(uint32_t)RS2) >> 32);', fuse='add',
        doc='RV32 MULHU: high 32 bits of the 64-bit product, sign-extended.'),
]

# Straight-line C core bodies of the control transfers (the translator emits its own control flow).
CORE_TERMINAL = {
    'jal': 'RD = PC_OF(IDX() + 1); JUMP((uint64_t)(uint32_t)ip->imm);',
    'jalr': '{ uint64_t t_ = ((RS1 + IMM) & ~(uint64_t)1) & RVX_MASK; uint64_t off_ = t_ - base; '
            'if (UNLIKELY((off_ & 3) != 0 || (off_ >> 2) >= count)) REFUND_LEAVE(); '
            'RD = PC_OF(IDX() + 1); JUMP(off_ >> 2); }',
    'ecall': 'exit_code = RVX_EXIT_ECALL; goto leave;',
}
