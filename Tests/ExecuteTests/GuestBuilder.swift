import BinaryTree
import Execute
import GuestABI
import HostABI
import InputContainer
import RISCVTestSupport

/// Tiny guests for EXECUTE tests, written with the test assembler: s0 points at a 4 KiB RW data page at
/// 0x11000 (`data` at its start); results are stored in 8-byte slots from 0x11800 and committed.
struct Guest {
    static let data: Int64 = 0x11000
    static let slots: Int64 = 0x11800
    var p: Program
    let xlen: Int

    init(xlen: Int = 64) {
        self.xlen = xlen
        p = Program(xlen: xlen)
        p.li(Reg.s0, Guest.slots)
    }

    /// a0… = args; a7 = nr; ecall.
    mutating func call(_ nr: UInt64, _ args: Int64...) {
        for (i, a) in args.enumerated() { p.li(Reg.a0 + i, a) }
        p.syscall(Int64(nr))
    }

    mutating func call(_ nr: NativeSyscall, _ args: Int64...) {
        for (i, a) in args.enumerated() { p.li(Reg.a0 + i, a) }
        p.syscall(Int64(nr.rawValue))
    }

    /// Stores register `reg` (default a0) into slot `i` (8 bytes, sign-extended on RV32).
    mutating func save(_ i: Int, _ reg: Int = Reg.a0) {
        if xlen == 64 {
            p.emit(Asm.sd(reg, Reg.s0, 8 * i))
        } else {
            p.emit(Asm.sw(reg, Reg.s0, 8 * i))
            p.emit(Asm.srai(Reg.t0, reg, 31))
            p.emit(Asm.sw(Reg.t0, Reg.s0, 8 * i + 4))
        }
    }

    /// COMMIT(slots, 8·n).
    mutating func commitSlots(_ n: Int) { call(.commit, Guest.slots, Int64(8 * n)) }

    mutating func exit(_ code: Int64 = 0) { p.exit(code) }

    func elf(data: [UInt8] = []) -> [UInt8] {
        var d = data
        if d.count < 4096 { d += [UInt8](repeating: 0, count: 4096 - d.count) }
        return ELFWriter.executable(xlen: xlen, text: p.bytes, data: d)
    }
}

/// Little-endian Int64 words of an output.
func words(_ bytes: [UInt8]) -> [Int64] {
    stride(from: 0, to: bytes.count - 7, by: 8).map { i in
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
        return Int64(bitPattern: v)
    }
}

func hexBytes(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    var it = s.utf8.makeIterator()
    func nib(_ c: UInt8) -> UInt8 { c <= 57 ? c - 48 : (c | 0x20) - 87 }
    while let a = it.next(), let b = it.next() { out.append(nib(a) << 4 | nib(b)) }
    return out
}

let zeroRoot = [UInt8](repeating: 0, count: 32)

/// A container with BATCH and PRE_STATE_ROOT (and optional extras).
func container(batch: [UInt8], pre: [UInt8] = zeroRoot, extra: [(SectionKind, [UInt8])] = []) -> [UInt8] {
    var s: [(SectionKind, [UInt8])] = [(.batch, batch), (.preStateRoot, pre)] + extra
    s.sort { $0.0 < $1.0 }
    return try! InputContainer.encode(sections: s)
}

/// Runs `guest` in guest-managed mode (claimed root = zero unless given).
func runGuest(_ guest: Guest, data: [UInt8] = [], batch: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9],
         mode: StateMode = .guestManaged, claimed: [UInt8] = zeroRoot, limits: ExecuteLimits = ExecuteLimits(),
         container c: [UInt8]? = nil) -> ExecuteResult {
    execute(ExecuteRequest(program: .elf(guest.elf(data: data)), container: c ?? container(batch: batch),
                           claimedPostRoot: claimed, stateMode: mode, limits: limits))
}

import EVMPrimitives
func EVMPrimitivesKeccak(_ d: [UInt8]) -> [UInt8] { Keccak256.hash(d) }
