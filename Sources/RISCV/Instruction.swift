/// A pre-decoded instruction (8 bytes): the decoder turns every 4-byte slot of the executable pages into
/// one record, stored contiguously and indexed by (pc - codeBase) / 4.
/// `rd` is 32 (a scratch register) when the instruction writes x0, so writes to x0 need no test.
@usableFromInline
struct Instruction {
    @usableFromInline var op: Op
    @usableFromInline var rd: UInt8
    @usableFromInline var rs1: UInt8
    @usableFromInline var rs2: UInt8
    @usableFromInline var imm: Int32

    @inline(__always)
    init(_ op: Op, rd: UInt8 = 32, rs1: UInt8 = 0, rs2: UInt8 = 0, imm: Int32 = 0) {
        self.op = op
        self.rd = rd
        self.rs1 = rs1
        self.rs2 = rs2
        self.imm = imm
    }
}
