import DevTools
import RISCV
import RISCVTestSupport

/// exit (93) halts with a0; CYCLE_SCOPE (0x1042) and other calls are charged `cost` cycles and return 0.
struct ScriptedHandler: SyscallHandler {
    var cost: UInt64 = 0
    mutating func handleSyscall(_ hart: Hart) -> SyscallAction {
        if hart[17] == 93 { return .halt(.exited(code: Int64(bitPattern: hart[10]))) }
        hart.chargeCycles(cost)
        hart[10] = 0
        return .resume
    }
}

/// A program assembled at 0x10000 (RX), optional data at 0x20000 (RW), and a symbol per listed label.
struct TestProgram {
    let image: ProgramImage
    let symbols: Symbolizer

    init(xlen: XLEN = .rv64, data: [UInt8] = [], functions: [String], _ build: (inout Program) -> Void) {
        var p = Program(xlen: xlen == .rv64 ? 64 : 32, base: 0x10000)
        build(&p)
        var segs = [Segment(address: 0x10000, bytes: p.bytes, permissions: [.read, .execute])]
        if !data.isEmpty { segs.append(Segment(address: 0x20000, bytes: data, memorySize: 0x1000, permissions: [.read, .write])) }
        image = ProgramImage(xlen: xlen, entry: 0x10000, segments: segs)
        symbols = Symbolizer(entries: functions.compactMap { name in
            p.address(of: name).map { Symbolizer.Entry(name: name, address: $0, size: 0) }
        })
    }

    func hart() throws -> Hart { try Hart(image: image) }
    var code: CodeMap { CodeMap(image: image) }
}
