import XCTest
import RISCV
import GuestABI
import RISCVTestSupport

/// Minimal syscall handler for interpreter tests: exit (93) halts with a0; anything else returns -38.
struct TestHandler: SyscallHandler {
    var calls: [UInt64] = []
    mutating func handleSyscall(_ hart: Hart) -> SyscallAction {
        calls.append(hart[17])
        if hart[17] == 93 { return .halt(.exited(code: Int64(bitPattern: hart[10]))) }
        hart[10] = UInt64(bitPattern: -38)
        return .resume
    }
}

let textBase: UInt64 = 0x10000
let dataBase: UInt64 = 0x20000

/// Builds a hart from a program (text at 0x10000, RX) and optional data (at 0x20000, RW).
func makeHart(_ xlen: XLEN = .rv64, data: [UInt8] = [], dataSize: UInt64? = nil,
              config: MachineConfig = MachineConfig(), _ build: (inout Program) -> Void) throws -> Hart {
    var p = Program(xlen: xlen == .rv64 ? 64 : 32, base: textBase)
    build(&p)
    var segs = [Segment(address: textBase, bytes: p.bytes, permissions: [.read, .execute])]
    if !data.isEmpty || dataSize != nil {
        segs.append(Segment(address: dataBase, bytes: data, memorySize: dataSize ?? UInt64(data.count),
                            permissions: [.read, .write]))
    }
    return try Hart(image: ProgramImage(xlen: xlen, entry: textBase, segments: segs), config: config)
}

/// Runs a program and returns the hart and the stop reason.
func runProgram(_ xlen: XLEN = .rv64, data: [UInt8] = [], dataSize: UInt64? = nil, config: MachineConfig = MachineConfig(),
         _ build: (inout Program) -> Void) throws -> (Hart, StopReason) {
    let h = try makeHart(xlen, data: data, dataSize: dataSize, config: config, build)
    var handler = TestHandler()
    let r = h.run(&handler)
    return (h, r)
}

/// a0 = op(a1 = a, a2 = b); returns a0 after the program reaches EBREAK.
func rr(_ a: Int64, _ b: Int64, _ op: (Int, Int, Int) -> UInt32,
        file: StaticString = #filePath, line: UInt = #line) -> UInt64 {
    rrX(.rv64, a, b, op, file: file, line: line)
}

/// rr for a given XLEN.
func rrX(_ xlen: XLEN, _ a: Int64, _ b: Int64, _ op: (Int, Int, Int) -> UInt32,
        file: StaticString = #filePath, line: UInt = #line) -> UInt64 {
    do {
        let (h, r) = try runProgram(xlen) { p in
            p.li(Reg.a1, a); p.li(Reg.a2, b); p.emit(op(Reg.a0, Reg.a1, Reg.a2), Asm.ebreak())
        }
        guard case .breakpoint = r else { XCTFail("stopped with \(r)", file: file, line: line); return 0 }
        return h[Reg.a0]
    } catch { XCTFail("\(error)", file: file, line: line); return 0 }
}

/// a0 = op(a1 = a); returns a0.
func ri(_ a: Int64, _ op: (Int, Int) -> UInt32,
        file: StaticString = #filePath, line: UInt = #line) -> UInt64 {
    rrX(.rv64, a, 0, { rd, rs1, _ in op(rd, rs1) }, file: file, line: line)
}

/// The same for RV32; returns the low 32 bits after checking the register is sign-extended.
func rr32(_ a: Int64, _ b: Int64, _ op: (Int, Int, Int) -> UInt32, file: StaticString = #filePath, line: UInt = #line) -> UInt32 {
    let v = rrX(.rv32, a, b, op, file: file, line: line)
    XCTAssertEqual(v, UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: v))), "RV32 register not canonical", file: file, line: line)
    return UInt32(truncatingIfNeeded: v)
}

func ri32(_ a: Int64, _ op: (Int, Int) -> UInt32, file: StaticString = #filePath, line: UInt = #line) -> UInt32 {
    rr32(a, 0, { rd, rs1, _ in op(rd, rs1) }, file: file, line: line)
}
